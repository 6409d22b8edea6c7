/// What the matcher knows about one document while matching: its bytes, lines and sections.
///
/// ## The ambiguity rule
///
/// An ambiguous alias ("Go", "R", "C", "SD", "RL", "CV", "ML", "Swift", "Excel", …) counts as the
/// skill only when all of these hold:
/// 1. **Casing.** If the alias has capitals, the text writes it exactly so ("Go", not "go"; "R",
///    not "r").
/// 2. **No contrary neighbour.** The word before is not a determiner or verb that makes it an
///    ordinary word ("your CV", "let's go", "send a CV") and the words after are not "to",
///    "ahead", "live", "cover letter", … ("Go to market", "CV and cover letter").
/// 3. **Supporting context**, one of: the line is in a Skills section; the line is a list
///    (two or more of `, ; | / • ·` separators, not counting a bullet opening the line or a comma
///    or slash inside a number such as "€2,000"); or a neighbouring word names the field
///    ("Go programming", "R language", "golang", "RStudio", "developer", "engineer").
struct MatchContext {
  let bytes: [UInt8]
  let sections: [Section]
  let tokens: [Token]
  /// Byte offset of the start of each line.
  let lineStarts: [Int]

  init(text: String, sections: [Section], tokens: [Token]) {
    bytes = Array(text.utf8)
    self.sections = sections.sorted { $0.range.lowerBound < $1.range.lowerBound }
    self.tokens = tokens
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    lineStarts = starts
  }

  /// The byte range of the line holding `offset`, without its newline.
  func line(containing offset: Int) -> Range<Int> {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    let end = lo + 1 < lineStarts.count ? lineStarts[lo + 1] - 1 : bytes.count
    return start..<max(start, end)
  }

