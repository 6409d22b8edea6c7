import JobFitCore
import JobFitEvaluation
import LinearAlgebra
import Testing

/// `CSRMatrix.dotProducts(with:)` against a naive dense triple loop.
@Suite struct SparseDotProductTests {
  /// A random sparse matrix: each entry stored with probability `density`, values in [0, 1).
  static func randomMatrix(rows: Int, columns: Int, density: Double, seed: UInt64) -> CSRMatrix {
    var generator = SplitMix64(seed: seed)
    var pointers = [0]
    var indices: [Int32] = []
    var values: [Float] = []
    for _ in 0..<rows {
      for column in 0..<columns where Double(generator.next() >> 11) / Double(1 << 53) < density {
        indices.append(Int32(column))
        values.append(Float(generator.next() >> 40) / Float(1 << 24))
      }
      pointers.append(indices.count)
    }
    return CSRMatrix(rows: rows, columns: columns, rowPointers: pointers, columnIndices: indices,
                     values: values)
  }

  static func naive(_ queries: CSRMatrix, _ items: CSRMatrix) -> [[Float]] {
    let q = queries.dense()
    let d = items.dense()
    return q.map { row in
      d.map { item in
        var sum: Float = 0
        for t in 0..<row.count { sum += row[t] * item[t] }
        return sum
      }
    }
  }

  @Test(arguments: [(7, 11, 40, 0.1), (60, 45, 120, 0.05), (1, 3, 5, 0.6)])
  func matchesTheNaiveLoop(queryCount: Int, itemCount: Int, columns: Int, density: Double) throws {
    let queries = Self.randomMatrix(
      rows: queryCount, columns: columns, density: density, seed: UInt64(queryCount))
    let items = Self.randomMatrix(
      rows: itemCount, columns: columns, density: density, seed: UInt64(itemCount) + 100)
    let scores = try queries.dotProducts(with: items)
    #expect(scores.rows == queryCount && scores.columns == itemCount)
    let reference = Self.naive(queries, items)
    var worst: Float = 0
    for q in 0..<queryCount {
      for d in 0..<itemCount { worst = max(worst, abs(scores[q, d] - reference[q][d])) }
    }
    // Sums of at most a few dozen products of values < 1 in Float: rounding stays ≪ 1e-4.
    #expect(worst < 1e-4)
  }

  @Test func emptyShapesAndMismatches() throws {
    let items = Self.randomMatrix(rows: 4, columns: 6, density: 0.5, seed: 1)
    let none = try CSRMatrix(zeros: 0, columns: 6).dotProducts(with: items)
    #expect(none.rows == 0 && none.columns == 4)
    let zeros = try CSRMatrix(zeros: 2, columns: 6).dotProducts(with: items)
    #expect(zeros.storage == [Float](repeating: 0, count: 8))
    #expect(throws: JobFitError.dimensionMismatch(expected: 6, actual: 5)) {
      try CSRMatrix(zeros: 1, columns: 5).dotProducts(with: items)
    }
  }
}
