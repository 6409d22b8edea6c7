/// Splits text into words, keeping technical tokens whole.
///
/// The tokenizer scans the UTF-8 bytes of the source once and reports byte ranges; it never
/// rewrites text (the ``Normalizer`` does that per token), so offsets always point into the source.
///
/// A *word* is a run of letters, digits and combining marks. Joiners inside a word keep it whole:
///
/// | joiner | rule | kept whole | split |
/// | --- | --- | --- | --- |
/// | `.` | between two word characters; also leading when it follows no word and precedes a letter | `node.js`, `asp.net`, `3.5`, `.net` | `Python.` → `Python` |
/// | `-` | one side is a single letter, or the left part has a letter and the right starts with a digit | `t-sql`, `e-commerce`, `gpt-4`, `covid-19` | `full-stack`, `2019-2021` |
/// | `/` `&` | both sides are at most 3 characters (counted from the previous `/` or `&`) | `ci/cd`, `a/b`, `tcp/ip`, `pl/sql`, `24/7`, `r&d` | `python/java`, `html/css` |
/// | `'` `’` | between two letters | `don't`, `o'reilly` | `'quoted'` → `quoted` |
/// | `_` | before a word character | `snake_case` | |
///
/// Suffixes: `+`/`++` after a letters-only word of at most 2 letters, or `++` after any letters-only
/// word (`c++`, `notepad++`; but `7+` → `7`); `#` after a letters-only word of at most 2 letters
/// (`c#`, `f#`). Everything else (spaces, `,;:!?()[]{}"`, other symbols, emoji) separates.
///
/// E-mail addresses (`name@host`) and URLs (`http://`, `https://`, `ftp://`, `www.`) are dropped:
/// they identify people, not skills, and would put personal data into a saved vocabulary.
///
/// Han, Hiragana, Katakana and Hangul runs are reported character by character as overlapping
/// bigrams (`機械学習` → `機械`, `械学`, `学習`); a run of one character is reported alone.
public struct Tokenizer: Sendable, Hashable, Codable {
  public init() {}

  /// Calls `body(start, end, isCJK)` for each token of `bytes`, in order.
  ///
  /// - Complexity: O(*n*) in the number of bytes; each byte is classified at most a few times.
  @inline(__always)
  func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int, _ cjk: Bool) -> Void) {
    UnitClass.ascii.withUnsafeBufferPointer { table in
      var scanner = Scanner(bytes: bytes, table: table)
      while let token = scanner.next() { body(token.start, token.end, token.cjk) }
    }
  }
}

// MARK: - TextAnalyzer

extension Tokenizer: TextAnalyzer {
  /// The raw tokens of `text`: each term is the source slice itself, not normalised.
  public func tokens(in text: String) -> [Token] {
    var text = text
    return text.withUTF8 { bytes in
      var tokens: [Token] = []
      forEachToken(in: bytes) { start, end, _ in
        let term = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        tokens.append(Token(term: term, start: start, end: end, position: tokens.count))
      }
      return tokens
    }
  }
}

/// The state of one scan: the source bytes, the ASCII class table and the read position.
///
/// A pull iterator (``next()``) rather than a callback, so the analyzer's loop keeps its cache and
/// token array in locals.
struct Scanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let table: UnsafeBufferPointer<UnitClass>
  /// The next byte to read.
  private var index = 0
  /// Inside a CJK run: the start of the last character, which begins the next bigram.
  private var cjkPrevious = -1

  init(bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UnitClass>) {
    self.bytes = bytes
    self.table = table
  }

  var count: Int { bytes.count }

  /// The class and byte length of the unit starting at `i` (`.separator` past the end).
  @inline(__always) func unit(at i: Int) -> (UnitClass, Int) {
    guard i < count else { return (.separator, 0) }
    let b = bytes[i]
    if b < 0x80 { return (table[Int(b)], 1) }
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    guard length > 1, i + length <= count else { return (.separator, 1) }
    var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
    return (UnitClass.of(scalar: value), length)
  }

  @inline(__always) func isASCII(_ i: Int, _ ascii: UInt8) -> Bool { i < count && bytes[i] == ascii }

  /// The next token's byte range, or `nil` at the end of the text.
  @inline(__always)
  mutating func next() -> (start: Int, end: Int, cjk: Bool)? {
    while index < count {
      let (kind, length) = unit(at: index)
      if cjkPrevious >= 0 {
        // Continue a CJK run: each further character closes the bigram begun by the previous one.
        let previous = cjkPrevious
        guard kind == .cjk else {
          cjkPrevious = -1
          continue
        }
        cjkPrevious = index
        index += length
        return (previous, index, true)
      }
      switch kind {
      case .letter, .digit:
        if let token = word() { return token }
      case .dot where unit(at: index + 1).0 == .letter && !followsWordOrDot(index):
        if let token = word() { return token }
      case .cjk:
        let start = index
        index += length
        let (nextKind, nextLength) = unit(at: index)
        guard nextKind == .cjk else { return (start, index, true) }  // a lone character: unigram
        cjkPrevious = index
        index += nextLength
        return (start, index, true)
      default:
        index += length
      }
    }
    return nil
  }

  /// Scans the word at `index`; `nil` when it was an e-mail address or URL (skipped).
  @inline(__always)
  private mutating func word() -> (start: Int, end: Int, cjk: Bool)? {
    let start = index
    let (end, resume) = scanWord(from: start)
    index = resume
    return end > start ? (start, end, false) : nil
  }

  /// Whether the unit before `i` is a word character or a dot (a non-ASCII predecessor counts as
  /// a word character, which is the conservative answer for a leading dot).
  private func followsWordOrDot(_ i: Int) -> Bool {
    guard i > 0 else { return false }
    let b = bytes[i - 1]
    guard b < 0x80 else { return true }
    let kind = table[Int(b)]
    return kind.isWord || kind == .dot
  }
}
