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
