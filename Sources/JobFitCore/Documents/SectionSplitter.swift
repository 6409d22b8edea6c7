import Foundation

/// Splits a document's text into sections at its headings.
///
/// A line is a heading when, after trimming, it is one of:
/// 1. a Markdown heading (`#` to `######` then a space);
/// 2. a known name (`SectionHeadings`), compared case-insensitively without decoration
///    (`*`, `_`, `=`, `-`, `:`) — "EXPERIENCE", "**Skills**", "What you'll do:";
/// 3. a short line in capitals: at most 60 characters and 6 words, at least 4 letters, 80 % of
///    them upper-case, no comma, not ending with "." (so "AWS" or "SQL, GO" in a skills list
///    stay text);
/// 4. a short line ending with a colon: at most 50 characters and 6 words, starting with a
///    letter, with no other colon ("Location: Remote" is not a heading, "Team Introduction:" is).
/// Bullet lines ("•", "-", "*", "+" then a space) are never headings.
///
/// Each section's `range` covers its body — from the line after the heading to the line
/// before the next heading, trimmed of blank lines and surrounding whitespace — as UTF-8 byte
/// offsets into the text. Text before the first heading becomes a section of kind `.other`
/// with heading "" when it holds anything but whitespace.
public enum SectionSplitter {
  /// The sections of `text`, in order.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func sections(in text: String) -> [Section] {
    let bytes = Array(text.utf8)
    var headings: [(kind: Section.Kind, heading: String, lineStart: Int, bodyStart: Int)] = []
    var lineStart = 0
    while lineStart <= bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
      if mayBeHeading(bytes[lineStart..<lineEnd]),
        let found = heading(in: bytes[lineStart..<lineEnd])
      {
        headings.append((found.kind, found.heading, lineStart, min(lineEnd + 1, bytes.count)))
      }
      lineStart = lineEnd + 1
    }
    var sections: [Section] = []
    let firstStart = headings.first?.lineStart ?? bytes.count
    let lead = trimmed(bytes, 0..<firstStart)
    if !lead.isEmpty { sections.append(Section(kind: .other, heading: "", range: lead)) }
    var parent: (kind: Section.Kind, level: Int)?
    for (index, found) in headings.enumerated() {
      let end = index + 1 < headings.count ? headings[index + 1].lineStart : bytes.count
      let body = trimmed(bytes, found.bodyStart..<max(found.bodyStart, end))
      let level = markdownLevel(bytes[found.lineStart..<found.bodyStart])
      var kind = found.kind
      if kind != .other {
        parent = (kind, level)
      } else if let p = parent,
        inherits(level: level, line: bytes[found.lineStart..<found.bodyStart], from: p)
      {
        kind = p.kind
      } else {
        parent = nil
      }
      sections.append(Section(kind: kind, heading: found.heading, range: body))
    }
    return sections
  }

  /// Whether an unrecognised heading continues the section above it: a deeper Markdown heading
  /// ("### Staff Engineer — Acme" under "## Experience") always does; a plain heading line (a job
  /// title in capitals, "Acme Corp:") does under Experience, Education and Projects, where entries
  /// usually have headings of their own — unless it ends with a colon or is all capitals, the
  /// usual forms of a new top-level heading ("Volunteering:", "AWARDS").
  private static func inherits(
    level: Int, line: ArraySlice<UInt8>, from parent: (kind: Section.Kind, level: Int)
  ) -> Bool {
    if level > 0 && parent.level > 0 { return level > parent.level }
    guard level == 0, [.experience, .education, .projects].contains(parent.kind) else { return false }
    let text = trim(line, " \t\r\n")
    if text.last == UInt8(ascii: ":") { return false }
    let letters = text.filter { HTMLText.isLetter($0) }
    return !letters.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
  }

  /// The number of leading `#` of a Markdown heading line, 0 for other headings.
  private static func markdownLevel(_ line: ArraySlice<UInt8>) -> Int {
    let marks = line.prefix(while: { $0 == UInt8(ascii: "#") }).count
    return marks <= 6 ? marks : 0
  }

  /// A cheap byte-level filter run on every line: at most 240 bytes, and Markdown headings
  /// aside, at most 8 words (no heading rule accepts more), so body sentences skip `heading(in:)`.
  static func mayBeHeading(_ line: ArraySlice<UInt8>) -> Bool {
    guard !line.isEmpty, line.count <= 240 else { return false }
    var start = line.startIndex
    while start < line.endIndex, line[start] == 0x20 || line[start] == 0x09 { start += 1 }
    guard start < line.endIndex else { return false }
    if line[start] == UInt8(ascii: "#") { return true }
    var spaces = 0
    var previousSpace = true
    for byte in line[start...] {
      let isSpace = byte == 0x20 || byte == 0x09
      if isSpace && !previousSpace {
        spaces += 1
        if spaces >= 8 { return false }
      }
      previousSpace = isSpace
    }
    return true
  }

  /// The kind and cleaned text of `line` when it is a heading.
  static func heading(in line: String) -> (kind: Section.Kind, heading: String)? {
    heading(in: Array(line.utf8)[...])
  }

  /// The kind and cleaned text of the UTF-8 `line` when it is a heading.
  static func heading(in line: ArraySlice<UInt8>) -> (kind: Section.Kind, heading: String)? {
    let text = trim(line, " \t")
    guard let first = text.first, text.count <= 480 else { return nil }
    // Bullets: "•", "·", "▪", "◦", "–", or "-", "*", "+" followed by a space.
    if text.starts(with: [0xE2, 0x80, 0xA2]) || text.starts(with: [0xC2, 0xB7])
      || text.starts(with: [0xE2, 0x96, 0xAA]) || text.starts(with: [0xE2, 0x97, 0xA6])
      || text.starts(with: [0xE2, 0x80, 0x93])
    {
      return nil
    }
    if "-*+".utf8.contains(first), text.dropFirst().first == 0x20 { return nil }
    if first == UInt8(ascii: "#") {
      let marks = text.prefix(while: { $0 == UInt8(ascii: "#") }).count
      let rest = text.dropFirst(marks)
      guard marks <= 6, rest.first == 0x20 || rest.first == 0x09 else { return nil }
      let name = String(decoding: trim(rest, "# \t"), as: UTF8.self)
      guard !name.isEmpty else { return nil }
      return (SectionHeadings.kind(of: name) ?? .other, name)
    }
    let nameBytes = trim(text, "*_=-:|~ \t")
    guard let firstByte = nameBytes.first else { return nil }
    let name = String(decoding: nameBytes, as: UTF8.self)
    let length = nameBytes.allSatisfy { $0 < 0x80 } ? nameBytes.count : name.count
    if length <= 60, let kind = SectionHeadings.kind(of: name) { return (kind, name) }
    let words = nameBytes.split(separator: 0x20).count
    let startsWithLetter = firstByte >= 0x80 || HTMLText.isLetter(firstByte)
    let startsWithDigit = firstByte >= 0x30 && firstByte <= 0x39
    guard words <= 6, startsWithLetter || startsWithDigit else { return nil }
    if length <= 60, !nameBytes.contains(UInt8(ascii: ",")), nameBytes.last != UInt8(ascii: "."),
      isCapitalised(name)
    {
      return (.other, name)
    }
    if text.last == UInt8(ascii: ":"), length <= 50, !nameBytes.contains(UInt8(ascii: ":")),
      startsWithLetter
    {
      return (.other, name)
    }
    return nil
  }

  /// `bytes` without the ASCII characters of `set` at either end.
  static func trim(_ bytes: ArraySlice<UInt8>, _ set: StaticString) -> ArraySlice<UInt8> {
    let strip = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
    var lower = bytes.startIndex
    var upper = bytes.endIndex
    while lower < upper, strip.contains(bytes[lower]) { lower += 1 }
    while upper > lower, strip.contains(bytes[upper - 1]) { upper -= 1 }
    return bytes[lower..<upper]
  }

  /// At least 4 letters, 80 % or more of them upper-case.
  static func isCapitalised(_ text: String) -> Bool {
    var letters = 0
    var upper = 0
    for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
      letters += 1
      if scalar.properties.isUppercase { upper += 1 }
    }
    return letters >= 4 && upper * 5 >= letters * 4
  }

  /// `range` without leading and trailing whitespace bytes (empty ranges stay at their start).
  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
