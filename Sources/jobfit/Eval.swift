import ArgumentParser
import Foundation
import JobFitCore
import JobFitEvaluation

/// `jobfit eval`: retrieval quality on labelled third-party data, every channel and the blend
/// against TF-IDF and BM25, with bootstrap confidence intervals.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure ranking quality on the labelled datasets (nDCG, P@k, MRR, MAP, R-prec).",
    discussion: """
      Reads the evaluation data (../shared/data beside the repository, or --data), scores \
      every task's postings × résumés with each channel and the baselines, chooses the blend \
      weights on the dev half (split by a hash of the query id; dsinwild and vanetik are held \
      out of tuning) and reports the test half. \
      Encoder vectors are cached in --cache. Exit status 66 when the data folder is missing, \
      65 when a dataset file is malformed.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

  @Option(help: "Folder holding the datasets (default: $JOBFIT_EVAL_DATA, else ../shared/data beside the repository).")
  var data: String?

  @Option(
    help: ArgumentHelp(
      "Tasks, comma-separated: a dataset (dsinwild, google, ferr, gulp, vanetik) or a full task name (default: all).",
      discussion: "Tasks: \(EvaluationData.taskNames.joined(separator: ", "))."))
  var tasks: String?

  @Option(help: "Channels to score and blend, comma-separated (default: lexical, skills, resume_coverage, title_match, lsa, and encoder when installed).")
  var channels: String?

  @Option(help: "Language of the analyzer for the JobFit channels and BM25 (stop words, Snowball stemming).")
  var language = "english"

  @Flag(help: "Do not tune: report the default blend (or --weights) on --split.")
  var noTune = false

  @Option(help: "Blend to report instead of tuning, e.g. lexical=0.4,skills=0.5,resume_coverage=0.1.")
  var weights: String?

  @Option(help: "Queries reported: dev, test or all (default: test).")
  var split: EvaluationSplit = .test

  @Option(help: "Grid step of the weight search on dev.")
  var step = 0.1

  @Option(help: "Bootstrap resamples for the 95 % confidence intervals.")
  var resamples = 1000

  @Flag(help: "A quick slice (≤ 20 queries and ≤ 300 items per task) for smoke tests.")
  var quick = false

  @Option(help: "Output format: markdown or json.")
  var format: Format = .markdown

  @Option(name: .shortAndLong, help: "Write the report here instead of stdout.")
  var output: String?

  @Option(help: "Cache folder for encoder vectors (default: ~/.cache/jobfit/eval).")
  var cache: String?

  @Flag(help: "No progress lines on stderr.")
  var quiet = false

  func validate() throws {
    guard step > 0, step <= 0.5, abs((1 / step).rounded() * step - 1) < 1e-9 else {
      throw ValidationError("--step must divide 1 (e.g. 0.1, 0.05, 0.25); got \(step).")
    }
    guard resamples >= 100 else { throw ValidationError("--resamples must be ≥ 100 (got \(resamples)).") }
    _ = try chosenChannels()
    _ = try fixedWeights()
  }

  func chosenChannels() throws -> [Channel] {
    guard let channels else {
      return EvaluationRunner.Options.defaultChannels + (MatchEngine.encoderInstalled ? [.encoder] : [])
    }
    let chosen = try channels.split(separator: ",").map { name in
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      guard let channel = Channel(rawValue: trimmed) else {
        throw ValidationError("--channels: unknown channel '\(trimmed)'.")
      }
      return channel
    }
    guard !chosen.isEmpty else { throw ValidationError("--channels: name at least one channel.") }
    return Set(chosen).sorted()
  }

  func fixedWeights() throws -> ChannelWeights? {
    guard let weights else { return nil }
    var result: [Channel: Double] = [:]
    for part in weights.split(separator: ",") {
      let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard pair.count == 2, let channel = Channel(rawValue: pair[0]), let value = Double(pair[1]) else {
        throw ValidationError("--weights: expected channel=weight pairs, got '\(part)'.")
      }
      result[channel] = value
    }
    do { return try ChannelWeights(result) } catch { throw ValidationError("--weights: \(error)") }
  }

  var dataFolder: URL {
    if let data { return URL(fileURLWithPath: data, isDirectory: true) }
    if let env = ProcessInfo.processInfo.environment["JOBFIT_EVAL_DATA"], !env.isEmpty {
      return URL(fileURLWithPath: env, isDirectory: true)
    }
    let repository = DataDirectory.url?.deletingLastPathComponent()
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return repository.deletingLastPathComponent().appendingPathComponent("shared/data")
  }

  func run() throws {
    let folder = dataFolder
    guard FileManager.default.fileExists(atPath: folder.path) else {
      Terminal.warn("error: \(folder.path): evaluation data folder not found (use --data or JOBFIT_EVAL_DATA)")
      throw ExitStatus.noInput
    }
    let selectors = tasks?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      ?? EvaluationData.taskNames
    let log: (String) -> Void = quiet ? { _ in } : { Terminal.warn("eval: \($0)") }
    let report = try reportingErrors {
      let loaded = try EvaluationData(root: folder).tasks(named: selectors)
      log("\(loaded.count) tasks: \(loaded.map { "\($0.name) (\($0.queries.count) queries)" }.joined(separator: ", "))")
      var options = EvaluationRunner.Options(cacheDirectory: cacheFolder)
      options.channels = try chosenChannels()
      if let fixed = try fixedWeights() {
        options.tune = false
        options.weights = fixed
      } else {
        options.tune = !noTune
      }
      options.split = split
      options.analyzer = .standard(language: language.lowercased())
      options.tuneStep = step
      options.resamples = resamples
      // Held out of tuning: vanetik (tiny, annotators disagree) and dsinwild, whose labels are
      // the keyword a scraper searched job titles for, so tuning on it buys title weight that
      // labels of any other kind do not support (README, "Quality").
      options.holdOutTasks = Set(
        loaded.filter { $0.dataset.hasPrefix("vanetik") || $0.dataset.hasPrefix("dsinwild") }
          .map(\.name))
      if quick {
        options.maxQueries = 20
        options.maxItems = 300
      }
      var report = try EvaluationRunner(options: options).run(loaded, log: log)
      if loaded.contains(where: { $0.dataset == "ferr-hr-resume-judgments" }) {
        let data = EvaluationData(root: folder)
        let resumes = Dictionary(try data.livecareerResumes().documents.map { ($0.id, $0) }) { a, _ in a }
        report.explanations = try ExplanationAgreement.measure(
          feedback: try data.ferrSkillFeedback(), resumes: resumes)
      }
      return report
    }
    let text: String
    switch format {
    case .markdown: text = report.markdown()
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        Terminal.warn("error: \(output): cannot write the report (\(error.localizedDescription))")
        throw ExitStatus.ioError
      }
    } else {
      print(text, terminator: "")
    }
  }

  var cacheFolder: URL {
    if let cache { return URL(fileURLWithPath: cache, isDirectory: true) }
    return FileManager.default.homeDirectoryForCurrentUser
      .appendingPathComponent(".cache/jobfit/eval", isDirectory: true)
  }
}

extension EvaluationSplit: ExpressibleByArgument {}
