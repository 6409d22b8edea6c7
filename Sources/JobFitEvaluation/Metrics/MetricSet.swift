/// Named metric values, e.g. one query's `["ndcg@10": 0.71, "p@5": 0.6, "mrr": 1]`, or their
/// means over a run.
///
/// Names keep the order in which they were first set, so reports list metrics in a stable,
/// chosen order. Values are plain `Double`s; a metric that is undefined for a query (see
/// ``GradedPool``) is simply not set, and ``mean(of:)`` averages each name over the sets that
/// hold it.
public struct MetricSet: Sendable, Equatable, Codable {
  /// Metric names in the order they were first set.
  public private(set) var names: [String]
  /// Name → value.
  public private(set) var values: [String: Double]

  /// An empty set.
  public init() {
    names = []
    values = [:]
  }

  /// A set holding `entries` in order; a repeated name keeps its last value.
  public init(_ entries: KeyValuePairs<String, Double>) {
    self.init()
    for (name, value) in entries { self[name] = value }
  }

  /// The value of `name`, or `nil`. Setting `nil` removes the metric.
  public subscript(name: String) -> Double? {
    get { values[name] }
    set {
      if let newValue {
        if values.updateValue(newValue, forKey: name) == nil { names.append(name) }
      } else if values.removeValue(forKey: name) != nil {
        names.removeAll { $0 == name }
      }
    }
  }

  /// Whether the set holds no metric.
  public var isEmpty: Bool { names.isEmpty }

  /// The mean of each metric over the sets that hold it, names in first-seen order:
  ///
  ///     mean(m) = (1 / |Q_m|) Σ_{q ∈ Q_m} value_q(m),   Q_m = the sets holding m
  ///
  /// Averaging ``JudgedRanking/averagePrecision`` this way gives MAP and averaging
  /// ``JudgedRanking/reciprocalRank`` gives MRR. ``counts(of:)`` tells how many sets each
  /// mean is over.
  public static func mean(of sets: [MetricSet]) -> MetricSet {
    var sums = MetricSet()
    let counts = counts(of: sets)
    for set in sets {
      for name in set.names { sums[name] = (sums[name] ?? 0) + (set.values[name] ?? 0) }
    }
    for name in sums.names { sums[name] = (sums.values[name] ?? 0) / Double(counts[name] ?? 1) }
    return sums
  }

  /// For each metric name, the number of sets that hold it.
  public static func counts(of sets: [MetricSet]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for set in sets {
      for name in set.names { counts[name, default: 0] += 1 }
    }
    return counts
  }

  /// The values of `name` across `sets`, skipping sets that lack it (the per-query sample a
  /// bootstrap resamples).
  public static func values(of name: String, in sets: [MetricSet]) -> [Double] {
    sets.compactMap { $0.values[name] }
  }
}

// MARK: - Metric names

/// The names ``JudgedRanking/metrics(cutoffs:)`` and ``GradedPool/metrics`` use, in trec_eval
/// spirit: a base name and `@k` for a cutoff.
public enum MetricName {
  public static func ndcg(at k: Int) -> String { "ndcg@\(k)" }
  public static func precision(at k: Int) -> String { "p@\(k)" }
  public static func rPrecision(at k: Int) -> String { "r-prec@\(k)" }
  /// Reciprocal rank per query; its mean is MRR.
  public static let reciprocalRank = "mrr"
  /// Average precision per query; its mean is MAP.
  public static let averagePrecision = "map"
  public static let rPrecision = "r-prec"
  public static let kendallTauB = "kendall-tau-b"
  public static let spearmanRho = "spearman-rho"
  public static let pairwiseAccuracy = "pairwise-accuracy"
}

// MARK: - Standard sets

extension JudgedRanking {
  /// The standard binary and graded metrics of this ranking: for each cutoff `k` (in order)
  /// `ndcg@k`, `p@k`, `r-prec@k`; then `mrr` (reciprocal rank), `map` (average precision) and
  /// `r-prec`. The list is deduplicated and its gains computed once.
  ///
  /// - Precondition: every cutoff ≥ 1.
  public func metrics(cutoffs: [Int] = [5, 10]) -> MetricSet {
    precondition(cutoffs.allSatisfy { $0 >= 1 }, "cutoffs must be at least 1 (got \(cutoffs))")
    let gains = rankedGains
    let r = relevantCount
    var set = MetricSet()
    var seenCutoffs = Set<Int>()
    for k in cutoffs where seenCutoffs.insert(k).inserted {
      set[MetricName.ndcg(at: k)] = Self.ndcg(rankedGains: gains, idealGains: idealGains, cutoff: k)
      set[MetricName.precision(at: k)] = Self.precision(rankedGains: gains, cutoff: k)
      set[MetricName.rPrecision(at: k)] = Self.rPrecision(
        rankedGains: gains, relevantCount: r, cutoff: k)
    }
    set[MetricName.reciprocalRank] = Self.reciprocalRank(rankedGains: gains)
    set[MetricName.averagePrecision] = Self.averagePrecision(rankedGains: gains, relevantCount: r)
    set[MetricName.rPrecision] = Self.rPrecision(rankedGains: gains, relevantCount: r, cutoff: r)
    return set
  }
}

extension GradedPool {
  /// `kendall-tau-b`, `spearman-rho` and `pairwise-accuracy`, each only when defined.
  public var metrics: MetricSet {
    var set = MetricSet()
    set[MetricName.kendallTauB] = kendallTauB
    set[MetricName.spearmanRho] = spearmanRho
    set[MetricName.pairwiseAccuracy] = pairwiseAccuracy
    return set
  }
}
