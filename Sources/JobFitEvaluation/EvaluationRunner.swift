import Foundation
import JobFitCore

/// Runs the evaluation: scores every task's documents, tunes the blend on dev (optionally),
/// and reports every system on the chosen split with bootstrap confidence intervals.
public struct EvaluationRunner {
  public struct Options: Sendable {
    /// The channels scored when none are named: every channel but the encoder (which callers
    /// add when its model is installed).
    public static let defaultChannels: [Channel] = [.lexical, .skills, .resumeCoverage, .title, .lsa]
    /// Channels scored (the blend is searched over these).
    public var channels: [Channel] = defaultChannels
    /// Choose the blend on dev and report on test (when false: report `weights` on `split`).
    public var tune = true
    public var weights: ChannelWeights = .default
    public var split: EvaluationSplit = .test
    public var tuneStep = 0.1
    /// Bootstrap resamples for confidence intervals.
    public var resamples = 1000
    /// When set, keep at most this many queries per task (by split-key hash order) and this many
    /// non-pooled items per task: a quick slice for CI.
    public var maxQueries: Int?
    public var maxItems: Int?
    /// Tasks kept out of tuning (small final checks).
    public var holdOutTasks: Set<String> = []
    public var cacheDirectory: URL
    /// The analyzer of the JobFit channels and BM25 (e.g. `.standard(language: "german")`).
    public var analyzer: AnalyzerChoice = .default
    public init(cacheDirectory: URL) { self.cacheDirectory = cacheDirectory }
  }

  public let options: Options
  public init(options: Options) { self.options = options }

  /// Evaluates `tasks`; `log` gets progress lines (counts and timings, never document text).
  public func run(_ tasks: [EvaluationTask], log: @escaping (String) -> Void = { _ in })
    throws -> EvaluationReport
  {
    let clock = ContinuousClock()
    let started = clock.now
    let tasks = tasks.map(sliced)
    let (postings, resumes) = Self.documents(of: tasks)
    log("scoring \(postings.count) postings × \(resumes.count) résumés")
    let table = try ScoreTable.compute(
      postings: postings, resumes: resumes, channels: options.channels,
      cacheDirectory: options.cacheDirectory, analyzer: options.analyzer, log: log)

    var weights = options.weights
    var tuning: EvaluationReport.Tuning?
    let tuningTasks = tasks.filter { !options.holdOutTasks.contains($0.name) }
    let tuned = options.tune && !tuningTasks.isEmpty
    if options.tune && !tuned { log("no task to tune on (all held out): reporting the given weights") }
    if tuned {
      var tuner = BlendTuner(channels: options.channels, step: options.tuneStep)
      let datasets = Array(Set(tuningTasks.map(\.dataset))).sorted()
      tuner.taskGroups = tuningTasks.map { datasets.firstIndex(of: $0.dataset) ?? 0 }
      let outcome = try tuner.tune(tuner.prepare(tasks: tuningTasks, table: table))
      weights = outcome.weights
      tuning = .init(
        objective: "nDCG@10 on dev, macro mean over \(datasets.count) datasets (\(tuningTasks.count) tasks)",
        devQueries: outcome.evaluated, best: outcome.objective, reference: outcome.reference,
        gridPoints: tuner.grid().count, standardized: outcome.standardized, spread: outcome.spread)
      log("tuned weights: \(weights.channels.map { "\($0.rawValue)=\(weights[$0])" }.joined(separator: " "))")
    }

    // The shipped default is reported only when all its channels were scored; the blend under
    // test (tuned, or given with --weights) comes last.
    var systems: [EvaluationSystem] = [.tfidf, .bm25] + options.channels.map { .channel($0) }
    if Set(ChannelWeights.default.channels).isSubset(of: options.channels) {
      systems.append(.blend("default"))
    }
    if tuned {
      systems.append(.blend("tuned"))
    } else if weights != .default {
      systems.append(.blend("given"))
    }
    let reports = try tasks.map { task in
      try report(task: task, table: table, systems: systems, tuned: weights)
    }
    let date = ISO8601DateFormatter.string(
      from: Date(), timeZone: TimeZone(identifier: "UTC") ?? .current,
      formatOptions: [.withFullDate])
    return EvaluationReport(
      version: JobFitVersion.current, date: date, split: options.split.rawValue,
      channels: options.channels.map(\.rawValue),
      weights: systems.contains(where: { if case .blend = $0 { true } else { false } })
        ? Dictionary(uniqueKeysWithValues: weights.channels.map { ($0.rawValue, weights[$0]) }) : [:],
      tuning: tuning, tasks: reports, goals: GoalCheck.check(reports),
      seconds: Double((clock.now - started).components.seconds))
  }

