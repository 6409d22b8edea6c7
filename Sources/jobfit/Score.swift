import ArgumentParser
import Foundation
import JobFitCore

/// `jobfit score`: the best candidates for each posting (or postings for each candidate).
struct Score: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score many candidates against many postings and keep the top K of each.")

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, json
  }

  enum Direction: String, ExpressibleByArgument, CaseIterable, Codable {
    case posting, candidate
  }

  @Option(parsing: .upToNextOption, help: "Postings: files, directories, .jsonl or .csv.")
  var postings: [String] = []
  @Option(parsing: .upToNextOption, help: "Candidates' résumés: files, directories, .jsonl or .csv.")
  var candidates: [String] = []
  @Option(help: "Results kept per query.") var top = 10
  @Option(help: "Rank candidates for each posting, or postings for each candidate.")
  var by: Direction = .posting
  @Option(help: "Output format: jsonl, csv or json.") var format: OutputFormat = .jsonl
  @Option(help: "Write results to this file instead of stdout (written atomically).")
  var output: String?
  @Flag(help: "Include the full explanation tree of every kept pair.") var explain = false
  @OptionGroup var load: LoadOptions
  @OptionGroup var analysis: AnalysisOptions

  func validate() throws {
    guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
    guard !postings.isEmpty else { throw ValidationError("Give --postings PATH (one or more).") }
    guard !candidates.isEmpty else { throw ValidationError("Give --candidates PATH (one or more).") }
  }

  /// One kept (query, result) pair: a JSONL line.
  struct Line: Encodable {
    var by: Direction
    var query: DocumentSummary
    var rank: Int
    var id: String
    var path: String
    var title: String
    var score: Double
    var channels: [String: Double]
    var skills: MatchSkills?
    var explanation: Explanation?
  }

  struct Report: Encodable {
    var by: Direction
    var results: [QueryResult]
  }

  func run() throws {
    let loader = load.loader
    let postingBatch = try loadBatch(postings, role: "postings", with: loader)
    let candidateBatch = try loadBatch(candidates, role: "candidates", with: loader)
    let (queries, items) = by == .posting
      ? (postingBatch.documents, candidateBatch.documents)
      : (candidateBatch.documents, postingBatch.documents)
    EncoderHint.noteIfMissing(analysis.configuration)
    let progress = ProgressBar(total: queries.count, label: "scoring")
    let results = try reportingErrors {
      try MatchEngine(configuration: analysis.configuration)
        .score(
          queries: queries, items: items, queryRole: by == .posting ? .posting : .resume,
          limit: top, explain: explain
        ) { progress.update($0) }
    }
    progress.finish()

    let sink = try OutputSink(path: output)
    switch format {
    case .jsonl:
      for result in results {
        for m in result.results.map(\.rounded) {
          sink.line(
            try Format.json(
              Line(
                by: by, query: result.query, rank: m.rank, id: m.id, path: m.path, title: m.title,
                score: m.score, channels: m.channels, skills: m.skills,
                explanation: m.explanation), pretty: false))
        }
      }
    case .json:
      let rounded = results.map { QueryResult(query: $0.query, results: $0.results.map(\.rounded)) }
      sink.line(try Format.json(Report(by: by, results: rounded), pretty: true))
    case .csv:
      sink.line(Format.csvHeader(prefix: ["by", "query_id", "query_title", "rank", "id", "title", "path"]))
      for result in results {
        for m in result.results.map(\.rounded) {
          sink.line(
            ([by.rawValue, Format.csvField(result.query.id), Format.csvField(result.query.title),
              String(m.rank), Format.csvField(m.id), Format.csvField(m.title), Format.csvField(m.path)]
              + Format.csvScores(m)).joined(separator: ","))
        }
      }
    }
    try sink.close()
    let skipped = postingBatch.skipped + candidateBatch.skipped
    if skipped > 0 {
      Terminal.warn("warning: \(skipped) input(s) skipped; results cover the rest")
      throw ExitStatus.partial
    }
  }
}
