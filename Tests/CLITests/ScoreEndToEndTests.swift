import Foundation
import JobFitTestSupport
import Testing

/// `jobfit score` run as a recruiter runs it.
@Suite("jobfit score (end to end)")
struct ScoreEndToEndTests {
  /// Gold of data/samples/README.md: candidate id → its posting.
  static let gold = [
    "c01": "backend-engineer-go", "c02": "registered-nurse-icu", "c03": "hr-business-partner",
    "c04": "chef-de-cuisine", "c05": "maths-teacher", "c06": "trust-safety-analyst",
  ]

  @Test("JSONL: one line per kept pair, top candidate per posting is the gold one")
  func jsonlByPosting() throws {
    let run = try CLIRunner.run(
      ["score", "--postings", "data/samples/collections/postings.jsonl",
       "--candidates", "data/samples/collections/candidates.csv", "--top", "2"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count == 12, "6 postings × top 2")
    var best: [String: String] = [:]
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      #expect(object["by"] as? String == "posting")
      let query = try #require(object["query"] as? [String: Any])
      for key in ["rank", "id", "path", "title", "score", "channels"] { #expect(object[key] != nil, "\(key)") }
      if object["rank"] as? Int == 1 { best[query["id"] as? String ?? ""] = object["id"] as? String }
    }
    for (candidate, posting) in Self.gold { #expect(best[posting] == candidate, "\(posting)") }
  }

  @Test("--by candidate ranks postings for each candidate; CSV has a header and one row per pair")
  func csvByCandidate() throws {
    let run = try CLIRunner.run(
      ["score", "--postings", "data/samples/collections/postings.jsonl",
       "--candidates", "data/samples/collections/candidates.csv", "--by", "candidate", "--top", "1",
       "--format", "csv"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let rows = run.stdout.split(separator: "\n").map(String.init)
    #expect(
      rows.first
        == "by,query_id,query_title,rank,id,title,path,score,lexical,skills,resume_coverage,encoder,lsa,title_match,"
        + "matched_skills,missing_skills")
    #expect(rows.count == 7)
    for row in rows.dropFirst() {
      let fields = row.split(separator: ",", omittingEmptySubsequences: false)
      let candidate = String(fields[1])
      #expect(row.contains(",1,\(Self.gold[candidate] ?? "?"),"), "\(row)")
    }
  }

  @Test("JSON report groups results by query")
  func jsonReport() throws {
    let run = try CLIRunner.run(
      ["score", "--postings", "data/samples/postings", "--candidates", "data/samples/resumes",
       "--top", "3", "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let results = try #require(json["results"] as? [[String: Any]])
    #expect(results.count == 12)
    #expect(results.allSatisfy { ($0["results"] as? [Any])?.count == 3 })
  }
}