  func section(containing offset: Int) -> Section.Kind {
    var kind = Section.Kind.other
    for section in sections where section.range.lowerBound <= offset {
      if offset < section.range.upperBound { kind = section.kind }
    }
    return kind
  }

  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[max(0, range.lowerBound)..<min(bytes.count, range.upperBound)], as: UTF8.self)
  }

  // MARK: - Ambiguous aliases

  static let contraryBefore: Set<String> = [
    "your", "my", "our", "their", "his", "her", "a", "an", "the", "send", "submit", "attach",
    "upload", "updated", "let's", "lets", "will", "to", "must", "can", "should", "and",
  ]
  static let contraryAfter: Set<String> = [
    "to", "ahead", "live", "through", "over", "back", "out", "beyond", "cover", "letter",
    "template", "writing", "review", "screening",
  ]
  static let supportingNeighbours: Set<String> = [
    "programming", "language", "languages", "lang", "developer", "developers", "development",
    "engineer", "engineering", "code", "coding", "golang", "rstudio", "tidyverse", "shiny",
    "cran", "goroutines", "scripting", "stack", "framework", "library",
  ]

  func allowsAmbiguous(_ surface: String, at index: Int, length: Int) -> Bool {
    let start = tokens[index].start
    let end = tokens[index + length - 1].end
    let capitalised = surface.contains(where: \.isUppercase)
    if capitalised, !hasCasing(of: surface, at: index, length: length) { return false }
    let lineRange = line(containing: start)
    // Only the word before and the three after matter; the whole line's words were half the
    // cost of a real posting's profile (issue 5).
    let head = lineRange.lowerBound..<start
    let tail = end..<lineRange.upperBound
    let previous = lastWord(in: head) ?? words(in: head).last
    let after = firstWords(3, in: tail) ?? Array(words(in: tail).prefix(3))
    if let previous, Self.contraryBefore.contains(previous) { return false }
    if after.contains(where: Self.contraryAfter.contains) { return false }
    if let previous, Self.supportingNeighbours.contains(previous) { return true }
    if let next = after.first, Self.supportingNeighbours.contains(next) { return true }
    if section(containing: start) == .skills { return true }
    if isList(lineRange) { return true }
    // A name written in its own capitals inside a sentence ("managed in Terraform"), for names
    // longer than two letters: "R", "C", "Go" and the like still need one of the contexts above.
    return capitalised && surface.count > 2 && !startsSentence(start, lineStart: lineRange.lowerBound)
  }

  /// Words that make a language name a language skill: "fluent in German", "German (native)",
  /// "spoken and written English", "English-speaking", "C1 Dutch", "excellent English skills".
  /// Words that are as common beside nationalities ("business", "working", "advanced") are not
  /// cues.
  static let languageCues: Set<String> = [
    "fluent", "fluency", "fluently", "native", "speaker", "speakers", "speaking", "speak",
    "speaks", "spoken", "written", "writing", "verbal", "language", "languages", "proficiency",
    "proficient", "competent", "bilingual", "trilingual", "conversational", "tongue", "good",
    "excellent", "strong", "skills", "skill", "communication", "must", "required", "a1", "a2",
    "b1", "b2", "c1", "c2",
  ]

  /// Words that join coordinated languages ("English and German", "both French or Dutch"): they
  /// and the other language names are skipped when looking for a cue.
  static let coordination: Set<String> = ["and", "or", "both", "as", "well", "plus"]

  /// Whether a language name at `index` names the language, not a nationality or a place ("our
  /// German entities", "a company from the Netherlands"): it is in a Languages or Skills
  /// section, on a list line with another language name, or a cue word (`languageCues`) is among
  /// the two words before it or the three after it, not counting coordinating words and other
  /// language names ("Fluent in both English and German": the cue for "German" is "fluent").
  func allowsLanguage(at index: Int, length: Int) -> Bool {
    let start = tokens[index].start
    let end = tokens[index + length - 1].end
    let kind = section(containing: start)
    if kind == .languages || kind == .skills { return true }
    let lineRange = line(containing: start)
    func skippable(_ word: String) -> Bool {
      Self.coordination.contains(word) || SkillMatcher.humanLanguages.contains(word)
    }
    let head = words(in: lineRange.lowerBound..<start)
    let tail = words(in: end..<lineRange.upperBound)
    let before = head.suffix(8).filter { !skippable($0) }
    let after = tail.prefix(8).filter { !skippable($0) }
    if before.suffix(2).contains(where: Self.languageCues.contains)
      || after.prefix(3).contains(where: Self.languageCues.contains)
    {
      return true
    }
    // A list counts when it lists another language too ("English, German, Dutch"), not for
    // "our German, Austrian and Swiss entities".
    guard isList(lineRange) else { return false }
    return (head + tail).contains(where: SkillMatcher.humanLanguages.contains)
  }

  /// The text at the match is written as `surface` (exact capitals; a plural "s" allowed).
  func hasCasing(of surface: String, at index: Int, length: Int) -> Bool {
    let written = string(tokens[index].start..<tokens[index + length - 1].end)
    return written == surface || written == surface + "s" || written + "s" == surface
  }

  /// Whether `offset` begins a sentence: first word of the line, after ". ", "! ", "? ", or
  /// after a bullet ("•", "-", "*").
  private func startsSentence(_ offset: Int, lineStart: Int) -> Bool {
    var i = offset - 1
    while i >= lineStart, bytes[i] == 0x20 || bytes[i] == 0x09 { i -= 1 }
    if i < lineStart { return true }
    let b = bytes[i]
    let bullet = b == 0xA2 && i >= 2 && bytes[i - 1] == 0x80 && bytes[i - 2] == 0xE2  // •
    return bullet || b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
      || b == UInt8(ascii: "-") || b == UInt8(ascii: "*")
  }

  /// Lower-cased words of a byte range (letters, digits, apostrophes).
  func words(in range: Range<Int>) -> [String] {
    guard !range.isEmpty else { return [] }
    return string(range).lowercased()
      .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
      .map(String.init)
  }

  /// The last of `words(in: range)`, read on bytes; nil when a non-ASCII byte is in the way
  /// (then only `words(in:)` knows where `Character`s and letters are).
  ///
  /// Exact otherwise: for ASCII, letters and digits are `[A-Za-z0-9]`, every byte is its own
  /// `Character`, and the separator ending the scan has an ASCII byte before it, so it is not
  /// joined to a preceding scalar.
  func lastWord(in range: Range<Int>) -> String?? {
    var i = range.upperBound
    while i > range.lowerBound, !Self.isWordByte(bytes[i - 1]) {
      if bytes[i - 1] >= 0x80 { return nil }
      i -= 1
    }
    if i == range.lowerBound { return .some(nil) }
    let end = i
    while i > range.lowerBound, Self.isWordByte(bytes[i - 1]) { i -= 1 }
    if i > range.lowerBound, bytes[i - 1] >= 0x80 { return nil }
    if i - 1 > range.lowerBound, bytes[i - 2] >= 0x80 { return nil }
    return .some(Self.lowercasedASCII(bytes[i..<end]))
  }

  /// The first `count` of `words(in: range)`, read on bytes; nil when a non-ASCII byte is in the
  /// way (see `lastWord(in:)`).
  func firstWords(_ count: Int, in range: Range<Int>) -> [String]? {
    var result: [String] = []
    var i = range.lowerBound
    while result.count < count {
      while i < range.upperBound, !Self.isWordByte(bytes[i]) {
        if bytes[i] >= 0x80 { return nil }
        i += 1
      }
      guard i < range.upperBound else { break }
      let start = i
      while i < range.upperBound, Self.isWordByte(bytes[i]) { i += 1 }
      if i < range.upperBound, bytes[i] >= 0x80 { return nil }
      result.append(Self.lowercasedASCII(bytes[start..<i]))
    }
    if i + 1 < range.upperBound, bytes[i + 1] >= 0x80 { return nil }
    return result
  }

  @inline(__always)
  private static func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x27
  }

  private static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// Two or more list separators on the line.
  ///
  /// Two look-alikes do not count: a bullet opening the line ("• Go to …", "· …"), which marks
  /// one item rather than separating two, and a comma or slash between two digits ("€2,000",
  /// "$1,500", "24/7"), which is part of a number.
  private func isList(_ range: Range<Int>) -> Bool {
    var separators = 0
    var i = range.lowerBound
    while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    if i + 2 < range.upperBound, bytes[i] == 0xE2, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2 {
      i += 3  // leading •
    } else if i + 1 < range.upperBound, bytes[i] == 0xC2, bytes[i + 1] == 0xB7 {
      i += 2  // leading ·
    }
    while i < range.upperBound {
      let b = bytes[i]
      if b == UInt8(ascii: ",") || b == UInt8(ascii: "/") {
        let inNumber =
          i > range.lowerBound && i + 1 < range.upperBound
          && Self.isDigit(bytes[i - 1]) && Self.isDigit(bytes[i + 1])
        if !inNumber { separators += 1 }
      } else if b == UInt8(ascii: ";") || b == UInt8(ascii: "|") {
        separators += 1
      } else if b == 0xE2, i + 2 < range.upperBound, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2 {
        separators += 1  // • U+2022
      } else if b == 0xC2, i + 1 < range.upperBound, bytes[i + 1] == 0xB7 {
        separators += 1  // · U+00B7
      }
      i += 1
    }
    return separators >= 2
  }

  @inline(__always)
  private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