  /// The numbers of one task on the report split.
  func report(
    task: EvaluationTask, table: ScoreTable, systems: [EvaluationSystem], tuned: ChannelWeights
  ) throws -> TaskReport {
    let (queries, skipped) = task.prepared(split: options.split)
    let bootstrap = Bootstrap(resamples: options.resamples)
    var runs: [SystemRun] = []
    var systemReports: [SystemReport] = []
    for system in systems {
      let weights: ChannelWeights? =
        switch system {
        case .blend("default"): .default
        case .blend: tuned
        default: nil
        }
      let run = table.run(system, task: task, queries: queries, weights: weights)
      runs.append(run)
      var metrics: [String: MetricSummary] = [:]
      let names = Set(run.values.flatMap(\.metrics.keys))
      for name in names.sorted() {
        let values = run.values.compactMap { $0.metrics[name] }
        guard !values.isEmpty else { continue }
        let ci = try bootstrap.interval(of: values)
        metrics[name] = MetricSummary(mean: ci.mean, low: ci.lower, high: ci.upper)
      }
      var byGroup: [String: [Double]] = [:]
      for value in run.values {
        if let group = value.group, let v = value.metrics[ReportedMetrics.ndcg10] {
          byGroup[group, default: []].append(v)
        }
      }
      systemReports.append(
        SystemReport(
          system: system.description, metrics: metrics,
          groups: byGroup.mapValues { $0.reduce(0, +) / Double($0.count) }))
    }
    // Paired bootstrap: the reported blend against every other system, on nDCG@10.
    var versus: [String: MetricSummary] = [:]
    if let blend = runs.last, case .blend = blend.system, !blend.values.isEmpty {
      let b = blend.values.map { $0.metrics[ReportedMetrics.ndcg10] ?? 0 }
      for run in runs.dropLast() {
        let other = run.values.map { $0.metrics[ReportedMetrics.ndcg10] ?? 0 }
        let d = try bootstrap.compare(b, with: other).difference
        versus[run.system.description] = MetricSummary(mean: d.mean, low: d.lower, high: d.upper)
      }
    }
    return TaskReport(
      task: task.name, dataset: task.dataset, split: options.split.rawValue,
      graded: task.graded, queries: queries.count, skippedQueries: skipped,
      items: task.pools == nil ? task.items.count : Set(task.pools?.values.flatMap { $0 } ?? []).count,
      notes: task.notes, systems: systemReports, blendVersus: versus)
  }

  /// The task cut to the quick slice (when asked): queries and non-pooled items by hash order,
  /// relevant items kept first so every kept query stays evaluable.
  func sliced(_ task: EvaluationTask) -> EvaluationTask {
    var task = task
    if let maxQueries = options.maxQueries, task.queries.count > maxQueries {
      task.queries = Array(task.queries.inHashOrder().prefix(maxQueries))
    }
    if let maxItems = options.maxItems, task.pools == nil, task.items.count > maxItems {
      let relevant = Set(task.queries.flatMap { (task.gains[$0.id] ?? [:]).filter { $0.value > 0 }.keys })
      let ordered = task.items.inHashOrder()
      let keep = ordered.filter { relevant.contains($0.id) }.prefix(maxItems / 2)
        + ordered.filter { !relevant.contains($0.id) }.prefix(maxItems - min(maxItems / 2, relevant.count))
      let kept = Set(keep.map(\.id))
      task.items = task.items.filter { kept.contains($0.id) }
    }
    return task
  }

  /// The postings and résumés of all tasks, each id once (first occurrence wins).
  static func documents(of tasks: [EvaluationTask]) -> (postings: [Document], resumes: [Document]) {
    var postings: [Document] = []
    var resumes: [Document] = []
    var seenP = Set<String>()
    var seenR = Set<String>()
    for task in tasks {
      let (p, r) = task.queryRole == .posting ? (task.queries, task.items) : (task.items, task.queries)
      for d in p where seenP.insert(d.id).inserted { postings.append(d) }
      for d in r where seenR.insert(d.id).inserted { resumes.append(d) }
    }
    return (postings, resumes)
  }
}

extension GoalCheck {
  /// The issue's goals: on category tasks the reported blend beats the best single channel by
  /// ≥ 10 % relative nDCG@10; on human-graded tasks it agrees with the grades better than TF-IDF
  /// (nDCG@10 and Kendall τ).
  static func check(_ reports: [TaskReport]) -> [GoalCheck] {
    var goals: [GoalCheck] = []
    for task in reports {
      guard let blend = task.systems.last, blend.system.hasPrefix("blend:"),
        let b = blend.metrics[ReportedMetrics.ndcg10]?.mean
      else { continue }
      if !task.graded {
        let singles = task.systems.filter { Channel(rawValue: $0.system) != nil }
        guard let best = singles.max(by: {
          ($0.metrics[ReportedMetrics.ndcg10]?.mean ?? 0) < ($1.metrics[ReportedMetrics.ndcg10]?.mean ?? 0)
        }), let s = best.metrics[ReportedMetrics.ndcg10]?.mean, s > 0 else { continue }
        goals.append(
          GoalCheck(
            goal: "blend ≥ 1.10 × best channel (nDCG@10)", task: task.task, met: b >= 1.1 * s,
            detail: String(format: "%@ %.3f vs %@ %.3f (×%.3f)", blend.system, b, best.system, s, b / s)))
      } else if let t = task.system("tfidf") {
        let tn = t.metrics[ReportedMetrics.ndcg10]?.mean ?? 0
        let bt = blend.metrics[MetricName.kendallTauB]?.mean ?? 0
        let tt = t.metrics[MetricName.kendallTauB]?.mean ?? 0
        goals.append(
          GoalCheck(
            goal: "blend agrees with grades better than TF-IDF", task: task.task,
            met: b > tn && bt > tt,
            detail: String(format: "nDCG@10 %.3f vs %.3f; Kendall τ %.3f vs %.3f", b, tn, bt, tt)))
      }
    }
    return goals
  }
}
