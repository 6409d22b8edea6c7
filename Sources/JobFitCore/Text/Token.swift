/// One term produced by an analyzer.
///
/// `start..<end` is the UTF-8 byte range of the token in the *source* text given to the analyzer;
/// filters change `term` but never the offsets, so explanations can always point back at the
/// original words.
public struct Token: Sendable, Equatable, Hashable {
  /// The normalised, possibly stemmed term that goes into vocabularies.
  public var term: String
  /// UTF-8 byte offset of the first byte in the source text.
  public var start: Int
  /// UTF-8 byte offset one past the last byte in the source text.
  public var end: Int
  /// Position in the token stream (0, 1, 2, …) before any token was removed.
  public var position: Int

  public init(term: String, start: Int, end: Int, position: Int) {
    self.term = term
    self.start = start
    self.end = end
    self.position = position
  }
}

/// Turns text into terms.
///
/// Implementations are immutable values, safe to share across threads.
public protocol TextAnalyzer: Sendable {
  /// The tokens of `text`, in order, with byte offsets into `text`.
  func tokens(in text: String) -> [Token]
}

extension TextAnalyzer {
  /// The terms of `text`, in order (offsets dropped).
  public func terms(in text: String) -> [String] { tokens(in: text).map(\.term) }
}
