/// The engine's scores and the human grades of one query's judged pool: the input of the
/// reranking metrics (Kendall τ-b, Spearman ρ, pairwise accuracy).
///
/// Element *i* of `scores` and of `grades` belong to the same item. Both sides may hold ties;
/// each metric says how it treats them. Every metric is `nil` when it is undefined for the pool
/// (fewer than two items, or a side with no variation), so callers can skip the query rather
/// than average in an arbitrary value.
///
/// ```swift
/// let pool = GradedPool(scores: [0.9, 0.5, 0.1], grades: [2, 1, 1])
/// pool.pairwiseAccuracy  // 1.0: both pairs with different grades are ordered correctly
/// ```
public struct GradedPool: Sendable, Equatable {
  /// The engine's score of each item (higher = better match).
  public var scores: [Double]
  /// The human grade of each item (higher = better match).
  public var grades: [Double]

  /// A pool of items with paired scores and grades.
  ///
  /// - Precondition: equal counts and finite values (scores come from the engine and grades
  ///   from a reader that validated them).
  public init(scores: [Double], grades: [Double]) {
    precondition(scores.count == grades.count,
                 "\(scores.count) scores but \(grades.count) grades")
    precondition(scores.allSatisfy(\.isFinite) && grades.allSatisfy(\.isFinite),
                 "scores and grades must be finite")
    self.scores = scores
    self.grades = grades
  }

  /// Kendall's τ-b between scores and grades (as `scipy.stats.kendalltau`, variant "b").
  ///
  ///     τ_b = (n_c − n_d) / sqrt((n_0 − n_1) · (n_0 − n_2))
  ///
  /// over all item pairs: `n_c` concordant pairs (scores and grades ordered the same way), `n_d`
  /// discordant pairs, `n_0 = n(n − 1)/2`, `n_1 = Σ t(t − 1)/2` over groups of tied scores and
  /// `n_2` the same over tied grades. A pair tied on either side is neither concordant nor
  /// discordant. `nil` when the denominator is 0 (fewer than two items, or all scores or all
  /// grades equal).
  ///
  /// - Complexity: O(n²); pools are small (tens of items).
  public var kendallTauB: Double? {
    let n = scores.count
    var concordant = 0
    var discordant = 0
    var tiedScores = 0
    var tiedGrades = 0
    for i in 0..<n {
      for j in (i + 1)..<n {
        let ds = scores[i] - scores[j]
        let dg = grades[i] - grades[j]
        if ds == 0 { tiedScores += 1 }
        if dg == 0 { tiedGrades += 1 }
        if ds != 0 && dg != 0 {
          if (ds > 0) == (dg > 0) { concordant += 1 } else { discordant += 1 }
        }
      }
    }
    let pairs = n * (n - 1) / 2
    let denominator = (Double(pairs - tiedScores) * Double(pairs - tiedGrades)).squareRoot()
    guard denominator > 0 else { return nil }
    return Double(concordant - discordant) / denominator
  }

  /// Spearman's ρ: the Pearson correlation of the ranks of scores and of grades, tied values
  /// sharing their average rank (as `scipy.stats.spearmanr`).
  ///
  ///     ρ = Σ (r_i − r̄)(s_i − s̄) / sqrt(Σ (r_i − r̄)² · Σ (s_i − s̄)²)
  ///
  /// With ties this is *not* `1 − 6 Σ d² / (n(n² − 1))`, which only holds without them.
  /// `nil` when either side has no variation.
  ///
  /// - Complexity: O(n log n).
  public var spearmanRho: Double? {
    let x = Self.averageRanks(scores)
    let y = Self.averageRanks(grades)
    guard x.count >= 2 else { return nil }
    let meanX = x.reduce(0, +) / Double(x.count)
    let meanY = y.reduce(0, +) / Double(y.count)
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (a, b) in zip(x, y) {
      covariance += (a - meanX) * (b - meanY)
      varianceX += (a - meanX) * (a - meanX)
      varianceY += (b - meanY) * (b - meanY)
    }
    guard varianceX > 0, varianceY > 0 else { return nil }
    return covariance / (varianceX * varianceY).squareRoot()
  }

  /// The share of item pairs with different grades that the scores put in the same order; a
  /// pair with equal scores counts one half (a coin flip would order it right half the time).
  ///
  ///     acc = (Σ_{g_i > g_j} [s_i > s_j] + ½ [s_i = s_j]) / |{(i, j) : g_i > g_j}|
  ///
  /// 0.5 is chance, 1 is perfect. `nil` when all grades are equal.
  ///
  /// - Complexity: O(n²).
  public var pairwiseAccuracy: Double? {
    let n = scores.count
    var pairs = 0
    var credit = 0.0
    for i in 0..<n {
      for j in (i + 1)..<n where grades[i] != grades[j] {
        pairs += 1
        let (better, worse) = grades[i] > grades[j] ? (i, j) : (j, i)
        if scores[better] > scores[worse] {
          credit += 1
        } else if scores[better] == scores[worse] {
          credit += 0.5
        }
      }
    }
    return pairs > 0 ? credit / Double(pairs) : nil
  }

  /// The 1-based rank of each value in ascending order, tied values sharing the mean of the
  /// ranks they span (`scipy.stats.rankdata(method="average")`): `[10, 20, 20, 5]` gives
  /// `[2, 3.5, 3.5, 1]`.
  public static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
      // Positions start..<end hold one tied value: 1-based ranks start+1 ... end.
      let average = Double(start + 1 + end) / 2
      for position in start..<end { ranks[order[position]] = average }
      start = end
    }
    return ranks
  }
}
