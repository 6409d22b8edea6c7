import Testing

@testable import JobFitCore

/// The matcher's own causes of false mentions found by the precision audit
/// (data/skills/README.md, "Precision audit"), on a taxonomy small enough to check by eye.
let precisionTaxonomy: SkillTaxonomy = {
  let skills = [
    Skill(id: "electronics", name: "Electronics"),
    Skill(id: "economics", name: "Economics"),
    Skill(id: "ethics", name: "Ethics"),
    Skill(id: "hr-analytics", name: "HR analytics"),
    Skill(id: "electronic-signatures", name: "Electronic signatures"),
    Skill(id: "manage-project-metrics", name: "Manage project metrics"),
    Skill(id: "product-design", name: "Product design"),
    Skill(id: "data-science", name: "Data science"),
    Skill(id: "research-and-development", name: "Research and development", aliases: ["R&D"]),
    Skill(id: "trust-and-safety", name: "Trust & Safety", aliases: ["trust and safety"]),
    Skill(id: "search-and-rescue", name: "Search and rescue"),
    Skill(id: "bachelor-of-science", name: "Bachelor of Science"),
    Skill(id: "food-and-beverage", name: "F&B", aliases: ["food beverage", "food and beverage"]),
  ]
  return try! SkillTaxonomy(skills)
}()

func precisionIDs(_ text: String) -> [String] {
  let matcher = SkillMatcher(taxonomy: precisionTaxonomy)
  return matcher.mentions(in: text, sections: []).map { precisionTaxonomy.skills[$0.skill].id }
}

@Suite("Skill matcher precision fixes")
struct MatcherPrecisionTests {
  @Test("An \"-ics\" noun is not the plural of its \"-ic\" adjective", arguments: [
    ("electronics", "electronics"), ("economics", "economics"), ("ethics", "ethics"),
    ("analytics", "analytics"), ("robotics", "robotics"), ("metrics", "metric"),
    ("topics", "topic"), ("models", "model"), ("llms", "llm"), ("analysis", "analysis"),
  ])
  func icsStem(_ example: (term: String, stem: String)) {
    #expect(SkillMatcher.minimalStem(example.term) == example.stem)
  }

  @Test("\"-ic\" adjectives do not mention \"-ics\" fields; real \"-ic\" plurals still fold")
  func icsMatching() {
    #expect(precisionIDs("Signed with electronic signatures") == ["electronic-signatures"])
    #expect(precisionIDs("Economic growth and a strong work ethic") == [])
    #expect(precisionIDs("An analytic mind for HR") == [])
    #expect(precisionIDs("Consumer electronics, economics and ethics") == ["electronics", "economics", "ethics"])
    #expect(precisionIDs("HR analytics dashboards") == ["hr-analytics"])
    #expect(precisionIDs("Manage project metric reviews") == ["manage-project-metrics"])
  }

  @Test("A phrase does not span \"and\", \"or\" or a list mark between two items", arguments: [
    "Work across product and design.", "product or design", "Product & Design", "product, design",
    "Teams: product; design", "product | design", "product\ndesign", "product and/or design",
    "data and science", "Data • Science",
  ])
  func noBridge(_ text: String) {
    #expect(precisionIDs(text) == [])
  }

  @Test("Aliases with \"and\" in them still match, written out or with \"&\"")
  func aliasesWithConjunctions() {
    #expect(precisionIDs("Led research and development of sensors") == ["research-and-development"])
    #expect(precisionIDs("Research & Development, R&D") == ["research-and-development", "research-and-development"])
    #expect(precisionIDs("Trust and Safety team; trust & safety") == ["trust-and-safety", "trust-and-safety"])
    #expect(precisionIDs("Search and Rescue volunteer") == ["search-and-rescue"])
    #expect(precisionIDs("product design and data science") == ["product-design", "data-science"])
    #expect(precisionIDs("Bachelor of Science in physics") == ["bachelor-of-science"])
    // The separator of a later form with the same words as an earlier one is kept.
    #expect(precisionIDs("food and beverage, food beverage") == ["food-and-beverage", "food-and-beverage"])
  }

  @Test("A leading bullet and a thousands separator are not list separators", arguments: [
    "• Go home early, every Friday",
    "· Go home early, every Friday",
    "Budget of €2,000, Go figure",
    "Salary $1,500 a week, Go figure",
    "Open 24/7, Go figure",
  ])
  func notAList(_ text: String) {
    #expect(!skillIDs(text).contains("go"))
  }

  @Test("Real lists still count, bullets and numbers included", arguments: [
    ("• Go, Python, SQL", ["go", "sql"]),
    ("Python • Go • SQL", ["go", "sql"]),
    ("Budget €2,000; stack: Go, SQL", ["go", "sql"]),
  ])
  func stillAList(_ example: (text: String, ids: [String])) {
    #expect(skillIDs(example.text) == example.ids)
  }
}
