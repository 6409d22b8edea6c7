import LinearAlgebra
import Testing

/// SplitMix64: a tiny seeded generator so every property test sees the same matrices.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func randomMatrix(rows: Int, columns: Int, using rng: inout SeededGenerator) -> Matrix {
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = Float.random(in: -1...1, using: &rng) }
  return m
}

/// Every query-item dot product by the textbook loop, accumulated in Double.
func naiveScores(_ q: Matrix, _ x: Matrix) -> [[Float]] {
  (0..<q.rows).map { i in
    (0..<x.rows).map { j in
      var s = 0.0
      for c in 0..<q.columns { s += Double(q[i, c]) * Double(x[j, c]) }
      return Float(s)
    }
  }
}

@Suite("Blocked BLAS scoring")
struct BlockedScoringTests {
  @Test("sgemm scores equal a naive loop within 1e-5", arguments: [(1, 1, 1), (7, 13, 5), (64, 300, 33), (130, 517, 64)])
  func gemmMatchesNaive(shape: (Int, Int, Int)) throws {
    var rng = SeededGenerator(seed: UInt64(shape.0 * 1000 + shape.1))
    let q = randomMatrix(rows: shape.0, columns: shape.2, using: &rng)
    let x = randomMatrix(rows: shape.1, columns: shape.2, using: &rng)
    let c = try GEMM.multiplyTransposed(q, x)
    let expected = naiveScores(q, x)
    for i in 0..<q.rows {
      for j in 0..<x.rows {
        #expect(abs(c[i, j] - expected[i][j]) <= 1e-5 * max(1, abs(expected[i][j])))
      }
    }
  }

  @Test("Blocked top-k equals a full sort of naive scores, across tile boundaries",
    arguments: [(5, 1, 3), (40, 10, 1000), (33, 17, 4096), (300, 5, 3)])
  func topKMatchesFullSort(shape: (queries: Int, k: Int, dim: Int)) throws {
    var rng = SeededGenerator(seed: UInt64(shape.queries * 31 + shape.k))
    let items = 1000
    let d = min(shape.dim, 48)
    let q = randomMatrix(rows: shape.queries, columns: d, using: &rng)
    let x = randomMatrix(rows: items, columns: d, using: &rng)
    // Small blocks force many tiles and a partial last tile in both directions.
    let scorer = BlockedScorer(queryBlock: 16, itemBlock: 96, blasThreshold: 0)
    let result = try scorer.topK(queries: q, items: x, k: shape.k)
    let naive = naiveScores(q, x)
    #expect(result.count == shape.queries)
    for (i, row) in result.enumerated() {
      let expected = naive[i].enumerated()
        .map { ScoredIndex(index: Int32($0.offset), score: $0.element) }
        .sorted(by: ScoredIndex.ranksBefore)
        .prefix(shape.k)
      #expect(row.map(\.index) == expected.map(\.index))
      for (got, want) in zip(row, expected) { #expect(abs(got.score - want.score) <= 1e-5) }
    }
  }

  @Test("The plain loop below the BLAS threshold gives the same answer as BLAS")
  func plainLoopAgrees() throws {
    var rng = SeededGenerator(seed: 7)
    let q = randomMatrix(rows: 3, columns: 8, using: &rng)
    let x = randomMatrix(rows: 50, columns: 8, using: &rng)
    let loop = try BlockedScorer(blasThreshold: .max).topK(queries: q, items: x, k: 50)
    let blas = try BlockedScorer(blasThreshold: 0).topK(queries: q, items: x, k: 50)
    #expect(loop.map { $0.map(\.index) } == blas.map { $0.map(\.index) })
  }

  @Test("k larger than the item count returns every item; k = 0 returns nothing")
  func kBounds() throws {
    var rng = SeededGenerator(seed: 3)
    let q = randomMatrix(rows: 2, columns: 4, using: &rng)
    let x = randomMatrix(rows: 5, columns: 4, using: &rng)
    #expect(try BlockedScorer().topK(queries: q, items: x, k: 99).map(\.count) == [5, 5])
    #expect(try BlockedScorer().topK(queries: q, items: x, k: 0).map(\.count) == [0, 0])
    let empty = Matrix(rows: 0, columns: 4)
    #expect(try BlockedScorer().topK(queries: q, items: empty, k: 3).map(\.count) == [0, 0])
  }

  @Test("Mismatched dimensions throw instead of trapping")
  func mismatch() {
    let q = Matrix(rows: 2, columns: 4)
    let x = Matrix(rows: 2, columns: 5)
    #expect(throws: LinearAlgebraError.self) { try BlockedScorer().topK(queries: q, items: x, k: 1) }
  }
}

@Suite("Top-k heap")
struct TopKHeapTests {
  @Test("Ties are broken by lower index, whatever the insertion order")
  func ties() {
    var a = TopKHeap(k: 2)
    var b = TopKHeap(k: 2)
    for i in [3, 1, 2, 0] { a.insert(index: Int32(i), score: 0.5) }
    for i in [0, 2, 1, 3] { b.insert(index: Int32(i), score: 0.5) }
    #expect(a.sorted().map(\.index) == [0, 1])
    #expect(b.sorted().map(\.index) == [0, 1])
  }

  @Test("NaN ranks last and never blocks a real score")
  func nan() {
    var h = TopKHeap(k: 1)
    h.insert(index: 0, score: .nan)
    let scores: [Float] = [0.1]
    scores.withUnsafeBufferPointer { h.offer($0, indexOffset: 1) }
    #expect(h.sorted() == [ScoredIndex(index: 1, score: 0.1)])
  }

  @Test("Random streams: the heap keeps exactly the k best", arguments: 1...20)
  func randomStreams(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    let n = Int.random(in: 1...500, using: &rng)
    let k = Int.random(in: 1...40, using: &rng)
    // Coarse scores so ties are frequent.
    let scores = (0..<n).map { _ in Float(Int.random(in: 0...20, using: &rng)) / 20 }
    let selected = scores.withUnsafeBufferPointer { TopKHeap.select($0, k: k) }
    let expected = scores.enumerated().map { ScoredIndex(index: Int32($0.offset), score: $0.element) }
      .sorted(by: ScoredIndex.ranksBefore).prefix(k)
    #expect(selected == Array(expected))
  }
}

@Suite("BLAS library")
struct BLASInfoTests {
  @Test("The loaded BLAS is found and multiplies at a positive rate")
  func info() {
    let info = BLASInfo.current()
    #expect(info.libraryPath.contains("blas"))
    #expect(BLASInfo.measureSGEMM(n: 64, budget: 0.01) > 0)
  }
}
