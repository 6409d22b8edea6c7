import Foundation
import JobFitCore
import Testing

@Suite("Skill specificity")
struct SkillSpecificityTests {
  @Test("spec(s) = ln((1 + N) / (1 + df)) + 1, by hand")
  func formula() {
    // 4 documents: "a" in all 4, "b" in 1, "c" in none.
    let specificity = SkillSpecificity(skillSets: [["a", "b"], ["a"], ["a"], ["a"]])
    #expect(specificity.documentCount == 4)
    #expect(abs(specificity.weight("a") - 1) < 1e-12)  // ln(5/5) + 1
    #expect(abs(specificity.weight("b") - (log(5.0 / 2) + 1)) < 1e-12)
    #expect(abs(specificity.weight("c") - (log(5.0) + 1)) < 1e-12)
    #expect(SkillSpecificity.uniform.weight("anything") == 1)
  }

  /// Two résumés each cover one of a posting's two required skills; the one covering the
  /// skill few documents name must score higher on the skills channel.
  @Test("Covering a rare skill counts more than covering a common one")
  func rareSkillCountsMore() throws {
    let posting = Document(
      id: "p", sourcePath: "p", format: .text,
      text: "Requirements\n- Python\n- Kubernetes\n")
    let common = Document(id: "r1", sourcePath: "r1", format: .text, text: "Skills\nPython\n")
    let rare = Document(id: "r2", sourcePath: "r2", format: .text, text: "Skills\nKubernetes\n")
    // Filler résumés that also name Python, so Python is common in the run.
    let fillers = (0..<4).map {
      Document(id: "f\($0)", sourcePath: "f", format: .text, text: "Skills\nPython, Excel\n")
    }
    let engine = try MatchEngine(configuration: MatchConfiguration(weights: try ChannelWeights([.skills: 1])))
    let result = try engine.score(
      queries: [posting], items: [common, rare] + fillers, queryRole: .posting, limit: 6, explain: true)
    let scores = Dictionary(uniqueKeysWithValues: result[0].results.map { ($0.id, $0.score) })
    let r1 = try #require(scores["r1"])
    let r2 = try #require(scores["r2"])
    #expect(r2 > r1 * 1.2, "rare \(r2) vs common \(r1)")
    #expect(abs(r1 + r2 - 1) < 1e-9)  // the two shares of the posting's coverage
  }
}
