internal import CBLAS

// MARK: - Orthonormal bases of tall matrices

extension LAPACK {
  /// How `orthonormalizeColumns` made a basis.
  package enum OrthonormalizationMethod: Sendable, Equatable {
    /// Cholesky QR: `G = AᵀA`, `G = UᵀU`, `Q = A·U⁻¹` (all level-3 BLAS).
    case choleskyQR
    /// Householder QR (`sgeqrf` + `sorgqr`), used when Cholesky QR is unsafe.
    case householder
  }

  /// Replaces the `m × n` row-major block at `a` (leading dimension `lda`, `m ≥ n`) by an
  /// orthonormal basis of its column space, in place.
  ///
  /// Randomized SVD orthonormalises tall, thin blocks (tens of thousands of rows, a few hundred
  /// columns) a dozen times, so the method matters. Householder QR (`sgeqrf` + `sorgqr`) costs
  /// about 4mn² flops, much of it in level-2 panel updates, and LAPACKE's row-major entry copies
  /// the block twice. Cholesky QR (Fukaya et al., "CholeskyQR2", 2014) needs 2mn² flops, all in
  /// `ssyrk` and `strsm`, which OpenBLAS runs near peak on every core. Its weakness is
  /// conditioning: the Gram matrix squares the condition number, so in single precision it is
  /// only used while `diag(U)` spans less than a factor `1e3` (the ratio of its extremes is a cheap
  /// lower bound on the block's condition number), and Householder QR takes over otherwise or
  /// when `spotrf` reports a non-positive pivot. Each further pass repeats Cholesky QR on the
  /// result, which restores orthogonality to working precision (CholeskyQR2).
  ///
  /// Deterministic: the same input takes the same path and gives the same bits.
  ///
  /// - Parameter passes: Cholesky QR passes (1 for power iterations, 2 for a final basis).
  /// - Returns: the method used by the first pass.
  /// - Throws: `.lapack` on an illegal argument (for example NaN in the block).
  @discardableResult
  package static func orthonormalizeColumns(
    _ a: UnsafeMutablePointer<Float>, rows m: Int, columns n: Int, leadingDimension lda: Int,
    passes: Int = 1
  ) throws -> OrthonormalizationMethod {
    precondition(m >= n && lda >= n, "orthonormalizeColumns: needs rows ≥ columns, lda ≥ columns")
    guard n > 0 else { return .choleskyQR }
    var method = OrthonormalizationMethod.choleskyQR
    for pass in 0..<max(passes, 1) {
      let done = try choleskyQR(a, rows: m, columns: n, leadingDimension: lda)
      if !done {
        try householderQR(a, rows: m, columns: n, leadingDimension: lda)
        if pass == 0 { method = .householder }
        break
      }
    }
    return method
  }

  /// One Cholesky QR pass; returns false (leaving `a` untouched) when it would be inaccurate.
  static func choleskyQR(
    _ a: UnsafeMutablePointer<Float>, rows m: Int, columns n: Int, leadingDimension lda: Int
  ) throws -> Bool {
    let (m32, n32, lda32) = (try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(lda, "lda"))
    var gram = [Float](repeating: 0, count: n * n)
    return try gram.withUnsafeMutableBufferPointer { g in
      guard let g = g.baseAddress else { return false }
      // G = AᵀA, upper triangle (A is m × n, so this is the "Trans" form with K = m).
      cblas_ssyrk(CblasRowMajor, CblasUpper, CblasTrans, n32, m32, 1, a, lda32, 0, g, n32)
      let info = LAPACKE_spotrf(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "U")), n32, g, n32)
      if info > 0 { return false }
      try check("spotrf", info)
      var smallest = Float.infinity
      var largest: Float = 0
      for i in 0..<n {
        let d = g[i * n + i]
        smallest = min(smallest, d)
        largest = max(largest, d)
      }
      guard smallest.isFinite, largest.isFinite, smallest > largest * 1e-3 else { return false }
      // Q = A · U⁻¹: solve X · U = A for X, in place.
      cblas_strsm(
        CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit, m32, n32, 1, g, n32, a,
        lda32)
      return true
    }
  }
}

// MARK: - General products

extension GEMM {
  /// `C = op(A) · op(B)` for row-major pointers, where `op(X)` is `X` or `Xᵀ`.
  ///
  /// `op(A)` is `m × k` and `op(B)` is `k × n`; `lda`, `ldb`, `ldc` are the row strides of the
  /// stored (untransposed) arrays.
  ///
  /// - Throws: `LinearAlgebraError.dimensionTooLarge` when a size exceeds `Int32`.
  package static func multiply(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
    b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(k, "k"),
      1, a, try blasInt(lda, "lda"), b, try blasInt(ldb, "ldb"),
      0, c, try blasInt(ldc, "ldc"))
  }

  /// `op(A) · op(B)` as a new matrix.
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the inner dimensions differ.
  public static func multiply(
    _ a: Matrix, transposed transposeA: Bool = false, _ b: Matrix, transposed transposeB: Bool = false
  ) throws -> Matrix {
    let (m, ka) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
    let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
    guard ka == kb else {
      throw LinearAlgebraError.dimensionMismatch("op(A) is \(m) × \(ka), op(B) is \(kb) × \(n)")
    }
    var c = Matrix(rows: m, columns: n)
    try a.storage.withUnsafeBufferPointer { pa in
      try b.storage.withUnsafeBufferPointer { pb in
        try c.storage.withUnsafeMutableBufferPointer { pc in
          guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else {
            return
          }
          try multiply(
            m: m, n: n, k: ka, a: pa, lda: a.columns, transposeA: transposeA, b: pb,
            ldb: b.columns, transposeB: transposeB, c: pc, ldc: n)
        }
      }
    }
    return c
  }
}
