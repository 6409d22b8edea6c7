extension EvaluationTask {
  /// The judgements of `queryID` attached to a ranking of it, ready for the metrics.
  ///
  /// For a query with a judged pool, gains, *R* and the ideal gains are those of the pool's
  /// items only (items outside the pool cannot be ranked, so they must not count against the
  /// system); otherwise they are the query's whole judgement.
  ///
  /// - Parameters:
  ///   - queryID: the query's document id.
  ///   - ranking: the item ids the system returned, best first.
  public func judgedRanking(for queryID: String, ranking: [String]) -> JudgedRanking {
    var judged = gains[queryID] ?? [:]
    if let pool = pools?[queryID] {
      let members = Set(pool)
      judged = judged.filter { members.contains($0.key) }
    }
    return JudgedRanking(
      ranking: ranking, gains: judged, relevantCount: relevantCount(for: queryID),
      idealGains: Array(judged.values))
  }
}

extension EvaluationTask {
  /// The engine's scores paired with the human grades over `queryID`'s judged pool, for the
  /// reranking metrics (``GradedPool``).
  ///
  /// The pool is `pools[queryID]` when the task has pools, else the items judged for the query.
  /// A pool item missing from `scores` is left out (it was not scored); a pool item without a
  /// judgement gets grade 0. Items come in pool order (judged items: by id).
  ///
  /// - Parameters:
  ///   - queryID: the query's document id.
  ///   - scores: item id → the engine's score for this query.
  public func gradedPool(for queryID: String, scores: [String: Double]) -> GradedPool {
    let judged = gains[queryID] ?? [:]
    let members = pools?[queryID] ?? judged.keys.sorted()
    var scored: [Double] = []
    var grades: [Double] = []
    for id in members {
      guard let score = scores[id] else { continue }
      scored.append(score)
      grades.append(judged[id] ?? 0)
    }
    return GradedPool(scores: scored, grades: grades)
  }
}
