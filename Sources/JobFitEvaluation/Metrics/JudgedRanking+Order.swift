// MARK: - From scores to a ranking

extension JudgedRanking {
  /// The ids ordered by descending score, equal scores by ascending id (JobFit's deterministic
  /// tie-break), keeping the first `limit` when given.
  ///
  /// How ties are broken changes P@k, MRR and AP whenever a relevant and a non-relevant item
  /// share a score; breaking them by id (not by input position) keeps the metrics independent
  /// of item order. trec_eval breaks score ties by docno *descending*, so on tied scores its
  /// numbers can differ from ours. A NaN score ranks below every number.
  ///
  /// - Parameters:
  ///   - ids: item ids, one per score.
  ///   - scores: the engine's score of each item (e.g. one row of a score matrix).
  ///   - limit: how many ids to keep; all when `nil`.
  /// - Precondition: `ids` and `scores` have the same count.
  /// - Complexity: O(n log n).
  public static func rankedIDs<Scores: RandomAccessCollection<Float>>(
    _ ids: [String], by scores: Scores, limit: Int? = nil
  ) -> [String] {
    precondition(ids.count == scores.count, "\(ids.count) ids but \(scores.count) scores")
    let values = scores.map { $0.isNaN ? -Float.infinity : $0 }
    let order = ids.indices.sorted { a, b in
      values[a] != values[b] ? values[a] > values[b] : ids[a] < ids[b]
    }
    return order.prefix(limit ?? order.count).map { ids[$0] }
  }
}
