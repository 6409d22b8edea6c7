import Dispatch
import LinearAlgebra
import Testing

/// A matrix of small multiples of 1/2, so every dot product is exact in Float whatever the
/// summation order, and equal scores (ties) are common.
func coarseMatrix(rows: Int, columns: Int, using rng: inout SeededGenerator) -> Matrix {
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = Float(Int.random(in: -2...2, using: &rng)) / 2 }
  return m
}

/// The exact answer: every score, sorted by the ranking rule, first `k`.
func expectedTopK(_ q: Matrix, _ x: Matrix, k: Int) -> [[ScoredIndex]] {
  naiveScores(q, x).map { row in
    Array(
      row.enumerated().map { ScoredIndex(index: Int32($0.offset), score: $0.element) }
        .sorted(by: ScoredIndex.ranksBefore).prefix(k))
  }
}

@Suite("Blocked scoring: per-thread workers")
struct BlockedScoringWorkersTests {
  @Test("1, 2 and 3 workers give the exact answer, ties by lower index across tile boundaries",
    arguments: [(150, 500, 7), (97, 333, 1), (200, 64, 64), (80, 1500, 10)])
  func threadCountsAgree(shape: (queries: Int, items: Int, k: Int)) throws {
    var rng = SeededGenerator(seed: UInt64(shape.queries * 7 + shape.items))
    let q = coarseMatrix(rows: shape.queries, columns: 16, using: &rng)
    let x = coarseMatrix(rows: shape.items, columns: 16, using: &rng)
    let expected = expectedTopK(q, x, k: shape.k)
    // Item blocks of 40 are not a multiple of the 32-score screen, so both fold loops run; blocks
    // of 700 ≥ 32k rows also take the group-maximum bound, with many scores tied at it.
    for threads in 1...3 {
      for itemBlock in [40, 700] {
        let scorer = BlockedScorer(
          queryBlock: 16, itemBlock: itemBlock, blasThreshold: 0, threads: threads)
        let result = try scorer.topK(queries: q, items: x, k: shape.k)
        #expect(result == expected, "threads: \(threads), itemBlock: \(itemBlock)")
      }
    }
  }

  @Test("Few queries (the BLAS-threaded path) and many queries give the same answer")
  func pathsAgree() throws {
    var rng = SeededGenerator(seed: 11)
    let q = coarseMatrix(rows: 70, columns: 24, using: &rng)
    let x = coarseMatrix(rows: 1000, columns: 24, using: &rng)
    let expected = expectedTopK(q, x, k: 10)
    // 70 rows < 3 × 32: three workers fall back to one tile at a time.
    let sequential = BlockedScorer(queryBlock: 32, itemBlock: 300, blasThreshold: 0, threads: 3)
    let workers = BlockedScorer(queryBlock: 32, itemBlock: 300, blasThreshold: 0, threads: 2)
    #expect(try sequential.topK(queries: q, items: x, k: 10) == expected)
    #expect(try workers.topK(queries: q, items: x, k: 10) == expected)
  }

  @Test("k larger than the item count returns every item, best first, on the worker path")
  func kAboveItems() throws {
    var rng = SeededGenerator(seed: 5)
    let q = coarseMatrix(rows: 100, columns: 8, using: &rng)
    let x = coarseMatrix(rows: 5, columns: 8, using: &rng)
    let scorer = BlockedScorer(queryBlock: 8, itemBlock: 2, blasThreshold: 0, threads: 2)
    let result = try scorer.topK(queries: q, items: x, k: 9)
    #expect(result == expectedTopK(q, x, k: 5))
    #expect(result.allSatisfy { $0.count == 5 })
  }

  @Test("The BLAS thread count is restored, also after overlapping calls from two threads")
  func blasThreadsRestored() async throws {
    // Other suites may be inside a section right now; compare counts read outside all of them.
    let before = try await BLASThreads.countOutsideSections()
    var rng = SeededGenerator(seed: 9)
    let q = coarseMatrix(rows: 128, columns: 32, using: &rng)
    let x = coarseMatrix(rows: 700, columns: 32, using: &rng)
    let expected = expectedTopK(q, x, k: 4)
    let scorer = BlockedScorer(queryBlock: 16, itemBlock: 128, blasThreshold: 0, threads: 2)
    let matches = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 4)
    defer { matches.deallocate() }
    let shared = SharedFlags(flags: matches)
    DispatchQueue.concurrentPerform(iterations: 4) { i in
      shared.flags[i] = (try? scorer.topK(queries: q, items: x, k: 4)) == expected
    }
    #expect(Array(matches) == [true, true, true, true])
    #expect(try await BLASThreads.countOutsideSections() == before)
  }
}

extension BLASThreads {
  /// The BLAS thread count at a moment when no `singleThreaded` section is open (waits up to 10 s).
  static func countOutsideSections() async throws -> Int? {
    for _ in 0..<1000 {
      let snapshot = BLASThreads.snapshot()
      if snapshot.sections == 0 { return snapshot.threads }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    Issue.record("a singleThreaded section stayed open for 10 s")
    return nil
  }
}

/// One result slot per concurrent call.
private struct SharedFlags: @unchecked Sendable {
  let flags: UnsafeMutableBufferPointer<Bool>
}

@Suite("Top-k heap: screened offer")
struct TopKOfferTests {
  @Test("offer equals inserting one by one, with NaN, infinities, ties and an index offset",
    arguments: 1...12)
  func offerMatchesInsert(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(100 + seed))
    let n = Int.random(in: 1...2000, using: &rng)
    let k = Int.random(in: 1...20, using: &rng)
    let scores: [Float] = (0..<n).map { _ in
      switch Int.random(in: 0..<50, using: &rng) {
      case 0: .nan
      case 1: .infinity
      case 2: -.infinity
      default: Float(Int.random(in: 0...30, using: &rng)) / 30
      }
    }
    var offered = TopKHeap(k: k)
    scores.withUnsafeBufferPointer { offered.offer($0, indexOffset: 1000) }
    var inserted = TopKHeap(k: k)
    for (i, s) in scores.enumerated() { inserted.insert(index: Int32(1000 + i), score: s) }
    let sorted = scores.enumerated().map { ScoredIndex(index: Int32(1000 + $0.offset), score: $0.element) }
      .sorted(by: ScoredIndex.ranksBefore).prefix(k)
    // Compare indices (NaN scores are not equal to themselves); NaNs rank last but are unordered
    // among themselves, so the full sort is compared on the real scores only.
    #expect(offered.sorted().map(\.index) == inserted.sorted().map(\.index))
    let real = offered.sorted().filter { !$0.score.isNaN }
    #expect(real.map(\.index) == sorted.filter { !$0.score.isNaN }.map(\.index))
  }
}
