import Foundation
import JobFitTestSupport
import Testing

@testable import JobFitCore

/// Issue 5: the byte-level fast paths of the skills channel against the `String`/Foundation code
/// they replaced, on lines chosen to break them (non-ASCII neighbours, combining marks, the
/// KELVIN SIGN and long s that case-fold to ASCII, no-break spaces, line breaks inside matches).
@Suite("Skills fast paths give the answers of the operations they replace")
struct FastPathTests {
  static let lines = [
    "", "   ", "Must have SQL", "MUST", "mustard", "a PLUS", "is a plus!", "Nice-to-have: Go",
    "Preferred • SQL", "Bonus\u{301} points", "bonus", "\u{212A}ubernetes must", "Mu\u{17F}t",
    "• Required: Python", "ideally — Rust", "Ｍust", "must\u{301}", "é must é", "minimum\u{00A0}3",
    "Fluent in English", "Speaks Spanish", "LANGUAGES: French", "native\u{301} speaker",
    "Bilingual (English/Polish)", "bi\u{0307}lingual", "Great Language Models",
  ]

  @Test("Case-insensitive contains: the byte answer, when given, is the String answer")
  func containsAny() {
    let words = ["a plus", "nice-to-have", "bonus", "preferred", "must", "required", "minimum", "fluent", "speak", "language"]
    var decided = 0
    for line in Self.lines {
      let reference = words.contains(where: line.lowercased().contains)
      var copy = line
      let fast = copy.withUTF8 { ASCIIText.containsAny(ASCIIText.needles(words), in: $0) }
      if let fast {
        decided += 1
        #expect(fast == reference, "\(line.debugDescription)")
      }
    }
    #expect(decided >= Self.lines.count / 2)
  }

  @Test("Requirement levels match the String-based classification", arguments: Section.Kind.allCases)
  func levels(section: Section.Kind) {
    for line in Self.lines + ["5+ years of Go", "Go, 2 to 4 yrs", "Year-end close"] {
      #expect(
        RequirementLevel.classify(section: section, line: line) == referenceLevel(section, line),
        "\(line.debugDescription)")
    }
  }

  /// The classification as written before issue 5.
  func referenceLevel(_ kind: Section.Kind, _ line: String) -> RequirementLevel {
    let lower = line.lowercased()
    let preferred = [
      "a plus", "nice to have", "nice-to-have", "bonus", "preferred", "ideally", "desirable",
      "advantage", "is a plus", "would be great",
    ]
    if preferred.contains(where: lower.contains) { return .preferred }
    switch kind {
    case .requirements, .skills: return .required
    case .preferred: return .preferred
    default: break
    }
    let required = ["must", "required", "requirement", "minimum", "essential", "mandatory"]
    if required.contains(where: lower.contains) { return .required }
    return ExperienceExtractor.yearMatches(in: line).ranges.isEmpty
      && ExperienceExtractor.yearMatches(in: line).minimums.isEmpty ? .mentioned : .required
  }

  static let yearTexts = [
    "7+ years", "2\n- 4 years", "at least\n\n five years", "between two to four years and 7+ yrs",
    "Admin. 5 years", "min. 3 years", "2-4years", "twoto four years", "5\u{00A0}years",
    "3 – 5 years; minimum of 2 Years", "over 10 YRS, more than 3 years", "\u{212A} 5 years",
    "a b c d e f g h 1 years", "one two three four five six seven eight nine years ago, 12 yrs",
    "ten to twelve\n\n\nyears", "Year-end close", "5 years.\n6 years\n7+years",
  ]

  @Test("Year requirements per segment equal the whole-text matches")
  func yearSegments() {
    var texts = Self.yearTexts
    // Seeded random texts from the patterns' own pieces.
    let pieces = [
      "2", "4", "12", "to", "-", "–", "+", "years", "yrs", "Year", "at", "least", "minimum", "of",
      "min.", "over", "more", "than", "five", "ten", "x", "\n", " ", "  ", ",", ".", "\u{00A0}",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<24 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let piece = pieces[Int(state >> 33) % pieces.count]
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += piece + ((state >> 40) % 3 == 0 ? "" : " ")
      }
      texts.append(text)
    }
    var found = 0
    for text in texts {
      let whole = ExperienceExtractor.yearMatches(in: text)
      let result = ExperienceExtractor.yearRequirements(in: text)
      found += result.count
      #expect(result == whole.ranges + whole.minimums, "\(text.debugDescription)")
    }
    #expect(found > 100)
  }

  @Test("Evidence lines are trimmed as Foundation trims them")
  func trimming() {
    for line in Self.lines + ["  - SQL  ", "\u{00A0}SQL\u{3000}", "\t\tx\r", " •  Go ", "é ", "\u{2028}x"] {
      let bytes = Array(line.utf8)
      let reference = line.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(EvidenceLines.trimmed(bytes[...]) == reference, "\(line.debugDescription)")
    }
  }

  @Test("Spoken-language lines are those of the Character split")
  func languageLines() {
    let texts = [
      Self.lines.joined(separator: "\n"), Self.lines.joined(separator: "\r\n"),
      "Fluent in English\n\n\nnothing\nLANGUAGES: French\n", "", "\n\n",
    ]
    for text in texts {
      #expect(SpokenLanguageLines.filter(text) == SpokenLanguageLines.characterFilter(text))
    }
  }

  @Test("Neighbouring words read on bytes are those of the Character split")
  func neighbourWords() {
    let text = "Go, R; (CV) let's go-to e\u{301}go \u{212A}go café Go\u{301} x's 3rd • Swift + R"
    let context = MatchContext(text: text, sections: [], tokens: [])
    let n = text.utf8.count
    let boundaries = (0...n).filter { i in
      i == n || (Array(text.utf8)[i] & 0xC0) != 0x80
    }
    var decided = 0
    for lo in boundaries {
      for hi in boundaries where hi >= lo {
        let words = context.words(in: lo..<hi)
        if let last = context.lastWord(in: lo..<hi) {
          decided += 1
          #expect(last == words.last, "\(lo)..<\(hi)")
        }
        if let first = context.firstWords(3, in: lo..<hi) {
          #expect(first == Array(words.prefix(3)), "\(lo)..<\(hi)")
        }
      }
    }
    #expect(decided > 100)
  }

  @Test("JSONL rows are cut at LF bytes; blank lines are Character white space")
  func jsonlRows() throws {
    let folder = try TemporaryFolder()
    let rows = [
      #"{"id": "a", "text": "Go"}"#, " \t ", "\u{00A0}\u{3000}", #"{"id": "b", "text": "é\u2028x"}"#,
      "\u{00A0}x", #"{"id": "c", "text": "SQL"}"#,
    ]
    let path = try folder.write("rows.jsonl", rows.joined(separator: "\n") + "\n")
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["a", "b", "c"])
    #expect(result.documents[1].text == "é\u{2028}x")
    #expect(result.failures.map(\.path) == ["\(path):5"])
    for row in rows {
      let reference = !row.contains { !$0.isWhitespace }
      #expect(RecordDocuments.isBlank(Array(row.utf8)[...]) == reference)
    }
  }
}
