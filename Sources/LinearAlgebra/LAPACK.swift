internal import CBLAS

/// Dense factorizations of single-precision row-major matrices through the system LAPACKE.
///
/// Every routine is called with `LAPACK_ROW_MAJOR`, so `Matrix` storage is handed over as is
/// (LAPACKE transposes to LAPACK's column-major order internally where it must). Empty matrices
/// are answered before LAPACK is called — some implementations reject a leading dimension of 0 —
/// and every `info != 0` becomes `LinearAlgebraError.lapack(routine:info:)`: a negative `info`
/// names an illegal argument (LAPACKE's own checks, including its NaN check of the input, report
/// here), a positive one a numerical failure (no convergence, not positive definite).
public enum LAPACK {
  /// A thin singular value decomposition `A = U · diag(S) · Vᵀ`.
  public struct SingularValueDecomposition: Sendable, Equatable {
    /// `m × r` left singular vectors as columns, `r = min(m, n)`.
    public var u: Matrix
    /// The `r` singular values, largest first, all ≥ 0.
    public var singularValues: [Float]
    /// `r × n` right singular vectors as rows (`Vᵀ`).
    public var vt: Matrix
  }

  /// The thin QR factorization `A = Q · R` of an `m × n` matrix with `m ≥ n`.
  ///
  /// `LAPACKE_sgeqrf` computes Householder reflectors and `R`; `LAPACKE_sorgqr` turns the
  /// reflectors into the first `n` columns of `Q`. `R`'s diagonal may be negative (LAPACK does
  /// not normalise signs).
  ///
  /// - Returns: `q` (`m × n`, orthonormal columns) and `r` (`n × n`, upper triangular).
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `m < n`; `.lapack` on `info != 0`;
  ///   `.dimensionTooLarge` when a size exceeds `Int32`.
  /// - Complexity: about 4mn² − 4n³/3 flops.
  public static func qr(_ a: Matrix) throws -> (q: Matrix, r: Matrix) {
    let (m, n) = (a.rows, a.columns)
    guard m >= n else {
      throw LinearAlgebraError.dimensionMismatch("thin QR needs rows ≥ columns; got \(m) × \(n)")
    }
    guard n > 0 else { return (Matrix(rows: m, columns: 0), Matrix(rows: 0, columns: 0)) }
    var q = a
    var r = Matrix(rows: n, columns: n)
    try q.storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      try householderQR(base, rows: m, columns: n, leadingDimension: n) { factored in
        // R is the upper triangle of the factored matrix, read before sorgqr overwrites it.
        for i in 0..<n {
          for j in i..<n { r[i, j] = factored[i * n + j] }
        }
      }
    }
    return (q, r)
  }

  /// Overwrites the `m × n` row-major block at `a` (leading dimension `lda`) with the thin `Q`
  /// of its QR factorization; `inspectFactors` sees the block between `sgeqrf` and `sorgqr`.
  package static func householderQR(
    _ a: UnsafeMutablePointer<Float>, rows m: Int, columns n: Int, leadingDimension lda: Int,
    inspectFactors: (UnsafeMutablePointer<Float>) -> Void = { _ in }
  ) throws {
    guard m > 0, n > 0 else { return }
    let (m32, n32, lda32) = (try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(lda, "lda"))
    var tau = [Float](repeating: 0, count: n)
    try tau.withUnsafeMutableBufferPointer { tau in
      guard let tau = tau.baseAddress else { return }
      try check("sgeqrf", LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, m32, n32, a, lda32, tau))
      inspectFactors(a)
      try check("sorgqr", LAPACKE_sorgqr(LAPACK_ROW_MAJOR, m32, n32, n32, a, lda32, tau))
    }
  }

  /// The thin singular value decomposition of an `m × n` matrix (`LAPACKE_sgesdd`, `jobz = 'S'`).
  ///
  /// Divide and conquer: the fastest LAPACK driver for the small dense matrices it is used on
  /// here (scikit-learn's `randomized_svd` uses the same driver, `lapack_driver="gesdd"`).
  /// Singular values come sorted, largest first; the signs of singular vector pairs are as
  /// LAPACK leaves them.
  ///
  /// - Throws: `LinearAlgebraError.lapack(routine: "sgesdd", info:)` when the iteration does not
  ///   converge (`info > 0`) or the input holds NaN (`info = -5`, from LAPACKE's input check).
  /// - Complexity: O(mn·min(m, n)).
  public static func svd(_ a: Matrix) throws -> SingularValueDecomposition {
    let (m, n) = (a.rows, a.columns)
    let r = min(m, n)
    var u = Matrix(rows: m, columns: r)
    var s = [Float](repeating: 0, count: r)
    var vt = Matrix(rows: r, columns: n)
    guard r > 0 else { return SingularValueDecomposition(u: u, singularValues: s, vt: vt) }
    var work = a.storage
    let (m32, n32, r32) = (try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(r, "min(m, n)"))
    let info = work.withUnsafeMutableBufferPointer { w in
      s.withUnsafeMutableBufferPointer { s in
        u.storage.withUnsafeMutableBufferPointer { u in
          vt.storage.withUnsafeMutableBufferPointer { vt in
            LAPACKE_sgesdd(
              LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "S")), m32, n32, w.baseAddress, n32,
              s.baseAddress, u.baseAddress, r32, vt.baseAddress, n32)
          }
        }
      }
    }
    try check("sgesdd", info)
    return SingularValueDecomposition(u: u, singularValues: s, vt: vt)
  }

  /// Eigenvalues and eigenvectors of a symmetric `n × n` matrix (`LAPACKE_ssyevd`).
  ///
  /// Only the upper triangle of `a` is read. Eigenvalues come in ascending order (LAPACK's
  /// order); column `j` of `vectors` is the unit eigenvector of `values[j]`.
  ///
  /// - Throws: `.dimensionMismatch` when `a` is not square; `.lapack(routine: "ssyevd", info:)`
  ///   on failure to converge or NaN input.
  /// - Complexity: O(n³).
  public static func symmetricEigen(_ a: Matrix) throws -> (values: [Float], vectors: Matrix) {
    guard a.rows == a.columns else {
      throw LinearAlgebraError.dimensionMismatch("eigen needs a square matrix; got \(a.rows) × \(a.columns)")
    }
    let n = a.rows
    var vectors = a
    var values = [Float](repeating: 0, count: n)
    guard n > 0 else { return (values, vectors) }
    let n32 = try blasInt(n, "n")
    let info = vectors.storage.withUnsafeMutableBufferPointer { v in
      values.withUnsafeMutableBufferPointer { w in
        LAPACKE_ssyevd(
          LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")), n32, v.baseAddress,
          n32, w.baseAddress)
      }
    }
    try check("ssyevd", info)
    return (values, vectors)
  }

  /// The Cholesky factor `U` (upper triangular, `A = Uᵀ · U`) of a symmetric positive definite
  /// matrix (`LAPACKE_spotrf`); only the upper triangle of `a` is read.
  ///
  /// - Throws: `.lapack(routine: "spotrf", info: i)` with `i > 0` when the leading minor of
  ///   order `i` is not positive definite.
  public static func cholesky(_ a: Matrix) throws -> Matrix {
    guard a.rows == a.columns else {
      throw LinearAlgebraError.dimensionMismatch("Cholesky needs a square matrix; got \(a.rows) × \(a.columns)")
    }
    var u = a
    try u.storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      try choleskyInPlace(base, order: a.rows)
    }
    return u
  }

  /// Factors the row-major `n × n` block at `a` in place; the strict lower triangle is zeroed.
  package static func choleskyInPlace(_ a: UnsafeMutablePointer<Float>, order n: Int) throws {
    guard n > 0 else { return }
    let n32 = try blasInt(n, "n")
    try check("spotrf", LAPACKE_spotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "U")), n32, a, n32))
    for i in 1..<n {
      (a + i * n).update(repeating: 0, count: i)
    }
  }

  /// Maps a LAPACK `info` to an error.
  @inline(__always)
  static func check(_ routine: String, _ info: Int32) throws {
    guard info == 0 else { throw LinearAlgebraError.lapack(routine: routine, info: info) }
  }
}
