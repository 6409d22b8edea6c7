import JobFitCore

/// Percentile-bootstrap confidence intervals over queries (Efron & Tibshirani 1993, ch. 13).
///
/// A run's score is the mean of per-query values; its uncertainty comes from which queries the
/// dataset happens to hold. The bootstrap draws `resamples` samples of the same size from the
/// queries *with replacement*, takes each sample's mean, and reads the interval off the
/// percentiles of those means:
///
///     x̄*_b = (1 / n) Σ_{i=1..n} x_{I_{b,i}},   I_{b,i} uniform in 1...n,   b = 1 ... B
///     CI = [Q(α/2), Q(1 − α/2)] of {x̄*_b},     α = 1 − confidence
///
/// `Q` is the linear-interpolation quantile (NumPy's default, Hyndman & Fan type 7): with the
/// means sorted ascending, `Q(p) = m[⌊h⌋] + (h − ⌊h⌋)(m[⌊h⌋ + 1] − m[⌊h⌋])`, `h = (B − 1) p`.
/// Indices come from ``SplitMix64`` seeded with `seed`, so the same inputs give the same
/// interval on any machine. Defaults: B = 1000, 95 %, seed 42.
///
/// ```swift
/// let ndcg: [Double] = perQuery.map { $0.ndcg(at: 10) }
/// let ci = try Bootstrap().interval(of: ndcg)   // ci.mean, ci.lower, ci.upper
/// ```
public struct Bootstrap: Sendable, Hashable, Codable {
  /// *B*, the number of resamples (default 1000).
  public var resamples: Int
  /// The generator's seed (default 42).
  public var seed: UInt64
  /// The coverage of the interval, in (0, 1) (default 0.95: the 2.5 % and 97.5 % percentiles).
  public var confidence: Double

  public init(resamples: Int = 1000, seed: UInt64 = 42, confidence: Double = 0.95) {
    self.resamples = resamples
    self.seed = seed
    self.confidence = confidence
  }

  /// The mean of `values` and its percentile-bootstrap interval.
  ///
  /// - Parameter values: one value per query (e.g. nDCG@10 of each query).
  /// - Throws: `JobFitError.invalidParameter` when `values` is empty or holds a non-finite
  ///   value, or for `resamples < 1` or `confidence` outside (0, 1).
  /// - Complexity: O(B · n + B log B).
  public func interval(of values: [Double]) throws -> ConfidenceInterval {
    try validate(values, name: "values")
    let means = resampledMeans(values)
    return ConfidenceInterval(
      mean: Self.mean(values), lower: Self.quantile(means, (1 - confidence) / 2),
      upper: Self.quantile(means, (1 + confidence) / 2), confidence: confidence)
  }

  /// The paired bootstrap of the difference between two systems on the same queries.
  ///
  /// With `d_i = a_i − b_i` per query, resamples queries (the same indices for both systems,
  /// which keeps the pairing and so cancels the variation between queries) and reports:
  ///
  /// - `difference`: mean of `d` and its percentile interval, as ``interval(of:)``;
  /// - `pValue`: the share of resamples whose mean difference is ≤ 0, the one-sided bootstrap
  ///   p-value for "system A scores higher than system B" (small = A is reliably better).
  ///
  /// - Parameters:
  ///   - a: system A's value per query.
  ///   - b: system B's value for the same queries, in the same order.
  /// - Throws: `JobFitError.dimensionMismatch` when the counts differ, and the errors of
  ///   ``interval(of:)``.
  public func compare(_ a: [Double], with b: [Double]) throws -> PairedComparison {
    guard a.count == b.count else {
      throw JobFitError.dimensionMismatch(expected: a.count, actual: b.count)
    }
    let differences = zip(a, b).map { $0 - $1 }
    try validate(differences, name: "differences")
    let means = resampledMeans(differences)
    let atMostZero = means.reduce(0) { $0 + ($1 <= 0 ? 1 : 0) }
    let interval = ConfidenceInterval(
      mean: Self.mean(differences), lower: Self.quantile(means, (1 - confidence) / 2),
      upper: Self.quantile(means, (1 + confidence) / 2), confidence: confidence)
    return PairedComparison(
      difference: interval, pValue: Double(atMostZero) / Double(means.count))
  }

  // MARK: - Internals

  /// The `resamples` bootstrap means of `values`, sorted ascending.
  func resampledMeans(_ values: [Double]) -> [Double] {
    var generator = SplitMix64(seed: seed)
    let n = values.count
    var means = [Double](repeating: 0, count: resamples)
    for b in 0..<resamples {
      var sum = 0.0
      for _ in 0..<n { sum += values[generator.next(below: n)] }
      means[b] = sum / Double(n)
    }
    means.sort()
    return means
  }

  private func validate(_ values: [Double], name: String) throws {
    guard resamples >= 1 else {
      throw JobFitError.invalidParameter(
        name: "resamples", value: "\(resamples)", expected: "at least 1")
    }
    guard confidence > 0, confidence < 1 else {
      throw JobFitError.invalidParameter(
        name: "confidence", value: "\(confidence)", expected: "a level strictly between 0 and 1")
    }
    guard !values.isEmpty else {
      throw JobFitError.invalidParameter(
        name: name, value: "0 queries", expected: "at least one query to resample")
    }
    if let bad = values.first(where: { !$0.isFinite }) {
      throw JobFitError.invalidParameter(name: name, value: "\(bad)", expected: "finite values")
    }
  }

  static func mean(_ values: [Double]) -> Double {
    values.reduce(0, +) / Double(values.count)
  }

  /// Type-7 quantile of ascending `sorted` at `p` ∈ [0, 1].
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    precondition(!sorted.isEmpty, "quantile of an empty sample")
    let h = Double(sorted.count - 1) * min(max(p, 0), 1)
    let low = Int(h.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
  }
}

/// A mean with a confidence interval, e.g. nDCG@10 = 0.512 [0.488, 0.537].
public struct ConfidenceInterval: Sendable, Equatable, Codable {
  /// The mean of the original (not resampled) values.
  public var mean: Double
  /// The lower bound, the `(1 − confidence) / 2` percentile of the resampled means.
  public var lower: Double
  /// The upper bound, the `(1 + confidence) / 2` percentile of the resampled means.
  public var upper: Double
  /// The coverage, e.g. 0.95.
  public var confidence: Double

  public init(mean: Double, lower: Double, upper: Double, confidence: Double) {
    self.mean = mean
    self.lower = lower
    self.upper = upper
    self.confidence = confidence
  }

  /// `upper − lower`.
  public var width: Double { upper - lower }

  /// Whether `value` lies in `lower...upper`.
  public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

/// The paired-bootstrap comparison of system A against system B (see
/// ``Bootstrap/compare(_:with:)``).
public struct PairedComparison: Sendable, Equatable, Codable {
  /// Mean of A − B over queries, with its interval. An interval excluding 0 means the
  /// difference is unlikely to be a quirk of the query sample.
  public var difference: ConfidenceInterval
  /// Share of resamples with mean(A − B) ≤ 0: the one-sided p-value for "A beats B".
  public var pValue: Double

  public init(difference: ConfidenceInterval, pValue: Double) {
    self.difference = difference
    self.pValue = pValue
  }
}
