import JobFitCore
import Testing

@Suite("CSRMatrix")
struct CSRMatrixTests {
  /// [[1, 0, 2],
  ///  [0, 0, 0],
  ///  [0, 3, 4]]
  static let matrix = CSRMatrix(rows: 3, columns: 3, rowPointers: [0, 2, 2, 4],
                                columnIndices: [0, 2, 1, 2], values: [1, 2, 3, 4])

  @Test("Rows are slices; missing entries read as zero")
  func rows() {
    let row = Self.matrix.row(2)
    #expect(Array(row.columnIndices) == [1, 2] && Array(row.values) == [3, 4])
    #expect(row[1] == 3 && row[0] == 0)
    #expect(Self.matrix.row(1).values.isEmpty)
    let sum = Self.matrix.withRow(0) { indices, values in Float(indices.count) + values.reduce(0, +) }
    #expect(sum == 5)
  }

  @Test("Row norms and dense form")
  func norms() {
    #expect(Self.matrix.rowNorms == [Float(5).squareRoot(), 0, 5])
    #expect(Self.matrix.dense() == [[1, 0, 2], [0, 0, 0], [0, 3, 4]])
  }

  @Test("Transpose is the inverted index and transposing twice is the identity")
  func transpose() {
    let transposed = Self.matrix.transposed()
    transposed._checkInvariants()
    #expect(transposed.dense() == [[1, 0, 0], [0, 0, 3], [2, 0, 4]])
    #expect(transposed.transposed() == Self.matrix)
    let wide = CSRMatrix(zeros: 2, columns: 5)
    #expect(wide.transposed().rows == 5 && wide.transposed().nonzeroCount == 0)
  }

  @Test("Approximate equality needs the same pattern and close values")
  func approximate() {
    let close = CSRMatrix(rows: 3, columns: 3, rowPointers: [0, 2, 2, 4],
                          columnIndices: [0, 2, 1, 2], values: [1, 2, 3, 4.0000005])
    let moved = CSRMatrix(rows: 3, columns: 3, rowPointers: [0, 2, 2, 4],
                          columnIndices: [0, 1, 1, 2], values: [1, 2, 3, 4])
    #expect(close.isApproximatelyEqual(to: Self.matrix, tolerance: 1e-6))
    #expect(!close.isApproximatelyEqual(to: Self.matrix, tolerance: 1e-9))
    #expect(!moved.isApproximatelyEqual(to: Self.matrix, tolerance: 1))
  }
}
