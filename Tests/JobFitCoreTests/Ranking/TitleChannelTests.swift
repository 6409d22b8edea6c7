import Foundation
import JobFitCore
import LinearAlgebra
import Testing

@Suite("Title channel")
struct TitleChannelTests {
  private func document(_ id: String, _ text: String, title: String? = nil) -> Document {
    Document(
      id: id, sourcePath: id, format: .text, text: text, title: title,
      sections: SectionSplitter.sections(in: text))
  }

  @Test("A posting's title text is its title")
  func postingTitle() {
    let posting = document("p", "Staff Accountant\n\nAcme Ltd\nWe need someone to close the books.")
    #expect(TitleChannel.text(of: posting, as: .posting) == "Staff Accountant")
  }

  @Test("A résumé's title text is its header block: name, headline, contact line, up to a known section")
  func resumeHeader() {
    let text = """
      James Carter
      Account Executive | B2B SaaS Sales
      Aurora, Colorado · james@example.com

      PROFESSIONAL SUMMARY
      Quota-carrying account executive.
      Accountant by training.
      """
    let lines = TitleChannel.text(of: document("r", text), as: .resume).split(separator: "\n")
    #expect(lines == ["James Carter", "Account Executive | B2B SaaS Sales", "Aurora, Colorado · james@example.com"])
  }

  @Test("A Markdown name heading does not end the header; a bold headline is kept without its marks")
  func markdownHeader() {
    let text = "# Priya Raman\n\n**Senior Machine Learning Engineer**\n\n## Summary\nI train models.\n"
    let lines = TitleChannel.text(of: document("r", text), as: .resume).split(separator: "\n")
    #expect(lines == ["Priya Raman", "Senior Machine Learning Engineer"])
  }

  @Test("A long first line is prose, not a headline: only the given title is kept")
  func longLineStops() {
    let body = "STAFF ACCOUNTANT Summary " + String(repeating: "Reconciled ledgers and closed books. ", count: 5)
    let resume = document("r", body, title: "STAFF ACCOUNTANT")
    #expect(TitleChannel.text(of: resume, as: .resume) == "STAFF ACCOUNTANT")
  }

  @Test("At most three header lines join the title")
  func headerLimit() {
    let resume = document("r", "Ann Lee\nData Analyst\nLeeds\nann@example.com\n+44 113 496 0000\n")
    #expect(TitleChannel.text(of: resume, as: .resume).split(separator: "\n").count == 3)
  }

  @Test("The title channel ranks a résumé headed by the posting's title first and scores an unrelated one 0")
  func scores() throws {
    let configuration = MatchConfiguration(weights: try ChannelWeights([.title: 1]))
    let engine = try MatchEngine(configuration: configuration)
    let posting = document("p", "Senior Accountant\n\nClose the monthly books and reconcile ledgers.")
    let resumes = [
      document("chef", "Executive Chef\n\nSUMMARY\nRan a kitchen; kept the books for suppliers."),
      document("acc", "Staff Accountant\n\nSUMMARY\nClosed the monthly books."),
      document("same", "Senior Accountant\n\nSUMMARY\nReconciled ledgers."),
    ]
    let ranked = try engine.score(queries: [posting], items: resumes, queryRole: .posting, limit: 3)
    let results = try #require(ranked.first?.results)
    #expect(results.map(\.id) == ["same", "acc", "chef"])
    let scores = results.map { $0.channels["title_match"] ?? -1 }
    #expect(abs(scores[0] - 1) < 1e-6)
    #expect(scores[1] > 0 && scores[1] < 1)
    #expect(scores[2] == 0)
  }

  @Test("A posting without a title gives every résumé the same title score, 0")
  func emptyTitle() throws {
    var posting = document("p", "Python\nSQL\nStatistics")
    posting.title = ""
    let matrices = try MatchEngine(configuration: MatchConfiguration(weights: try ChannelWeights([.title: 1])))
      .channelScores(
        queries: [posting], items: [document("a", "Python Developer\n"), document("b", "Statistician\n")],
        queryRole: .posting, channels: [.title])
    let title = try #require(matrices.scores[.title])
    #expect(title[0, 0] == 0 && title[0, 1] == 0)
  }

  @Test("The explanation names the shared title terms and adds up to the channel score")
  func explanation() throws {
    let engine = try MatchEngine(configuration: MatchConfiguration(weights: try ChannelWeights([.lexical: 0.5, .title: 0.5])))
    let posting = document("p", "Data Analyst\n\nSQL dashboards and A/B tests.")
    let resume = document("r", "Junior Data Analyst\n\nSUMMARY\nSQL and dashboards.")
    let match = try #require(
      try engine.score(queries: [posting], items: [resume], queryRole: .posting, limit: 1, explain: true)
        .first?.results.first)
    let tree = try #require(match.explanation)
    let titleNode = try #require(tree.children.first { $0.label.hasPrefix("title_match:") })
    #expect(abs(titleNode.value - 0.5 * (match.channels["title_match"] ?? -1)) < 1e-12)
    let labels = titleNode.children.flatMap { [$0.label] + $0.children.map(\.label) }
    #expect(labels.contains { $0.contains("'analyst'") })
    #expect(tree.maxReconciliationError <= 1e-9)
  }
}
