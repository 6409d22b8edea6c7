import Foundation

/// The evidence lines of one document: each decoded, trimmed and classified once.
///
/// A posting names several skills per line ("Python, SQL and Airflow"), and before this cache
/// every mention decoded its line, trimmed it with Foundation and classified it with a
/// lower-cased copy and a regular expression (issue 5). Values are exactly those of
/// `String(decoding: line).trimmingCharacters(in: .whitespacesAndNewlines)` and
/// `RequirementLevel.classify(section:line:)`.
struct EvidenceLines {
  private let bytes: [UInt8]
  private var lines: [Int: String] = [:]
  private var levels: [LevelKey: RequirementLevel] = [:]

  private struct LevelKey: Hashable {
    var lineStart: Int
    var section: Section.Kind
  }

  init(text: String) {
    bytes = Array(text.utf8)
  }

  /// The trimmed line `mention` is on.
  mutating func line(_ mention: SkillMention) -> String {
    if let line = lines[mention.lineStart] { return line }
    let line = Self.trimmed(bytes[mention.lineStart..<mention.lineEnd])
    lines[mention.lineStart] = line
    return line
  }

  /// The requirement level of `mention` (postings).
  mutating func level(of mention: SkillMention) -> RequirementLevel {
    let key = LevelKey(lineStart: mention.lineStart, section: mention.section)
    if let level = levels[key] { return level }
    let level = RequirementLevel.classify(section: mention.section, line: line(mention))
    levels[key] = level
    return level
  }

  /// `slice` decoded and trimmed of white space and newlines at both ends.
  ///
  /// ASCII white space is cut on bytes; when a non-ASCII scalar is left at an end (it may be a
  /// no-break or ideographic space) Foundation trims the whole line, as before.
  static func trimmed(_ slice: ArraySlice<UInt8>) -> String {
    var lo = slice.startIndex
    var hi = slice.endIndex
    while lo < hi, isASCIISpace(slice[lo]) { lo += 1 }
    while hi > lo, isASCIISpace(slice[hi - 1]) { hi -= 1 }
    if lo < hi, slice[lo] >= 0x80 || slice[hi - 1] >= 0x80 {
      return String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    return String(decoding: slice[lo..<hi], as: UTF8.self)
  }

  @inline(__always)
  private static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}

/// Lines that talk about speaking a language, for documents without a Languages section.
enum SpokenLanguageLines {
  static let words = ["fluent", "native", "bilingual", "proficien", "speak", "language"]
  private static let needles = ASCIIText.needles(words)

  /// The non-empty lines of `text` holding one of `words` (case-insensitively), joined by "\n".
  ///
  /// Same result as splitting on `Character` "\n" and testing `line.lowercased().contains`, which
  /// it falls back to for text with "\r" (where "\r\n" is one `Character`) and for lines the byte
  /// test cannot decide (see `ASCIIText`).
  static func filter(_ text: String) -> String {
    guard !text.utf8.contains(0x0D) else { return characterFilter(text) }
    var copy = text
    return copy.withUTF8 { bytes -> String in
      var kept: [UInt8] = []
      var start = 0
      for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A {
        defer { start = end + 1 }
        guard end > start else { continue }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let keep =
          ASCIIText.containsAny(needles, in: line)
          ?? {
            let lower = String(decoding: line, as: UTF8.self).lowercased()
            return words.contains(where: lower.contains)
          }()
        guard keep else { continue }
        if !kept.isEmpty { kept.append(0x0A) }
        kept.append(contentsOf: line)
      }
      return String(decoding: kept, as: UTF8.self)
    }
  }

  /// The original `Character`-based filter.
  static func characterFilter(_ text: String) -> String {
    text.split(separator: "\n").filter { line in
      let l = line.lowercased()
      return words.contains(where: l.contains)
    }.joined(separator: "\n")
  }
}
