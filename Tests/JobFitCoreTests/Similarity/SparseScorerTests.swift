import JobFitCore
import LinearAlgebra
import Testing

/// Random sparse rows, L2-normalised, from a seeded generator.
private func randomSparse(rows: Int, columns: Int, density: Double, seed: UInt64) -> CSRMatrix {
  var state = seed
  func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 11) / Double(1 << 53)
  }
  var pointers = [0]
  var indices: [Int32] = []
  var values: [Float] = []
  for _ in 0..<rows {
    var row: [(Int32, Float)] = []
    for c in 0..<columns where next() < density {
      // Coarse values so exact ties between items happen.
      row.append((Int32(c), Float(Int(next() * 4) + 1)))
    }
    let norm = row.reduce(0) { $0 + Double($1.1 * $1.1) }.squareRoot()
    for (c, v) in row {
      indices.append(c)
      values.append(Float(Double(v) / norm))
    }
    pointers.append(indices.count)
  }
  return CSRMatrix(rows: rows, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
}

@Suite("Sparse cosine top-k")
struct SparseScorerTests {
  @Test("Top-k over the inverted index equals a full sort of naive dot products", arguments: 1...8)
  func matchesNaive(seed: Int) throws {
    let queries = randomSparse(rows: 13, columns: 40, density: 0.15, seed: UInt64(seed))
    let items = randomSparse(rows: 57, columns: 40, density: 0.1, seed: UInt64(seed + 100))
    let k = 1 + seed * 3
    let result = try SparseScorer().topK(queries: queries, items: items, k: k)
    let q = queries.dense()
    let x = items.dense()
    for i in 0..<queries.rows {
      let expected = (0..<items.rows).map { j in
        ScoredIndex(index: Int32(j), score: zip(q[i], x[j]).reduce(0) { $0 + $1.0 * $1.1 })
      }
      .sorted(by: ScoredIndex.ranksBefore).prefix(k)
      #expect(result[i].count == k)
      for (got, want) in zip(result[i], expected) {
        #expect(abs(got.score - want.score) <= 1e-5)
        // Equal scores must come out in index order; indices agree unless scores differ by rounding.
        if abs(got.score - want.score) == 0 { #expect(got.index == want.index) }
      }
    }
  }

  @Test("Self-similarity of unit rows is 1 and ranks first")
  func selfSimilarity() throws {
    let items = randomSparse(rows: 30, columns: 50, density: 0.3, seed: 9)
    let result = try SparseScorer().topK(queries: items, items: items, k: 1)
    for (i, best) in result.enumerated() where items.rowPointers[i] < items.rowPointers[i + 1] {
      #expect(abs(best[0].score - 1) < 1e-5)
    }
  }

  @Test("A query with no shared terms still gets k results at score 0, in index order")
  func fillsWithZeros() throws {
    let queries = CSRMatrix(rows: 1, columns: 4, rowPointers: [0, 1], columnIndices: [3], values: [1])
    let items = CSRMatrix(
      rows: 3, columns: 4, rowPointers: [0, 1, 2, 3], columnIndices: [0, 1, 2], values: [1, 1, 1])
    let result = try SparseScorer().topK(queries: queries, items: items, k: 2)
    #expect(result == [[ScoredIndex(index: 0, score: 0), ScoredIndex(index: 1, score: 0)]])
  }

  @Test("Row slices split a matrix back into its parts")
  func rowSlice() {
    let m = randomSparse(rows: 10, columns: 12, density: 0.4, seed: 3)
    let top = m.rowSlice(0..<4)
    let bottom = m.rowSlice(4..<10)
    #expect(top.dense() + bottom.dense() == m.dense())
    #expect(m.rowSlice(5..<5).rows == 0)
  }
}

@Suite("Hybrid sparse + dense top-k")
struct HybridScorerTests {
  @Test("Equals a full sort of sparse + dense naive scores, across query blocks", arguments: [1, 3, 64])
  func matchesNaive(block: Int) throws {
    let sq = randomSparse(rows: 11, columns: 30, density: 0.2, seed: 5)
    let sx = randomSparse(rows: 37, columns: 30, density: 0.15, seed: 6)
    var state: UInt64 = 99
    func next() -> Float {
      state = state &* 6_364_136_223_846_793_005 &+ 1
      return Float(Int(state >> 40) % 2001 - 1000) / 1000
    }
    let dq = try Matrix(rows: 11, columns: 8, storage: (0..<88).map { _ in next() })
    let dx = try Matrix(rows: 37, columns: 8, storage: (0..<296).map { _ in next() })
    let result = try HybridScorer(queryBlock: block).topK(
      sparseQueries: sq, sparseItems: sx, denseQueries: dq, denseItems: dx, k: 7)
    let q = sq.dense()
    let x = sx.dense()
    for i in 0..<11 {
      let expected = (0..<37).map { j -> ScoredIndex in
        let sparse = zip(q[i], x[j]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let dense = (0..<8).reduce(Float(0)) { $0 + dq[i, $1] * dx[j, $1] }
        return ScoredIndex(index: Int32(j), score: sparse + dense)
      }.sorted(by: ScoredIndex.ranksBefore).prefix(7)
      #expect(result[i].count == 7)
      for (got, want) in zip(result[i], expected) { #expect(abs(got.score - want.score) <= 1e-5) }
    }
  }

  @Test("With no dense columns it agrees with the sparse scorer")
  func sparseOnly() throws {
    let sq = randomSparse(rows: 9, columns: 25, density: 0.3, seed: 8)
    let sx = randomSparse(rows: 20, columns: 25, density: 0.3, seed: 9)
    let hybrid = try HybridScorer().topK(
      sparseQueries: sq, sparseItems: sx, denseQueries: Matrix(rows: 9, columns: 0),
      denseItems: Matrix(rows: 20, columns: 0), k: 20)
    let sparse = try SparseScorer().topK(queries: sq, items: sx, k: 20)
    for (h, s) in zip(hybrid, sparse) {
      #expect(h.count == s.count)
      for (a, b) in zip(h, s) { #expect(abs(a.score - b.score) <= 1e-6) }
    }
  }
}
