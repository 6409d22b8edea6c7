import Testing

@testable import JobFitCore

@Suite("Language skills need a language context")
struct LanguageSkillTests {
  static let taxonomy: SkillTaxonomy = {
    let skills = [
      Skill(id: "german", name: "German", aliases: ["competent in German"]),
      Skill(id: "dutch", name: "Dutch", aliases: ["from the Netherlands"]),
      Skill(id: "english", name: "English"),
      Skill(id: "python", name: "Python"),
    ]
    return try! SkillTaxonomy(skills)
  }()

  static func ids(_ text: String, sections: [Section] = []) -> [String] {
    let matcher = SkillMatcher(taxonomy: taxonomy)
    return matcher.mentions(in: text, sections: sections).map { taxonomy.skills[$0.skill].id }
  }

  @Test("Nationalities and places are not language skills", arguments: [
    "You will support our German entities in payroll.",
    "Experience with Dutch customers is useful.",
    "A logistics company from the Netherlands with Python services.",
    "We ship to English clubs.",
    "Support our German business units.",
    "Working with German customers.",
    "We are a German company working with French partners.",
    "Our German, Austrian and Swiss entities",
  ])
  func notLanguages(_ text: String) {
    #expect(!Self.ids(text).contains { ["german", "dutch", "english"].contains($0) }, "\(text)")
  }

  @Test("Cue words, lists and sections make them language skills", arguments: [
    ("Fluent in German.", "german"),
    ("German (native), some Python.", "german"),
    ("Excellent spoken and written English.", "english"),
    ("English, German, Dutch", "dutch"),
    ("Dutch C1 certificate", "dutch"),
    ("English-speaking team", "english"),
    ("Fluent in both English and German", "german"),
    ("Must speak English and Dutch", "dutch"),
    ("Very good German and English skills", "german"),
    ("Excellent written and verbal English", "english"),
    ("Competent in German.", "german"),
  ])
  func languages(_ example: (text: String, id: String)) {
    #expect(Self.ids(example.text).contains(example.id), "\(example.text)")
  }

  @Test("A Languages section needs no cue")
  func section() {
    let text = "Languages\nGerman\n"
    let body = text.utf8.count - "German\n".utf8.count
    let sections = [Section(kind: .languages, heading: "Languages", range: body..<text.utf8.count)]
    #expect(Self.ids(text, sections: sections) == ["german"])
    #expect(Self.ids("German\n").isEmpty)
  }
}

@Suite("Ambiguous product names written in their capitals")
struct TitleCaseNameTests {
  static let taxonomy: SkillTaxonomy = {
    let skills = [
      Skill(
        id: "microsoft-teams", name: "Microsoft Teams", aliases: ["MS Teams", "Teams"],
        ambiguousAliases: ["Teams"]),
      Skill(id: "terraform", name: "Terraform", ambiguousAliases: ["Terraform"]),
    ]
    return try! SkillTaxonomy(skills)
  }()

  static func ids(_ text: String) -> [String] {
    SkillMatcher(taxonomy: taxonomy).mentions(in: text, sections: []).map {
      taxonomy.skills[$0.skill].id
    }
  }

  /// A rule that dropped them after another capitalised word ("the Platform Team") was tried
  /// and removed: it also dropped "Python Django Terraform" and "Java Spring services".
  @Test("Mid-sentence, after lower-case or capitalised words")
  func inSentences() {
    #expect(Self.ids("Meetings run in Teams every week.") == ["microsoft-teams"])
    #expect(Self.ids("Tech stack: Python Django Terraform") == ["terraform"])
    #expect(Self.ids("Infrastructure is managed in Terraform today.") == ["terraform"])
    #expect(Self.ids("- Maintained Terraform for the data platform") == ["terraform"])
  }
}
