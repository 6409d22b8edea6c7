import Foundation
import LinearAlgebra
import Testing

/// Largest absolute entry of `a − b`.
private func maxDifference(_ a: Matrix, _ b: Matrix) -> Float {
  zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// Largest absolute entry of `QᵀQ − I`.
private func orthonormalityError(_ q: Matrix) throws -> Float {
  let gram = try GEMM.multiply(q, transposed: true, q)
  var worst: Float = 0
  for i in 0..<gram.rows {
    for j in 0..<gram.columns { worst = max(worst, abs(gram[i, j] - (i == j ? 1 : 0))) }
  }
  return worst
}

extension Matrix {
  /// A test matrix from literal values (the count is checked by the initializer's precondition).
  fileprivate init(rows: Int, columns: Int, values: [Float]) {
    self.init(rows: rows, columns: columns)
    precondition(values.count == rows * columns)
    storage = values
  }
}

@Suite("LAPACK wrappers")
struct LAPACKTests {
  /// A 4 × 3 matrix with known structure: full column rank, not orthogonal.
  let tall = Matrix(rows: 4, columns: 3, values: [1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 0, 1])

  @Test func qrOfAHandCheckableMatrix() throws {
    // Columns (3, 4) and (0, 5): Q = [[0.6, -0.8], [0.8, 0.6]] up to signs, R = [[5, 4], [0, 3]].
    let a = try Matrix(rows: [[3, 0], [4, 5]])
    let (q, r) = try LAPACK.qr(a)
    #expect(abs(abs(r[0, 0]) - 5) < 1e-5)
    #expect(abs(abs(r[0, 1]) - 4) < 1e-5)
    #expect(abs(abs(r[1, 1]) - 3) < 1e-5)
    #expect(r[1, 0] == 0)
    #expect(abs(abs(q[0, 0]) - 0.6) < 1e-5 && abs(abs(q[1, 0]) - 0.8) < 1e-5)
    #expect(maxDifference(try GEMM.multiply(q, r), a) < 1e-5)
  }

  @Test func qrReconstructsATallMatrix() throws {
    let (q, r) = try LAPACK.qr(tall)
    #expect(q.rows == 4 && q.columns == 3 && r.rows == 3 && r.columns == 3)
    #expect(try orthonormalityError(q) < 1e-5)
    for i in 0..<3 { for j in 0..<i { #expect(r[i, j] == 0) } }
    #expect(maxDifference(try GEMM.multiply(q, r), tall) < 1e-4)
  }

  @Test func qrRejectsWideAndHandlesEmpty() throws {
    #expect(throws: LinearAlgebraError.self) { try LAPACK.qr(try Matrix(rows: [[1, 2, 3]])) }
    let (q, r) = try LAPACK.qr(Matrix(rows: 5, columns: 0))
    #expect(q.rows == 5 && q.columns == 0 && r.rows == 0)
  }

  @Test func svdOfADiagonalMatrixIsSortedAndExact() throws {
    let a = try Matrix(rows: [[1, 0, 0], [0, 3, 0], [0, 0, 2]])
    let svd = try LAPACK.svd(a)
    #expect(zip(svd.singularValues, [3, 2, 1]).allSatisfy { abs($0 - $1) < 1e-6 })
    #expect(abs(abs(svd.u[0, 1]) - 0) < 1e-6 && abs(abs(svd.u[1, 0]) - 1) < 1e-6)
  }

  @Test(arguments: [false, true])
  func svdReconstructs(wide: Bool) throws {
    let a = wide ? Matrix(rows: 3, columns: 4, values: (0..<12).map { tall[$0 % 4, $0 / 4] }) : tall
    let svd = try LAPACK.svd(a)
    let r = min(a.rows, a.columns)
    #expect(svd.u.rows == a.rows && svd.u.columns == r && svd.vt.rows == r && svd.vt.columns == a.columns)
    #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(svd.singularValues.allSatisfy { $0 >= 0 })
    var us = svd.u
    for i in 0..<us.rows { for j in 0..<r { us[i, j] *= svd.singularValues[j] } }
    let scale = svd.singularValues.first ?? 1
    #expect(maxDifference(try GEMM.multiply(us, svd.vt), a) < 1e-5 * scale)
    #expect(try orthonormalityError(svd.u) < 1e-5)
    let v = Matrix(rows: a.columns, columns: r, values: (0..<(a.columns * r)).map { svd.vt[$0 % r, $0 / r] })
    #expect(try orthonormalityError(v) < 1e-5)
  }

  @Test func svdMapsNaNInputToALAPACKError() throws {
    let a = try Matrix(rows: [[1, .nan], [0, 1]])
    #expect(throws: LinearAlgebraError.lapack(routine: "sgesdd", info: -5)) { try LAPACK.svd(a) }
  }

  @Test func symmetricEigenOfAHandCheckableMatrix() throws {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    let (values, vectors) = try LAPACK.symmetricEigen(try Matrix(rows: [[2, 1], [1, 2]]))
    #expect(abs(values[0] - 1) < 1e-6 && abs(values[1] - 3) < 1e-6)
    let h = Float(0.5).squareRoot()
    #expect(abs(abs(vectors[0, 1]) - h) < 1e-6 && abs(vectors[0, 1] - vectors[1, 1]) < 1e-6)
    #expect(abs(vectors[0, 0] + vectors[1, 0]) < 1e-6)
    #expect(throws: LinearAlgebraError.self) { try LAPACK.symmetricEigen(tall) }
  }

  @Test func choleskyFactorsAndReportsIndefiniteMatrices() throws {
    let u = try LAPACK.cholesky(try Matrix(rows: [[4, 2], [2, 5]]))
    #expect(u == (try Matrix(rows: [[2, 1], [0, 2]])))
    // The leading 2 × 2 minor of [[1, 2], [2, 1]] is negative: info = 2.
    #expect(throws: LinearAlgebraError.lapack(routine: "spotrf", info: 2)) {
      try LAPACK.cholesky(try Matrix(rows: [[1, 2], [2, 1]]))
    }
  }

  @Test(arguments: [false, true])
  func orthonormalizeColumnsSpansTheInput(illConditioned: Bool) throws {
    // 60 × 5, padded to a leading dimension of 8; the ill-conditioned block forces Householder.
    let (m, n, lda) = (60, 5, 8)
    var a = [Float](repeating: -7, count: m * lda)
    for i in 0..<m {
      for j in 0..<n {
        a[i * lda + j] = sin(Float(i * 7 + j * 13)) + (i % (j + 2) == 0 ? 1 : 0)
        if illConditioned && j == n - 1 { a[i * lda + j] = a[i * lda] * (1 + 1e-6) }
      }
    }
    let original = a
    let method = try a.withUnsafeMutableBufferPointer {
      try LAPACK.orthonormalizeColumns($0.baseAddress!, rows: m, columns: n, leadingDimension: lda, passes: 2)
    }
    #expect(method == (illConditioned ? .householder : .choleskyQR))
    let q = try Matrix(rows: m, columns: n, storage: (0..<(m * n)).map { a[($0 / n) * lda + $0 % n] })
    #expect(try orthonormalityError(q) < 1e-5)
    #expect(a[lda - 1] == -7)  // padding untouched
    if !illConditioned {
      // Projecting the input onto span(Q) gives it back: A = Q·(QᵀA).
      let aMatrix = try Matrix(rows: m, columns: n, storage: (0..<(m * n)).map { original[($0 / n) * lda + $0 % n] })
      let projected = try GEMM.multiply(q, try GEMM.multiply(q, transposed: true, aMatrix))
      #expect(maxDifference(projected, aMatrix) < 1e-4)
    }
  }
}
