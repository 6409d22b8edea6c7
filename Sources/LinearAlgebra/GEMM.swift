internal import CBLAS

/// Single-precision matrix products through the system BLAS (`cblas_sgemm`).
///
/// Whatever library Debian's alternatives put behind `libblas.so.3` (OpenBLAS, BLIS, or the
/// reference BLAS) does the work; `BLASInfo` tells which one is loaded.
public enum GEMM {
  /// `C = A · Bᵀ` for row-major pointers: A is `m × k` (leading dimension `lda`), B is `n × k`
  /// (`ldb`), C is `m × n` (`ldc`).
  ///
  /// This is the shape of similarity scoring: rows of A are queries, rows of B are documents,
  /// and C holds every query-document dot product.
  ///
  /// - Throws: `LinearAlgebraError.dimensionTooLarge` when a size exceeds `Int32`.
  public static func multiplyTransposed(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws {
    // BLAS does not like empty matrices: some implementations reject lda = 0.
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
      return
    }
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasTrans,
      try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(k, "k"),
      1, a, try blasInt(lda, "lda"), b, try blasInt(ldb, "ldb"),
      0, c, try blasInt(ldc, "ldc"))
  }

  /// `A · Bᵀ` as a new matrix (rows of A against rows of B).
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the column counts differ.
  public static func multiplyTransposed(_ a: Matrix, _ b: Matrix) throws -> Matrix {
    guard a.columns == b.columns else {
      throw LinearAlgebraError.dimensionMismatch("A has \(a.columns) columns, B has \(b.columns)")
    }
    var c = Matrix(rows: a.rows, columns: b.rows)
    try a.storage.withUnsafeBufferPointer { pa in
      try b.storage.withUnsafeBufferPointer { pb in
        try c.storage.withUnsafeMutableBufferPointer { pc in
          guard let pa = pa.baseAddress, let pb = pb.baseAddress, let pc = pc.baseAddress else {
            return
          }
          try multiplyTransposed(
            m: a.rows, n: b.rows, k: a.columns, a: pa, lda: a.columns, b: pb, ldb: b.columns,
            c: pc, ldc: b.rows)
        }
      }
    }
    return c
  }

  /// `y = A · x` for a row-major `m × n` matrix A (`cblas_sgemv`): one query against many rows.
  public static func multiply(
    m: Int, n: Int, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>,
    y: UnsafeMutablePointer<Float>
  ) throws {
    guard m > 0 else { return }
    guard n > 0 else {
      y.update(repeating: 0, count: m)
      return
    }
    cblas_sgemv(
      CblasRowMajor, CblasNoTrans, try blasInt(m, "m"), try blasInt(n, "n"), 1, a,
      try blasInt(lda, "lda"), x, 1, 0, y, 1)
  }

  /// The dot product of two equally long vectors (`cblas_sdot`).
  public static func dot(_ x: [Float], _ y: [Float]) -> Float {
    precondition(x.count == y.count, "dot: vectors of different lengths")
    guard let n = Int32(exactly: x.count), n > 0 else {
      return zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
    }
    return cblas_sdot(n, x, 1, y, 1)
  }
}
