import Foundation

/// BERT's uncased WordPiece tokenizer, read from a `vocab.txt` (one token per line, id = line).
///
/// `encode(_:)` gives exactly the ids Hugging Face's `BertTokenizerFast` gives with
/// all-MiniLM-L6-v2's settings (lowercase, strip accents, split CJK ideographs, truncation at
/// 256 tokens including `[CLS]` and `[SEP]`); the parity fixture checks this string by string.
///
/// WordPiece is greedy longest-match-first: a word is cut into the longest prefix found in the
/// vocabulary, then the longest `##`-prefixed continuation, and so on; a word with a part that
/// matches nothing, or longer than 100 scalars, becomes a single `[UNK]`.
public struct WordPieceTokenizer: Sendable {
  /// Words longer than this many Unicode scalars become `[UNK]` (BERT's `max_input_chars_per_word`).
  public static let maxScalarsPerWord = 100

  /// Tokens by UTF-8 bytes (exact, unlike `String` keys, which compare canonically).
  let vocabulary: [[UInt8]: Int32]
  /// The longest token in bytes, `##` included; bounds the longest-match search.
  let longestToken: Int
  /// Number of tokens in the vocabulary.
  public let vocabularySize: Int
  /// Most ids `encode` returns, `[CLS]` and `[SEP]` included.
  public let maxLength: Int
  public let classifierID: Int32
  public let separatorID: Int32
  public let unknownID: Int32

  /// Reads `vocab.txt`.
  ///
  /// - Parameter maxLength: the model's `max_seq_length` (256 for all-MiniLM-L6-v2, from
  ///   `sentence_bert_config.json`), at least 2.
  /// - Throws: `JobFitError.fileNotFound` / `.unreadable`, or `.corruptModel` when the file is
  ///   not UTF-8 or lacks `[CLS]`, `[SEP]` or `[UNK]`.
  public init(vocabularyFile url: URL, maxLength: Int = 256) throws {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw JobFitError.unreadable(path: url.path, reason: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw JobFitError.corruptModel(path: url.path, reason: "vocabulary is not UTF-8")
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    let tokens = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    try self.init(tokens: tokens, maxLength: maxLength, path: url.path)
  }

  /// A tokenizer over `tokens` (id = position); `path` names the source in errors.
  public init(tokens: [String], maxLength: Int = 256, path: String = "<vocabulary>") throws {
    guard maxLength >= 2 else {
      throw JobFitError.invalidParameter(name: "maxLength", value: "\(maxLength)", expected: "≥ 2")
    }
    var vocabulary: [[UInt8]: Int32] = [:]
    vocabulary.reserveCapacity(tokens.count)
    var longest = 0
    for (id, token) in tokens.enumerated() {
      let bytes = Array(token.utf8)
      // A later duplicate wins, as in Hugging Face's `load_vocab` (BERT's vocabulary has none).
      vocabulary[bytes] = Int32(id)
      longest = max(longest, bytes.count)
    }
    func id(_ token: String) throws -> Int32 {
      guard let id = vocabulary[Array(token.utf8)] else {
        throw JobFitError.corruptModel(path: path, reason: "vocabulary has no \(token) token")
      }
      return id
    }
    self.classifierID = try id("[CLS]")
    self.separatorID = try id("[SEP]")
    self.unknownID = try id("[UNK]")
    self.vocabulary = vocabulary
    self.longestToken = longest
    self.vocabularySize = tokens.count
    self.maxLength = maxLength
  }
}

// MARK: - Encoding

extension WordPieceTokenizer {
  /// `[CLS]`, the word pieces of `text` (truncated to `maxLength − 2`), `[SEP]`.
  ///
  /// The empty string gives `[CLS] [SEP]`.
  public func encode(_ text: String) -> [Int32] {
    var ids: [Int32] = [classifierID]
    ids.append(contentsOf: wordPieces(text, limit: maxLength - 2))
    ids.append(separatorID)
    return ids
  }

  /// The word-piece ids of `text`, without special tokens, stopping after `limit` ids.
  public func wordPieces(_ text: String, limit: Int = .max) -> [Int32] {
    var ids: [Int32] = []
    for word in basicWords(text) {
      if ids.count >= limit { break }
      appendWordPieces(of: word, to: &ids)
    }
    if ids.count > limit { ids.removeLast(ids.count - limit) }
    return ids
  }

  /// Greedy longest-match-first WordPiece on one word's UTF-8 bytes.
  func appendWordPieces(of word: [UInt8], to ids: inout [Int32]) {
    // Scalar boundaries: a UTF-8 continuation byte is 10xxxxxx.
    var boundaries: [Int] = []
    boundaries.reserveCapacity(word.count + 1)
    for (i, byte) in word.enumerated() where byte & 0xC0 != 0x80 { boundaries.append(i) }
    boundaries.append(word.count)
    guard boundaries.count - 1 <= Self.maxScalarsPerWord else {
      ids.append(unknownID)
      return
    }
    let mark = ids.count
    var key: [UInt8] = []
    key.reserveCapacity(longestToken)
    var startIndex = 0  // index into `boundaries`
    while startIndex < boundaries.count - 1 {
      let start = boundaries[startIndex]
      let prefix = start > 0 ? 2 : 0
      var found: Int32?
      var endIndex = boundaries.count - 1
      while endIndex > startIndex {
        let end = boundaries[endIndex]
        if end - start + prefix <= longestToken {
          key.removeAll(keepingCapacity: true)
          if prefix > 0 { key.append(contentsOf: [0x23, 0x23]) }  // "##"
          key.append(contentsOf: word[start..<end])
          if let id = vocabulary[key] {
            found = id
            break
          }
        }
        endIndex -= 1
      }
      guard let id = found else {
        ids.removeLast(ids.count - mark)
        ids.append(unknownID)
        return
      }
      ids.append(id)
      startIndex = endIndex
    }
  }
}
