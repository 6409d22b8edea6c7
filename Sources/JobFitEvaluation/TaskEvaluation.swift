import JobFitCore

/// One query of a task, prepared for scoring: its candidates and their gains.
struct PreparedQuery: Sendable {
  let id: String
  let group: String?
  /// Candidate item ids in task order (the pool, or every item).
  let candidates: [String]
  /// Gain of each candidate (0 when unjudged).
  let gains: [Double]
  /// Relevant items (gain > 0) for the binary metrics: the pool's, or all the query's.
  let relevant: Int

  /// Whether any metric is defined: a relevant item exists among the candidates.
  var isEvaluable: Bool { relevant > 0 && gains.contains { $0 > 0 } }
}

extension EvaluationTask {
  /// The task's queries of `split` that can be evaluated, with their candidates.
  func prepared(split: EvaluationSplit) -> (queries: [PreparedQuery], skipped: Int) {
    let itemIDs = items.map(\.id)
    var result: [PreparedQuery] = []
    var skipped = 0
    for query in queries where split.contains(key: splitKeys[query.id] ?? query.id) {
      let candidates = pools?[query.id] ?? itemIDs
      let judged = gains[query.id] ?? [:]
      let prepared = PreparedQuery(
        id: query.id, group: groups[query.id], candidates: candidates,
        gains: candidates.map { judged[$0] ?? 0 }, relevant: relevantCount(for: query.id))
      if prepared.isEvaluable { result.append(prepared) } else { skipped += 1 }
    }
    return (result, skipped)
  }
}

/// Per-query metric values of one system on one task.
struct SystemRun: Sendable {
  let system: EvaluationSystem
  /// Query id → metric name → value, for the evaluated queries (in task order).
  let values: [(query: String, group: String?, metrics: [String: Double])]
}

/// The metrics reported, in display order.
enum ReportedMetrics {
  static let ndcg10 = MetricName.ndcg(at: 10)
  static let binary = [
    MetricName.ndcg(at: 10), MetricName.precision(at: 5), MetricName.precision(at: 10),
    MetricName.reciprocalRank, MetricName.averagePrecision, MetricName.rPrecision(at: 10),
  ]
  static let graded = [
    MetricName.ndcg(at: 5), MetricName.ndcg(at: 10), MetricName.kendallTauB,
    MetricName.spearmanRho, MetricName.pairwiseAccuracy,
  ]
}

extension ScoreTable {
  /// Runs `system` over the prepared queries of `task` and measures each ranking.
  func run(
    _ system: EvaluationSystem, task: EvaluationTask, queries: [PreparedQuery],
    weights: ChannelWeights?
  ) -> SystemRun {
    let score = scorer(system, queryRole: task.queryRole, weights: weights)
    let values = queries.map { query -> (query: String, group: String?, metrics: [String: Double]) in
      let scores = query.candidates.map { score(query.id, $0) }
      return (query.id, query.group, measure(query: query, scores: scores, graded: task.graded))
    }
    return SystemRun(system: system, values: values)
  }

  /// The metrics of one ranking: candidates ordered by score (ties by task order).
  func measure(query: PreparedQuery, scores: [Float], graded: Bool) -> [String: Double] {
    let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    var gains: [String: Double] = [:]
    for (id, gain) in zip(query.candidates, query.gains) where gain > 0 { gains[id] = gain }
    let judged = JudgedRanking(
      ranking: order.map { query.candidates[$0] }, gains: gains, relevantCount: query.relevant,
      idealGains: query.gains)
    var result: [String: Double] = [:]
    if graded {
      result[MetricName.ndcg(at: 5)] = judged.ndcg(at: 5)
      result[MetricName.ndcg(at: 10)] = judged.ndcg(at: 10)
      let pool = GradedPool(scores: scores.map { Double($0.isFinite ? $0 : 0) }, grades: query.gains)
      result[MetricName.kendallTauB] = pool.kendallTauB
      result[MetricName.spearmanRho] = pool.spearmanRho
      result[MetricName.pairwiseAccuracy] = pool.pairwiseAccuracy
    } else {
      result[MetricName.ndcg(at: 10)] = judged.ndcg(at: 10)
      result[MetricName.precision(at: 5)] = judged.precision(at: 5)
      result[MetricName.precision(at: 10)] = judged.precision(at: 10)
      result[MetricName.reciprocalRank] = judged.reciprocalRank
      result[MetricName.averagePrecision] = judged.averagePrecision
      result[MetricName.rPrecision(at: 10)] = judged.rPrecision(at: 10)
    }
    return result.filter { $0.value.isFinite }
  }
}
