import ArgumentParser
import Foundation
import JobFitCore

/// `jobfit explain`: one résumé against one posting, every number accounted for.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Explain the score of one résumé against one posting, skill by skill.",
    discussion: "Every node's value is the sum of its children: the final score is the sum of "
      + "the channel contributions, and the skills channel the sum of its skills'.")

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, markdown }

  @Option(help: "The résumé.") var resume: String
  @Option(help: "The posting.") var posting: String
  @Option(help: "Output format: table, json or markdown.") var format: OutputFormat = .table
  @OptionGroup var load: LoadOptions
  @OptionGroup var analysis: AnalysisOptions

  func run() throws {
    let loader = load.loader
    let resumeDocument = try loadSingle(resume, role: "résumé", with: loader)
    let postingDocument = try loadSingle(posting, role: "posting", with: loader)
    let result = try reportingErrors {
      try MatchEngine(configuration: analysis.configuration)
        .rank(resume: resumeDocument, postings: [postingDocument], limit: 1, explain: true)
    }
    guard let match = result.results.first, let tree = match.explanation else {
      throw ExitStatus.dataError
    }
    let sink = try OutputSink(path: nil)
    switch format {
    case .json:
      sink.line(try Format.json(result, pretty: true))
    case .markdown:
      sink.line("## \(Format.markdownCell(result.resume.title)) × \(Format.markdownCell(match.title))\n")
      Format.markdownTree(tree, into: sink)
      if let skills = match.skills, !skills.missing.isEmpty {
        sink.line("\n**Missing:** \(Format.markdownCell(Format.missingList(match)))")
      }
    case .table:
      let style = Style()
      sink.line(style.bold("\(result.resume.title) × \(match.title)"))
      Format.tree(tree, indent: "", into: sink)
      for d in match.skills?.matched ?? [] {
        if let evidence = d.evidence {
          sink.line(style.dim("  \(d.skill) ← \(Format.truncate(evidence, 90))"))
        }
      }
    }
    try sink.close()
  }
}
