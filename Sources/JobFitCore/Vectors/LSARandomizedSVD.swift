import Foundation
import LinearAlgebra

/// Truncated SVD of a sparse matrix by randomized subspace iteration.
///
/// Halko, Martinsson & Tropp (2011), "Finding structure with randomness", Algorithm 4.4 with the
/// orthonormalised power scheme, as in scikit-learn's `randomized_svd` / `TruncatedSVD`:
///
/// 1. `l = min(k + p, min(n, d))`; `Ω` is a `d × l` standard normal test matrix.
/// 2. `q` times: `Y = A·Ω`, orthonormalise; `Ω = Aᵀ·Y`, orthonormalise.
/// 3. `Q = orth(A·Ω)` (`n × l`, orthonormal columns: an approximate basis of A's range).
/// 4. `B = Qᵀ·A` (`l × d`), computed as `Z = Aᵀ·Q = Bᵀ`; `Z = Q_z·T` (thin QR); `T = U_T Σ W_Tᵀ`
///    (`sgesdd`, `l × l`). Then `B = W_T Σ (Q_z U_T)ᵀ`, so `V = Q_z·U_T` and `U = Q·W_T`.
/// 5. Keep the first `k`; flip signs so that each right singular vector's largest-magnitude
///    entry is positive (scikit-learn's `svd_flip(u_based_decision=False)`, which `TruncatedSVD`
///    uses), negating the matching left vector too.
///
/// Departures from scikit-learn, none of which changes what is approximated:
/// - scikit-learn orthonormalises between power iterations with an LU factorisation
///   (`power_iteration_normalizer="auto"`); here Cholesky QR (falling back to Householder QR
///   when unsafe, see `LAPACK.orthonormalizeColumns`) is used everywhere, which keeps the
///   columns orthonormal, not just well scaled.
/// - scikit-learn transposes `A` when it is wider than tall; the cost here is symmetric in `n`
///   and `d`, so `A` is never transposed.
/// - Terms are renumbered internally by falling document frequency, for cache locality; each
///   term keeps its own row of `Ω`, so this changes rounding only.
/// - The SVD of `B` goes through the QR of `Bᵀ` so LAPACK only ever sees an `l × l` matrix.
/// - Single precision throughout (scikit-learn works in the input's `float64`).
///
/// The test matrix comes from a counter-based generator: row `j` of `Ω` is drawn from its own
/// SplitMix64 stream seeded by `(seed, j)`, Box–Muller transformed. `A·X` computes each output
/// row on one thread in a fixed order; `Aᵀ·Y` sums a fixed number of row partitions in a fixed
/// order (`SparseRows.multiplyTransposed`). Hence the same seed gives the same bits for
/// any thread count (given the same BLAS library and thread setting).
package struct RandomizedSVD: Sendable {
  /// `k`, the number of singular triplets kept.
  package var rank: Int
  /// `p`, extra sketch columns (scikit-learn `n_oversamples`, default 10).
  package var oversampling: Int
  /// `q`, power iterations (scikit-learn `n_iter`).
  package var powerIterations: Int
  package var seed: UInt64
  /// Parallel chunks for the sparse products; the result does not depend on it.
  package var chunks: Int

  package init(
    rank: Int, oversampling: Int = 10, powerIterations: Int = 5, seed: UInt64 = 0,
    chunks: Int = ProcessorCount.active * 4
  ) {
    self.rank = rank
    self.oversampling = oversampling
    self.powerIterations = powerIterations
    self.seed = seed
    self.chunks = chunks
  }

  /// The rank-`k` approximation `A ≈ U·diag(σ)·Vᵀ`.
  package struct Result: Sendable {
    /// `n × k` left singular vectors (only when requested).
    package var u: Matrix?
    /// `k` singular values, largest first.
    package var singularValues: [Float]
    /// `d × k` right singular vectors as columns (the term loadings).
    package var v: Matrix
    /// Column means of `U·diag(σ)` (for scikit-learn's `explained_variance_`).
    package var meanOfProjections: [Double]
  }

  /// Decomposes `a` (`n × d`); `rank` must be in `1...min(n, d)`.
  ///
  /// - Throws: `JobFitError.invalidParameter` on a bad rank; LAPACK failures as
  ///   `LinearAlgebraError`.
  package func decompose(_ a: CSRMatrix, computeU: Bool = false) throws -> Result {
    let (n, d) = (a.rows, a.columns)
    guard rank >= 1, rank <= min(n, d) else {
      throw JobFitError.invalidParameter(
        name: "components", value: "\(rank)", expected: "1...\(min(n, d))")
    }
    let l = min(rank + max(oversampling, 0), min(n, d))
    // Terms renumbered by falling document frequency: the X rows of frequent terms then sit
    // together and stay in cache, both when A·X reads them and when Aᵀ·Y scatters into them
    // (in a résumé corpus three quarters of all entries fall in the top 2,000 terms).
    let (ordered, order) = Self.frequencyOrdered(a)
    var omega = Self.gaussian(rows: d, columns: l, seed: seed, rowIdentifiers: order)
    var y = DenseBlock(rows: n, columns: l)
    for _ in 0..<max(powerIterations, 0) {
      ordered.multiply(omega, into: &y, chunks: chunks)
      try orthonormalize(&y, passes: 1)
      ordered.multiplyTransposed(y, into: &omega)
      try orthonormalize(&omega, passes: 1)
    }
    ordered.multiply(omega, into: &y, chunks: chunks)
    try orthonormalize(&y, passes: 2)  // Q
    var z = omega
    ordered.multiplyTransposed(y, into: &z)  // Z = AᵀQ = Bᵀ
    var qz = z
    try orthonormalize(&qz, passes: 2)
    // T = Q_zᵀ·Z (l × l), upper triangular up to rounding.
    var t = Matrix(rows: l, columns: l)
    try product(qz, transposed: true, z, transposed: false, rows: l, inner: d, columns: l, into: &t.storage, ldc: l)
    let svd = try LAPACK.svd(t)
    // V = Q_z·U_T[:, :k]  (d × k).
    var vStorage = [Float](repeating: 0, count: d * rank)
    let uT = DenseBlock(rows: l, columns: l).with(matrix: svd.u)
    try product(qz, transposed: false, uT, transposed: false, rows: d, inner: l, columns: rank, into: &vStorage, ldc: rank)
    var v = Matrix(rows: d, columns: rank)
    for (position, term) in order.enumerated() {
      v.storage[(term * rank)..<((term + 1) * rank)] = vStorage[(position * rank)..<((position + 1) * rank)]
    }
    // W_T = svd.vtᵀ; U = Q·W_T[:, :k] and the column means of U·Σ.
    let wT = DenseBlock(rows: l, columns: l).with(matrix: svd.vt)
    let flips = Self.signFlips(v)
    let qMeans = Self.columnMeans(y)
    let means = (0..<rank).map { c in
      var sum = 0.0
      for j in 0..<l { sum += qMeans[j] * Double(svd.vt[c, j]) }
      return sum * Double(svd.singularValues[c]) * (flips[c] ? -1 : 1)
    }
    var u: Matrix?
    if computeU {
      var uStorage = [Float](repeating: 0, count: n * rank)
      try product(y, transposed: false, wT, transposed: true, rows: n, inner: l, columns: rank, into: &uStorage, ldc: rank)
      var uMatrix = try Matrix(rows: n, columns: rank, storage: uStorage)
      Self.negate(columns: flips, of: &uMatrix)
      u = uMatrix
    }
    Self.negate(columns: flips, of: &v)
    return Result(u: u, singularValues: Array(svd.singularValues.prefix(rank)), v: v, meanOfProjections: means)
  }

  private func orthonormalize(_ block: inout DenseBlock, passes: Int) throws {
    let (rows, columns, stride) = (block.rows, block.columns, block.stride)
    try block.storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      try LAPACK.orthonormalizeColumns(base, rows: rows, columns: columns, leadingDimension: stride, passes: passes)
    }
  }

  /// `C = op(A)·op(B)` over dense blocks; `rows × columns` result with inner size `inner`.
  private func product(
    _ a: DenseBlock, transposed ta: Bool, _ b: DenseBlock, transposed tb: Bool,
    rows: Int, inner: Int, columns: Int, into c: inout [Float], ldc: Int
  ) throws {
    try a.storage.withUnsafeBufferPointer { pa in
      try b.storage.withUnsafeBufferPointer { pb in
        try c.withUnsafeMutableBufferPointer { pc in
          guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else { return }
          try GEMM.multiply(
            m: rows, n: columns, k: inner, a: pa, lda: a.stride, transposeA: ta, b: pb,
            ldb: b.stride, transposeB: tb, c: pc, ldc: ldc)
        }
      }
    }
  }
}
