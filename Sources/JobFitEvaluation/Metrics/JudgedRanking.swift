/// One query's ranked list together with its relevance judgements: the input of the ranking
/// metrics (nDCG@k, P@k, MRR, AP, R-precision).
///
/// The definitions follow trec_eval (`ndcg_cut`, `P`, `recip_rank`, `map`, `Rprec`) and WorkRB:
///
/// - an item is *relevant* iff its gain is > 0; items missing from `gains` have gain 0;
/// - *R* (`relevantCount`) is the number of relevant items the query has, retrieved or not, so
///   a system that leaves relevant items out of its list is penalised by AP and R-precision;
/// - the ideal DCG comes from the gains of *all* judged items (`idealGains`), not only the
///   retrieved ones.
///
/// The ranking is used as given, best first. An id that repeats an earlier one is treated as
/// non-relevant (gain 0) at its rank, so a list with duplicates can never score above the same
/// list without them.
///
/// ```swift
/// let judged = JudgedRanking(ranking: ["d3", "d1", "d7"], gains: ["d1": 2, "d7": 1, "d9": 1])
/// judged.precision(at: 2)  // 0.5
/// judged.reciprocalRank    // 0.5
/// ```
public struct JudgedRanking: Sendable, Equatable {
  /// Item ids, best first.
  public var ranking: [String]
  /// Item id → gain (≥ 0). Absent ids have gain 0.
  public var gains: [String: Double]
  /// *R*: the number of relevant items (gain > 0) of the query, retrieved or not.
  public var relevantCount: Int
  /// The gains of every judged item, sorted from highest to lowest; the ideal ranking's gains.
  public var idealGains: [Double]

  /// A judged ranking.
  ///
  /// - Parameters:
  ///   - ranking: item ids, best first.
  ///   - gains: item id → gain; negative gains are treated as 0.
  ///   - relevantCount: *R*; by default the number of entries of `gains` with gain > 0. Pass it
  ///     when `gains` is not the whole judgement (e.g. restricted to a pool).
  ///   - idealGains: the gains of all judged items (any order); by default `gains.values`.
  public init(
    ranking: [String], gains: [String: Double], relevantCount: Int? = nil,
    idealGains: [Double]? = nil
  ) {
    self.ranking = ranking
    self.gains = gains
    self.relevantCount = relevantCount ?? gains.values.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    self.idealGains = (idealGains ?? Array(gains.values)).map { max($0, 0) }.sorted(by: >)
  }

  /// Whether the query can be scored: it has at least one relevant item (*R* > 0) and a
  /// positive ideal DCG.
  ///
  /// Queries without relevant items give nDCG, AP and R-precision 0 by convention (trec_eval
  /// would too), which measures nothing about the system; callers should skip them and report
  /// how many were skipped.
  public var isEvaluable: Bool {
    relevantCount > 0 && (idealGains.first ?? 0) > 0
  }

  /// The gain at each rank of the list (1-based rank *i* ↦ element *i − 1*), with repeated ids
  /// and negative gains counted as 0.
  public var rankedGains: [Double] { rankedGains(limit: ranking.count) }

  /// Whether each rank holds a relevant item (gain > 0), after the rules of ``rankedGains``.
  public var relevanceFlags: [Bool] { rankedGains.map { $0 > 0 } }
}
