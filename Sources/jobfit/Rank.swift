import ArgumentParser
import Foundation
import JobFitCore

/// `jobfit rank`: the best postings for one résumé.
struct Rank: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Rank job postings for one résumé.",
    discussion: "POSTINGS may be files, directories (read recursively), JSONL or CSV collections.")

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, markdown
  }

  @Option(help: "The résumé (txt, md, html, pdf, docx, JSON Resume).") var resume: String
  @Argument(help: "Postings: files, directories, .jsonl or .csv collections.") var postings: [String]
  @Option(help: "Number of postings to show.") var top = 10
  @Option(help: "Output format: table, json, csv or markdown.") var format: OutputFormat = .table
  @Option(help: "Write results to this file instead of stdout.") var output: String?
  @Flag(help: "Include the full explanation tree of every result.") var explain = false
  @OptionGroup var load: LoadOptions
  @OptionGroup var analysis: AnalysisOptions

  func validate() throws {
    guard top >= 1 else { throw ValidationError("--top must be at least 1 (got \(top)).") }
    guard !postings.isEmpty else { throw ValidationError("Give at least one postings path.") }
  }

  func run() throws {
    let loader = load.loader
    let resumeDocument = try loadSingle(resume, role: "résumé", with: loader)
    let batch = try loadBatch(postings, role: "postings", with: loader)
    EncoderHint.noteIfMissing(analysis.configuration)
    let result = try reportingErrors {
      try MatchEngine(configuration: analysis.configuration)
        .rank(resume: resumeDocument, postings: batch.documents, limit: top, explain: explain)
    }
    let sink = try OutputSink(path: output)
    try render(result, to: sink)
    try sink.close()
    if batch.skipped > 0 {
      Terminal.warn("warning: \(batch.skipped) input(s) skipped; results cover the rest")
      throw ExitStatus.partial
    }
  }

  private func render(_ result: RankResult, to sink: OutputSink) throws {
    let results = result.results.map(\.rounded)
    switch format {
    case .json:
      sink.line(try Format.json(RankResult(resume: result.resume, results: results), pretty: true))
    case .csv:
      sink.line(Format.csvHeader(prefix: ["rank", "id", "title", "path"]))
      for m in results {
        sink.line(
          ([String(m.rank), Format.csvField(m.id), Format.csvField(m.title), Format.csvField(m.path)]
            + Format.csvScores(m)).joined(separator: ","))
      }
    case .markdown:
      sink.line("## Postings for \(Format.markdownCell(result.resume.title))\n")
      sink.line("| # | score | posting | id | matched skills | missing skills |")
      sink.line("|--:|------:|---------|----|----------------|----------------|")
      for m in results {
        sink.line(
          "| \(m.rank) | \(Format.scoreText(m.score)) | \(Format.markdownCell(m.title)) | "
            + "\(Format.markdownCell(m.id)) | \(Format.markdownCell(Format.matchedList(m))) | "
            + "\(Format.markdownCell(Format.missingList(m))) |")
      }
    case .table:
      let style = Style()
      sink.line(style.bold("Postings for \(result.resume.title) (\(result.resume.id))"))
      sink.line(style.bold("   #  score   posting"))
      for m in results {
        let rank = String(repeating: " ", count: max(0, 4 - String(m.rank).count)) + String(m.rank)
        sink.line("\(rank)  \(Format.scoreText(m.score))  \(Format.truncate(m.title, 60))  [\(m.id)]")
        if let skills = m.skills, !(skills.matched.isEmpty && skills.missing.isEmpty) {
          let matched = skills.matched.isEmpty ? "no skill of the posting" : Format.matchedList(m)
          sink.line("               " + style.green("✓ \(Format.truncate(matched, 80))"))
          if !skills.missing.isEmpty {
            sink.line("               " + style.red("✗ \(Format.truncate(Format.missingList(m), 80))"))
          }
        }
        if let tree = m.explanation { Format.tree(tree, indent: "      ", into: sink) }
      }
      if results.isEmpty { sink.line("   (no postings)") }
    }
  }
}

// MARK: - Encoder install hint

/// The one stderr line that says how to turn the semantic encoder channel on.
///
/// Without the model files `rank` and `score` still work (lexical, LSA and skills channels), so
/// a missing model is not an error; but a user should learn once that the channel exists and
/// how to install it. Printed at most once per process, only when the encoder channel was not
/// asked for (asking for it without the model is an error, which says the same), never on
/// stdout, and not at all when `JOBFIT_NO_HINTS` is set to a non-empty value.
enum EncoderHint {
  static let message =
    "note: sentence encoder not installed (semantic channel off); "
    + "install with scripts/install_model.sh"

  /// Swift runs a static initializer exactly once (thread-safely), which makes this "once".
  private static let shown: Void = Terminal.warn(message)

  /// Prints `message` to stderr the first time it is called with the encoder off and missing.
  static func noteIfMissing(
    _ configuration: MatchConfiguration,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    if let off = environment["JOBFIT_NO_HINTS"], !off.isEmpty { return }
    guard configuration.weights[.encoder] == 0, !MatchEngine.encoderInstalled else { return }
    _ = shown
  }
}
