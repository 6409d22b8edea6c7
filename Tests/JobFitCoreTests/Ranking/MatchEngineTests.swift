import JobFitCore
import Testing

private func doc(_ id: String, _ text: String) -> Document {
  Document(id: id, sourcePath: "/test/\(id)", format: .text, text: text)
}

@Suite("Match engine")
struct MatchEngineTests {
  let postings = [
    doc("nurse", "Registered nurse for the intensive care unit. ICU experience, ACLS and BLS."),
    doc("chef", "Chef de cuisine: menu development, food cost control, HACCP, kitchen brigade."),
    doc("backend", "Backend engineer: Go, Kubernetes, PostgreSQL, gRPC and CI/CD pipelines."),
  ]

  @Test("The posting sharing the résumé's vocabulary ranks first, scores descend, ranks count from 1")
  func ranksByContent() throws {
    let resume = doc("cv", "Five years as an ICU registered nurse; ACLS and BLS certified.")
    let result = try MatchEngine().rank(resume: resume, postings: postings, limit: 3)
    #expect(result.resume.id == "cv")
    #expect(result.results.map(\.rank) == [1, 2, 3])
    #expect(result.results.first?.id == "nurse")
    #expect(zip(result.results, result.results.dropFirst()).allSatisfy { $0.score >= $1.score })
    for match in result.results {
      #expect(match.score >= 0 && match.score <= 1 + 1e-6)
      let blended = ChannelWeights.default.channels.reduce(0.0) {
        $0 + ChannelWeights.default[$1] * (match.channels[$1.rawValue] ?? .nan)
      }
      #expect(abs(match.score - blended) < 1e-9)
    }
  }

  @Test("Output is independent of input order, and equal scores rank by id")
  func deterministicTies() throws {
    let resume = doc("cv", "gardening")  // shares no term and no skill with the postings
    let same = ["b", "c", "a"].map { doc($0, "Warehouse operative, forklift licence.") }
    let forward = try MatchEngine().rank(resume: resume, postings: same, limit: 3)
    let backward = try MatchEngine().rank(resume: resume, postings: same.reversed(), limit: 3)
    #expect(forward == backward)
    #expect(forward.results.map(\.id) == ["a", "b", "c"])
    #expect(forward.results.allSatisfy { $0.score == 0 })
  }

  @Test("score returns the top items for every query, limited to the item count")
  func scoreMany() throws {
    let resumes = [
      doc("r1", "Go and Kubernetes backend engineer, PostgreSQL."),
      doc("r2", "Sous chef with HACCP and menu development."),
    ]
    let results = try MatchEngine().score(queries: resumes, items: postings, limit: 10)
    #expect(results.map(\.query.id) == ["r1", "r2"])
    #expect(results.map { $0.results.count } == [3, 3])
    #expect(results[0].results.first?.id == "backend")
    #expect(results[1].results.first?.id == "chef")
  }

  @Test("Asking for explanations changes no score: labels are written only when asked")
  func explainDoesNotChangeScores() throws {
    let resume = doc("cv", "ICU registered nurse with ACLS and BLS; Kubernetes hobbyist.")
    let plain = try MatchEngine().rank(resume: resume, postings: postings, limit: 3)
    let explained = try MatchEngine().rank(resume: resume, postings: postings, limit: 3, explain: true)
    #expect(plain.results.map(\.score) == explained.results.map(\.score))
    #expect(plain.results.map(\.skills) == explained.results.map(\.skills))
    #expect(plain.results.allSatisfy { $0.explanation == nil })
    #expect(explained.results.allSatisfy { ($0.explanation?.label ?? "").hasPrefix("score") })
  }

  @Test("Documents with no terms at all are an empty corpus, not a match")
  func emptyCorpus() {
    #expect(throws: JobFitError.emptyCorpus) {
      try MatchEngine().rank(resume: doc("cv", "the and of"), postings: [doc("p", "a an the")], limit: 1)
    }
  }

  @Test("A limit below 1 and an unknown language are parameter errors")
  func invalidParameters() {
    #expect(throws: JobFitError.self) {
      try MatchEngine().rank(resume: postings[0], postings: postings, limit: 0)
    }
    #expect(throws: JobFitError.unsupportedLanguage("klingon")) {
      try MatchEngine(configuration: MatchConfiguration(analyzer: .standard(language: "klingon")))
    }
  }
}
