import Foundation

// MARK: - Graded: nDCG

extension JudgedRanking {
  /// Normalised discounted cumulative gain at cutoff `k`, with linear gains (trec_eval
  /// `ndcg_cut.k`).
  ///
  ///     DCG@k  = Σ_{i=1..min(k, n)} gain_i / log2(i + 1)
  ///     IDCG@k = the same sum over `idealGains` (all judged gains, highest first)
  ///     nDCG@k = DCG@k / IDCG@k,  or 0 when IDCG@k = 0
  ///
  /// The gain is used as is (trec_eval), not `2^gain − 1` (the Burges et al. variant); for
  /// binary gains both agree. A list shorter than `k` simply stops contributing; the ideal still
  /// runs to `k`. A query with IDCG = 0 has no relevant item: see ``isEvaluable``.
  ///
  /// - Precondition: `k ≥ 1`.
  /// - Complexity: O(min(k, n) + m) for *n* ranked and *m* judged items.
  public func ndcg(at k: Int) -> Double {
    precondition(k >= 1, "nDCG cutoff must be at least 1 (got \(k))")
    return Self.ndcg(rankedGains: rankedGains(limit: k), idealGains: idealGains, cutoff: k)
  }

  static func ndcg(rankedGains: [Double], idealGains: [Double], cutoff k: Int) -> Double {
    let ideal = discountedCumulativeGain(idealGains, cutoff: k)
    guard ideal > 0 else { return 0 }
    return discountedCumulativeGain(rankedGains, cutoff: k) / ideal
  }

  /// `Σ_{i=1..min(k, gains.count)} gains[i − 1] / log2(i + 1)`.
  static func discountedCumulativeGain(_ gains: [Double], cutoff k: Int) -> Double {
    var sum = 0.0
    for (offset, gain) in gains.prefix(k).enumerated() where gain > 0 {
      sum += gain / log2(Double(offset + 2))
    }
    return sum
  }
}

// MARK: - Binary: precision, reciprocal rank, average precision

extension JudgedRanking {
  /// Precision at cutoff `k` (trec_eval `P.k`): relevant items in the top `k`, divided by `k`.
  ///
  ///     P@k = |{i ≤ k : gain_i > 0}| / k
  ///
  /// The divisor is `k` even when the list holds fewer than `k` items, as in trec_eval, so a
  /// short list is not rewarded for stopping early.
  ///
  /// - Precondition: `k ≥ 1`.
  public func precision(at k: Int) -> Double {
    precondition(k >= 1, "precision cutoff must be at least 1 (got \(k))")
    return Self.precision(rankedGains: rankedGains(limit: k), cutoff: k)
  }

  /// Reciprocal rank (trec_eval `recip_rank`): `1 / i` for the rank *i* of the first relevant
  /// item, or 0 when the list holds none. Its mean over queries is MRR.
  public var reciprocalRank: Double { Self.reciprocalRank(rankedGains: rankedGains) }

  /// Average precision (trec_eval `map` per query): the precision at the rank of each relevant
  /// retrieved item, summed and divided by *R*, the number of relevant items (retrieved or not).
  ///
  ///     AP = (1 / R) · Σ_{i : gain_i > 0} P@i,   0 when R = 0
  ///
  /// Relevant items missing from the list contribute precision 0. Its mean over queries is MAP
  /// (``JudgedRanking/meanAveragePrecision(_:)``).
  public var averagePrecision: Double {
    Self.averagePrecision(rankedGains: rankedGains, relevantCount: relevantCount)
  }

  /// Mean average precision over `rankings` (0 for none): `MAP = (1 / |Q|) Σ_q AP(q)`.
  public static func meanAveragePrecision(_ rankings: [JudgedRanking]) -> Double {
    guard !rankings.isEmpty else { return 0 }
    return rankings.reduce(0) { $0 + $1.averagePrecision } / Double(rankings.count)
  }

  /// R-precision (trec_eval `Rprec`): precision at rank *R*, the number of relevant items.
  ///
  ///     R-prec = |{i ≤ R : gain_i > 0}| / R,   0 when R = 0
  ///
  /// At rank *R* precision equals recall, so a perfect ranking scores 1 however many relevant
  /// items there are.
  public var rPrecision: Double {
    Self.rPrecision(rankedGains: rankedGains(limit: relevantCount), relevantCount: relevantCount,
                    cutoff: relevantCount)
  }

  /// R-precision capped at `k` (WorkRB's `rprecision@k`): precision at rank `min(R, k)`.
  ///
  ///     R-prec@k = |{i ≤ min(R, k) : gain_i > 0}| / min(R, k),   0 when R = 0
  ///
  /// Unlike P@k it can reach 1 when a query has fewer than `k` relevant items (the divisor is
  /// then *R*, not `k`); unlike R-precision it only looks at the top `k`, so a query with
  /// thousands of relevant items is judged on the first page. Equals ``rPrecision`` when
  /// `R ≤ k` and ``precision(at:)`` when `R ≥ k`.
  ///
  /// - Precondition: `k ≥ 1`.
  public func rPrecision(at k: Int) -> Double {
    precondition(k >= 1, "R-precision cutoff must be at least 1 (got \(k))")
    return Self.rPrecision(rankedGains: rankedGains(limit: k), relevantCount: relevantCount,
                           cutoff: k)
  }

  // MARK: Helpers

  /// ``rankedGains`` for the first `limit` ranks only.
  func rankedGains(limit: Int) -> [Double] {
    var seen = Set<String>()
    return ranking.prefix(max(limit, 0)).map { id in
      guard seen.insert(id).inserted else { return 0 }
      return max(gains[id] ?? 0, 0)
    }
  }

  // The formulas on a list of per-rank gains, so `metrics(cutoffs:)` looks gains up once.

  static func countRelevant(in gains: ArraySlice<Double>) -> Int {
    gains.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
  }

  static func precision(rankedGains: [Double], cutoff k: Int) -> Double {
    Double(countRelevant(in: rankedGains.prefix(k))) / Double(k)
  }

  static func reciprocalRank(rankedGains: [Double]) -> Double {
    guard let first = rankedGains.firstIndex(where: { $0 > 0 }) else { return 0 }
    return 1 / Double(first + 1)
  }

  static func averagePrecision(rankedGains: [Double], relevantCount: Int) -> Double {
    guard relevantCount > 0 else { return 0 }
    var found = 0
    var sum = 0.0
    for (offset, gain) in rankedGains.enumerated() where gain > 0 {
      found += 1
      sum += Double(found) / Double(offset + 1)
    }
    return sum / Double(relevantCount)
  }

  /// Precision at `min(R, k)`; R-precision itself is the case `k = R`.
  static func rPrecision(rankedGains: [Double], relevantCount: Int, cutoff k: Int) -> Double {
    let depth = min(relevantCount, k)
    guard depth > 0 else { return 0 }
    return Double(countRelevant(in: rankedGains.prefix(depth))) / Double(depth)
  }
}
