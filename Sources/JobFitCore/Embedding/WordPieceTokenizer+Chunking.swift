import Foundation

// MARK: - Cutting long texts into encoder-sized chunks

extension WordPieceTokenizer {
  /// UTF-8 byte ranges of `text` that each encode to at most `maxLength` tokens (`[CLS]` and
  /// `[SEP]` included), so no chunk is truncated, and that together cover every non-blank byte.
  ///
  /// Cut at lines first (a résumé or posting line is the natural unit of evidence); a line that
  /// is too long is cut into sentences (after `.` `!` `?` `;` followed by a space, or after `。`
  /// `！` `？`); a sentence that is still too long is packed greedily word by word; a single word
  /// that is too long is cut every `maxLength − 2` scalars (a word piece covers at least one
  /// scalar, so that always fits). Ranges are trimmed of surrounding whitespace, in text order,
  /// and never empty.
  ///
  /// Token counts add up across whitespace: the basic tokenizer always splits there, so the
  /// pieces of "a b" are the pieces of "a" followed by those of "b".
  public func chunkRanges(of text: String) -> [Range<Int>] {
    let bytes = Array(text.utf8)
    let budget = maxLength - 2
    var result: [Range<Int>] = []
    for line in Self.lines(bytes) {
      guard let line = Self.trimmed(bytes, line) else { continue }
      if pieceCount(bytes, line) <= budget {
        result.append(line)
        continue
      }
      for sentence in Self.sentences(bytes, line) {
        guard let sentence = Self.trimmed(bytes, sentence) else { continue }
        if pieceCount(bytes, sentence) <= budget {
          result.append(sentence)
        } else {
          result += packWords(bytes, sentence, budget: budget)
        }
      }
    }
    return result
  }

  func pieceCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    wordPieces(String(decoding: bytes[range], as: UTF8.self)).count
  }

  /// Greedy packing of whitespace-separated words into ranges of at most `budget` pieces.
  private func packWords(_ bytes: [UInt8], _ range: Range<Int>, budget: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var current: Range<Int>?
    var count = 0
    for word in Self.words(bytes, range) {
      let pieces = pieceCount(bytes, word)
      if pieces > budget {
        if let c = current { result.append(c) }
        current = nil
        count = 0
        result += Self.scalarSlices(bytes, word, every: budget)
        continue
      }
      if let c = current, count + pieces <= budget {
        current = c.lowerBound..<word.upperBound
        count += pieces
      } else {
        if let c = current { result.append(c) }
        current = word
        count = pieces
      }
    }
    if let c = current { result.append(c) }
    return result
  }

  /// `range` cut every `every` Unicode scalars.
  private static func scalarSlices(_ bytes: [UInt8], _ range: Range<Int>, every: Int) -> [Range<
    Int
  >] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var scalars = 0
    for i in range where bytes[i] & 0xC0 != 0x80 {
      if scalars == every {
        result.append(start..<i)
        start = i
        scalars = 0
      }
      scalars += 1
    }
    if start < range.upperBound { result.append(start..<range.upperBound) }
    return result
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

  /// Lines, split at LF (a CR before it is trimmed as whitespace).
  private static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
    let range = 0..<bytes.count
    var result: [Range<Int>] = []
    var start = range.lowerBound
    for i in range where bytes[i] == 0x0A {
      result.append(start..<i)
      start = i + 1
    }
    result.append(start..<range.upperBound)
    return result
  }

  private static func sentences(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var i = range.lowerBound
    while i < range.upperBound {
      let b = bytes[i]
      var end: Int?
      if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3B {  // . ! ? ;
        if i + 1 < range.upperBound, isSpace(bytes[i + 1]) { end = i + 1 }
      } else if b == 0xE3, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0x82 {
        end = i + 3  // 。
      } else if b == 0xEF, i + 2 < range.upperBound, bytes[i + 1] == 0xBC,
        bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F
      {
        end = i + 3  // ！ ？
      }
      if let end {
        result.append(start..<end)
        start = end
        i = end
      } else {
        i += 1
      }
    }
    if start < range.upperBound { result.append(start..<range.upperBound) }
    return result
  }

  private static func words(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int?
    for i in range {
      if isSpace(bytes[i]) {
        if let s = start { result.append(s..<i) }
        start = nil
      } else if start == nil {
        start = i
      }
    }
    if let s = start { result.append(s..<range.upperBound) }
    return result
  }

  /// `range` without leading and trailing ASCII whitespace, or `nil` when nothing is left.
  private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    var lower = range.lowerBound, upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    return lower < upper ? lower..<upper : nil
  }
}
