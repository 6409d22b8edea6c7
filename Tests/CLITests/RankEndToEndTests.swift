import Foundation
import JobFitTestSupport
import Testing

/// `jobfit rank` run as a user runs it, on the bundled samples.
@Suite("jobfit rank (end to end)")
struct RankEndToEndTests {
  static let postings = "data/samples/postings"
  static let resumes = "data/samples/resumes"

  /// The intended best posting for each sample résumé (data/samples/README.md), one per format.
  static let gold: [(resume: String, posting: String)] = [
    ("priya-raman-ml-engineer.md", "ml-engineer-generative-ai.md"),
    ("tomas-novak-junior-backend.txt", "backend-engineer-go.txt"),
    ("grace-okafor-icu-nurse.json", "registered-nurse-icu.txt"),
    ("daniel-whitfield-accountant.docx", "accountant-cpa.html"),
    ("marco-bellini-chef.html", "chef-de-cuisine.txt"),
    ("hannah-lee-teacher-to-ux.pdf", "ux-designer.md"),
    ("sofia-martins-data-analyst.md", "data-analyst.json"),
    ("james-carter-sales.txt", "sales-account-executive.html"),
  ]

  @Test("Each sample résumé ranks its intended posting first (every input format)", arguments: gold)
  func goldRanking(pair: (resume: String, posting: String)) throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/\(pair.resume)", Self.postings, "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stderr.isEmpty, "unexpected stderr: \(run.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let results = try #require(json?["results"] as? [[String: Any]])
    #expect(results.count == 10)
    #expect(results.first?["id"] as? String == pair.posting)
  }

  @Test("JSON output has the documented schema, ranks in order and scores descending")
  func jsonSchema() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/priya-raman-ml-engineer.md", Self.postings,
       "--format", "json", "--top", "20"])
    #expect(run.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let resume = try #require(json["resume"] as? [String: Any])
    #expect(resume["id"] as? String == "priya-raman-ml-engineer.md")
    #expect(resume["path"] as? String == "\(Self.resumes)/priya-raman-ml-engineer.md")
    let results = try #require(json["results"] as? [[String: Any]])
    #expect(results.count == 12, "all 12 postings when --top exceeds their number")
    var previous = Double.infinity
    for (i, result) in results.enumerated() {
      #expect(result["rank"] as? Int == i + 1)
      for key in ["id", "path", "title"] { #expect(!((result[key] as? String) ?? "").isEmpty, "\(key)") }
      let score = try #require(result["score"] as? Double)
      let channels = try #require(result["channels"] as? [String: Double])
      #expect(score <= previous && score >= 0 && score <= 1)
      // The documented default blend: 0.68 lexical + 0.12 skills + 0.20 title_match.
      let blended = 0.68 * (channels["lexical"] ?? .nan) + 0.12 * (channels["skills"] ?? .nan)
        + 0.20 * (channels["title_match"] ?? .nan)
      #expect(abs(blended - score) < 2e-6)
      let skills = try #require(result["skills"] as? [String: Any])
      #expect(skills["matched"] is [Any] && skills["missing"] is [Any])
      previous = score
    }
  }

  @Test("Same inputs, same bytes: output does not depend on argument order")
  func deterministic() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.postings).sorted()
    let forward = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/sofia-martins-data-analyst.md", "--format", "csv"]
        + files.map { "\(Self.postings)/\($0)" })
    let backward = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/sofia-martins-data-analyst.md", "--format", "csv"]
        + files.reversed().map { "\(Self.postings)/\($0)" })
    #expect(forward.status == 0 && backward.status == 0)
    #expect(forward.stdout == backward.stdout)
    #expect(
      forward.stdout.hasPrefix(
        "rank,id,title,path,score,lexical,skills,resume_coverage,encoder,lsa,title_match,matched_skills,missing_skills\n"))
    #expect(forward.stdout.split(separator: "\n").count == 11)
  }

  @Test("Table, Markdown and CSV formats carry the same ranking")
  func formats() throws {
    let base = ["rank", "--resume", "\(Self.resumes)/marco-bellini-chef.html", Self.postings, "--top", "3"]
    let table = try CLIRunner.run(base)
    let markdown = try CLIRunner.run(base + ["--format", "markdown"])
    let csv = try CLIRunner.run(base + ["--format", "csv"])
    #expect([table.status, markdown.status, csv.status] == [0, 0, 0])
    #expect(table.stdout.contains("[chef-de-cuisine.txt]"))
    #expect(!table.stdout.contains("\u{1B}["), "NO_COLOR and a pipe: no escape codes")
    #expect(markdown.stdout.contains("| 1 |") && markdown.stdout.contains("chef-de-cuisine.txt"))
    #expect(csv.stdout.split(separator: "\n")[1].hasPrefix("1,chef-de-cuisine.txt,"))
  }

  @Test("Postings from JSONL collections rank by their id field")
  func jsonlCollection() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/tomas-novak-junior-backend.txt",
       "data/samples/collections/postings.jsonl", "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let first = (json?["results"] as? [[String: Any]])?.first
    #expect(first?["id"] as? String == "backend-engineer-go")
    #expect(first?["path"] as? String == "data/samples/collections/postings.jsonl")
  }

  @Test("--output writes the results to a file and nothing to stdout")
  func outputFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobfit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("ranked.json").path
    let run = try CLIRunner.run(
      ["rank", "--resume", "\(Self.resumes)/james-carter-sales.txt", Self.postings, "--format", "json",
       "--output", out])
    #expect(run.status == 0 && run.stdout.isEmpty)
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(written.contains("sales-account-executive.html"))
  }
}
