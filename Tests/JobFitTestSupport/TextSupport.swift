import JobFitCore
import Testing

/// Expects `analyzer` to turn `text` into exactly the terms `expected`, and checks the invariants
/// every token stream must keep (in the manner of Lucene's `BaseTokenStreamTestCase`):
///
/// - offsets are in bounds (`0 <= start < end <= text.utf8.count`) and on UTF-8 scalar boundaries;
/// - start offsets never go backwards, positions never go backwards, and single-word tokens
///   (terms without a space, i.e. not word n-grams) have strictly increasing positions;
/// - the source slice at a token's offsets analyses to its term: for an ``Analyzer`` the slice,
///   normalised (and stemmed, when that is what the analyzer did), equals the term; for the bare
///   ``Tokenizer`` the slice *is* the term. Word n-grams must span their first and last words
///   (checked when the stream also holds the unigrams).
public func expectTokens(
  _ expected: [String],
  from text: String,
  analyzer: some TextAnalyzer = Analyzer.english,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let tokens = analyzer.tokens(in: text)
  #expect(tokens.map(\.term) == expected, "terms of \(String(reflecting: text))", sourceLocation: sourceLocation)
  let utf8 = Array(text.utf8)
  func isBoundary(_ i: Int) -> Bool { i == utf8.count || utf8[i] & 0xC0 != 0x80 }

  var previous: Token?
  var previousWord: Token?
  for token in tokens {
    let label = "token \(String(reflecting: token.term)) [\(token.start)..<\(token.end)] #\(token.position)"
    guard token.start >= 0, token.start < token.end, token.end <= utf8.count,
      isBoundary(token.start), isBoundary(token.end)
    else {
      Issue.record("offsets out of bounds or inside a character: \(label)", sourceLocation: sourceLocation)
      continue
    }
    if let previous {
      #expect(token.start >= previous.start, "start went backwards: \(label)", sourceLocation: sourceLocation)
      #expect(token.position >= previous.position, "position went backwards: \(label)", sourceLocation: sourceLocation)
    }
    previous = token
    let slice = String(decoding: utf8[token.start..<token.end], as: UTF8.self)
    if token.term.contains(" ") {
      // Without unigrams in the stream (e.g. ngramRange 2...2) there is nothing to compare with.
      guard tokens.contains(where: { !$0.term.contains(" ") }) else { continue }
      let words = token.term.split(separator: " ")
      let first = tokens.first { $0.start == token.start && !$0.term.contains(" ") }
      let last = tokens.last { $0.end == token.end && !$0.term.contains(" ") }
      #expect(first.map { Substring($0.term) } == words.first, "n-gram start: \(label)", sourceLocation: sourceLocation)
      #expect(last.map { Substring($0.term) } == words.last, "n-gram end: \(label)", sourceLocation: sourceLocation)
      continue
    }
    if let previousWord {
      #expect(token.position > previousWord.position, "positions must increase: \(label)", sourceLocation: sourceLocation)
    }
    previousWord = token
    if let analyzer = analyzer as? Analyzer {
      let plain = analyzer.term(forSource: slice, stemmed: false)
      let stemmed = analyzer.term(forSource: slice, stemmed: true)
      #expect(
        token.term == plain || token.term == stemmed,
        "slice \(String(reflecting: slice)) analyses to \(String(reflecting: plain)) / \(String(reflecting: stemmed)), not \(label)",
        sourceLocation: sourceLocation)
    } else if analyzer is Tokenizer {
      #expect(token.term == slice, "raw token must be its slice: \(label)", sourceLocation: sourceLocation)
    }
  }
}
