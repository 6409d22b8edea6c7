import LinearAlgebra

// MARK: - Fitting

extension LSAModel {
  /// Fits a `components`-dimensional LSA model to the rows of `matrix` (usually TF-IDF rows).
  ///
  /// Randomized truncated SVD (Halko, Martinsson & Tropp 2011, Algorithm 4.4; details and
  /// departures from scikit-learn in `RandomizedSVD`) with scikit-learn `TruncatedSVD`'s
  /// defaults: `oversampling` 10 (`n_oversamples`) and `powerIterations` 5 (`n_iter`; not
  /// `randomized_svd`'s "auto" rule, which would pick 7 for `k < 0.1·min(n, d)`). More power
  /// iterations sharpen the smaller singular values at the cost of two sparse products each.
  ///
  /// `components` is clamped to `min(n, d) − 1`: like `TruncatedSVD`'s ARPACK solver we keep
  /// strictly fewer components than the matrix's smaller side (a full-rank "LSA" is just a
  /// rotation of the input).
  ///
  /// Deterministic: the same matrix, parameters and `seed` give the same bits on any thread
  /// count (see `RandomizedSVD` for why).
  ///
  /// - Parameters:
  ///   - matrix: `n × d`, one row per document.
  ///   - components: `k ≥ 1`, the embedding dimension (256 by default).
  ///   - seed: seeds the Gaussian test matrix.
  ///   - oversampling: `p ≥ 0` extra sketch columns.
  ///   - powerIterations: `q ≥ 0` subspace iterations.
  /// - Throws: `JobFitError.invalidParameter` when `components < 1`, `oversampling < 0`,
  ///   `powerIterations < 0`, or the matrix has fewer than 2 rows or columns; `LinearAlgebraError`
  ///   if LAPACK fails (for example on non-finite values).
  /// - Complexity: O((2q + 2) · nnz · (k + p)) for the sparse products plus
  ///   O((2q + 4) · (n + d) · (k + p)²) for orthonormalisation.
  public static func fit(
    _ matrix: CSRMatrix, components: Int = 256, seed: UInt64 = 0, oversampling: Int = 10,
    powerIterations: Int = 5
  ) throws -> LSAModel {
    try fit(
      matrix, components: components, seed: seed, oversampling: oversampling,
      powerIterations: powerIterations, chunks: ProcessorCount.active * 4)
  }

  /// `fit` with an explicit number of parallel chunks (tests compare 1 chunk with many).
  package static func fit(
    _ matrix: CSRMatrix, components: Int, seed: UInt64, oversampling: Int, powerIterations: Int,
    chunks: Int
  ) throws -> LSAModel {
    let rank = try validatedRank(
      matrix, components: components, oversampling: oversampling, powerIterations: powerIterations)
    let svd = RandomizedSVD(
      rank: rank, oversampling: oversampling, powerIterations: powerIterations, seed: seed,
      chunks: chunks)
    let result = try svd.decompose(matrix)
    let n = Double(matrix.rows)
    let variance = zip(result.singularValues, result.meanOfProjections).map { sigma, mean in
      max(0, Double(sigma) * Double(sigma) / n - mean * mean)
    }
    let total = totalVariance(matrix)
    return LSAModel(
      components: transpose(result.v), singularValues: result.singularValues,
      explainedVariance: variance,
      explainedVarianceRatio: variance.map { total > 0 ? $0 / total : 0 },
      parameters: Parameters(
        requestedComponents: components, seed: seed, oversampling: oversampling,
        powerIterations: powerIterations),
      documentCount: matrix.rows, transposedComponents: result.v)
  }

  /// Checks the parameters and returns the clamped rank.
  static func validatedRank(
    _ matrix: CSRMatrix, components: Int, oversampling: Int, powerIterations: Int
  ) throws -> Int {
    guard components >= 1 else {
      throw JobFitError.invalidParameter(name: "components", value: "\(components)", expected: "≥ 1")
    }
    guard oversampling >= 0 else {
      throw JobFitError.invalidParameter(name: "oversampling", value: "\(oversampling)", expected: "≥ 0")
    }
    guard powerIterations >= 0 else {
      throw JobFitError.invalidParameter(
        name: "powerIterations", value: "\(powerIterations)", expected: "≥ 0")
    }
    let side = min(matrix.rows, matrix.columns)
    guard side >= 2 else {
      throw JobFitError.invalidParameter(
        name: "matrix", value: "\(matrix.rows) × \(matrix.columns)",
        expected: "at least 2 rows and 2 columns")
    }
    return min(components, side - 1)
  }

  /// `Σ_j var(A[:, j])` (population variance), accumulated in `Double`.
  static func totalVariance(_ matrix: CSRMatrix) -> Double {
    guard matrix.rows > 0 else { return 0 }
    var sums = [Double](repeating: 0, count: matrix.columns)
    var squares = 0.0
    for (column, value) in zip(matrix.columnIndices, matrix.values) {
      let v = Double(value)
      sums[Int(column)] += v
      squares += v * v
    }
    let n = Double(matrix.rows)
    return squares / n - sums.reduce(0) { $0 + ($1 / n) * ($1 / n) }
  }
}
