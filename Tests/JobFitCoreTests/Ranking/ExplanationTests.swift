import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

/// Random documents assembled from lines of the bundled samples, so pairs share some skills.
private func randomDocuments(count: Int, seed: UInt64) throws -> [Document] {
  let folder = Repository.root.appendingPathComponent("data/samples")
  let loaded = DocumentLoader().load([
    folder.appendingPathComponent("postings").path, folder.appendingPathComponent("resumes").path,
  ])
  let lines = loaded.documents.flatMap { $0.text.split(separator: "\n").map(String.init) }
  var state = seed
  func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }
  let headings = ["Requirements", "Nice to have", "Responsibilities", "Skills", "Experience"]
  return (0..<count).map { i in
    var text = "Document \(i)\n"
    for _ in 0..<(3 + next(4)) {
      text += "\n\(headings[next(headings.count)])\n"
      for _ in 0..<(1 + next(6)) { text += lines[next(lines.count)] + "\n" }
    }
    return Document(
      id: String(format: "doc%03d", i), sourcePath: "random", format: .text, text: text,
      sections: SectionSplitter.sections(in: text))
  }
}

@Suite("Explanations add up")
struct ExplanationTests {
  @Test("Over many random pairs: every node equals the sum of its children, the root is the score")
  func invariant() throws {
    let documents = try randomDocuments(count: 60, seed: 42)
    let queries = Array(documents.prefix(20))
    let items = Array(documents.dropFirst(20))
    let results = try MatchEngine().score(
      queries: queries, items: items, queryRole: .posting, limit: 40, explain: true)
    var checked = 0
    for result in results {
      for match in result.results {
        let tree = try #require(match.explanation)
        #expect(tree.maxReconciliationError <= 1e-9)
        #expect(abs(tree.value - match.score) <= 1e-6)
        // Channel nodes are weight × channel score.
        let weights = ChannelWeights.default
        for (channel, node) in zip(weights.channels, tree.children) {
          let channelScore = match.channels[channel.rawValue] ?? -1
          #expect(abs(node.value - weights[channel] * channelScore) <= 1e-9)
          #expect(channelScore >= 0 && channelScore <= 1 + 1e-9)
        }
        // The skills summary's contributions are the skills channel's children.
        if let skills = match.skills {
          let total = (skills.matched + skills.missing).reduce(0) { $0 + $1.contribution }
          #expect(abs(total - (match.channels["skills"] ?? -1)) <= 1e-9)
          #expect(skills.missing.allSatisfy { $0.contribution == 0 && $0.evidence == nil })
        }
        checked += 1
      }
    }
    #expect(checked == 20 * 40)
  }

  @Test("Missing required skills are listed first, before preferred and mentioned ones")
  func missingOrder() throws {
    let documents = try randomDocuments(count: 30, seed: 7)
    let results = try MatchEngine().score(
      queries: Array(documents.prefix(5)), items: Array(documents.dropFirst(5)), queryRole: .posting,
      limit: 25)
    for match in results.flatMap(\.results) {
      let levels = (match.skills?.missing ?? []).map(\.level)
      #expect(levels == levels.sorted())
    }
  }

  @Test("An empty résumé scores 0 on every channel: missing information is never a match")
  func emptyResume() throws {
    let resume = Document(id: "cv", sourcePath: "cv", format: .text, text: "Curriculum vitae")
    let posting = Document(
      id: "p", sourcePath: "p", format: .text,
      text: "Requirements\nKubernetes, Docker, Python, SQL\n",
      sections: SectionSplitter.sections(in: "Requirements\nKubernetes, Docker, Python, SQL\n"))
    let result = try MatchEngine().rank(resume: resume, postings: [posting], limit: 1, explain: true)
    let match = try #require(result.results.first)
    #expect(match.score == 0)
    #expect(match.channels.values.allSatisfy { $0 == 0 })
    #expect(match.skills?.matched.isEmpty == true)
    #expect((match.skills?.missing.count ?? 0) >= 4)
  }
}

@Suite("Skills channel credit")
struct SkillsCreditTests {
  func doc(_ id: String, _ text: String) -> Document {
    Document(id: id, sourcePath: id, format: .text, text: text, sections: SectionSplitter.sections(in: text))
  }

  @Test("Exact and alias matches earn full credit, a related skill half, a missing one nothing")
  func credit() throws {
    let posting = doc("p", "Requirements\nPyTorch, Kubernetes, Snowflake, HACCP\n")
    let resume = doc("r", "Skills\nTensorFlow, k8s, Snowflake\n")
    let weights = try ChannelWeights([.skills: 1])
    let result = try MatchEngine(configuration: MatchConfiguration(weights: weights))
      .rank(resume: resume, postings: [posting], limit: 1, explain: true)
    let match = try #require(result.results.first)
    let skills = try #require(match.skills)
    let byID = Dictionary(uniqueKeysWithValues: (skills.matched + skills.missing).map { ($0.id, $0) })
    #expect(byID["snowflake"]?.match == .exact)
    #expect(byID["kubernetes"]?.match == .alias)
    #expect(byID["pytorch"]?.match == .related)
    #expect(byID["pytorch"]?.relatedVia == "TensorFlow")
    #expect(byID["haccp"]?.match == .missing)
    // Four required skills (level 1) × specificity over the run's 2 documents: Snowflake and
    // Kubernetes are in both (ln(3/3) + 1 = 1), PyTorch and HACCP in the posting only
    // (ln(3/2) + 1 ≈ 1.405). Coverage = (1 + 1 + 0.5 × 1.405 + 0) / (1 + 1 + 1.405 + 1.405).
    let rare = log(3.0 / 2) + 1
    let total = 2 + 2 * rare
    #expect(abs((match.channels["skills"] ?? 0) - (2 + 0.5 * rare) / total) < 1e-12)
    #expect(abs(match.score - (2 + 0.5 * rare) / total) < 1e-12)
    #expect(abs((byID["pytorch"]?.contribution ?? 0) - 0.5 * rare / total) < 1e-12)
    #expect(abs((byID["snowflake"]?.specificity ?? 0) - 1) < 1e-12)
  }
}
