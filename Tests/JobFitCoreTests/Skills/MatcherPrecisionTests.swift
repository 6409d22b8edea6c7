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
}
