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
      if lineEnd - lineStart <= 200,
        let found = heading(in: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
      {
        headings.append((found.kind, found.heading, lineStart, min(lineEnd + 1, bytes.count)))
      }
      lineStart = lineEnd + 1
    }
    var sections: [Section] = []
    let firstStart = headings.first?.lineStart ?? bytes.count
    let lead = trimmed(bytes, 0..<firstStart)
    if !lead.isEmpty { sections.append(Section(kind: .other, heading: "", range: lead)) }
    for (index, found) in headings.enumerated() {
      let end = index + 1 < headings.count ? headings[index + 1].lineStart : bytes.count
      let body = trimmed(bytes, found.bodyStart..<max(found.bodyStart, end))
      sections.append(Section(kind: found.kind, heading: found.heading, range: body))
    }
    return sections
  }

  /// The kind and cleaned text of `line` when it is a heading.
  static func heading(in line: String) -> (kind: Section.Kind, heading: String)? {
    let text = line.trimmingCharacters(in: .whitespaces)
    guard let first = text.first, text.count <= 120 else { return nil }
    if ["•", "·", "▪", "◦", "–"].contains(first) { return nil }
    if "-*+".contains(first), text.dropFirst().first == " " { return nil }
    if first == "#" {
      let marks = text.prefix(while: { $0 == "#" })
      let rest = text.dropFirst(marks.count)
      guard marks.count <= 6, rest.first == " " || rest.first == "\t" else { return nil }
      let name = rest.trimmingCharacters(in: CharacterSet(charactersIn: "# \t"))
      guard !name.isEmpty else { return nil }
      return (SectionHeadings.kind(of: name) ?? .other, name)
    }
    let name = text.trimmingCharacters(in: CharacterSet(charactersIn: "*_=-:|~ \t"))
    guard !name.isEmpty else { return nil }
    if let kind = SectionHeadings.kind(of: name), name.count <= 60 { return (kind, name) }
    let words = name.split(separator: " ").count
    guard words <= 6, name.first?.isLetter ?? false || name.first?.isNumber ?? false else { return nil }
    if isCapitalised(name), !name.contains(","), !name.hasSuffix("."), name.count <= 60 {
      return (.other, name)
    }
    if text.hasSuffix(":"), name.count <= 50, !name.contains(":"), name.first?.isLetter ?? false {
      return (.other, name)
    }
    return nil
  }

  /// At least 4 letters, 80 % or more of them upper-case.
  static func isCapitalised(_ text: String) -> Bool {
    var letters = 0, upper = 0
    for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
      letters += 1
      if scalar.properties.isUppercase { upper += 1 }
    }
    return letters >= 4 && upper * 5 >= letters * 4
  }

  /// `range` without leading and trailing whitespace bytes (empty ranges stay at their start).
  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound, upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}
