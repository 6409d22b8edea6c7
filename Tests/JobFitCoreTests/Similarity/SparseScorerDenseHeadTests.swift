import Foundation
@testable import JobFitCore
import LinearAlgebra
import Testing

/// Sparse rows whose column frequencies fall off like a Zipf law (column `c` is drawn with
/// probability ∝ 1 / (c + 1)), as TF-IDF vocabularies do, from a seeded generator.
///
/// With `dyadic` the values are multiples of 1/8 up to 1/2 and rows are not normalised: every
/// product and every partial sum is then a float with few significant bits, so all summation
/// orders (sgemm's blocking, the scatter, a naive loop) give bit-identical scores and exact ties.
/// Otherwise values are uniform and rows L2-normalised, like real TF-IDF rows.
private func zipfSparse(
  rows: Int, columns: Int, termsPerRow: Int, dyadic: Bool, seed: UInt64
) -> CSRMatrix {
  var state = seed
  func next() -> Double {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Double(state >> 11) / Double(1 << 53)
  }
  let harmonic = (1...columns).reduce(0.0) { $0 + 1 / Double($1) }
  var cumulative: [Double] = []
  var total = 0.0
  for c in 1...columns {
    total += 1 / Double(c) / harmonic
    cumulative.append(total)
  }
  var pointers = [0]
  var indices: [Int32] = []
  var values: [Float] = []
  for _ in 0..<rows {
    var row: [Int32: Float] = [:]
    let draws = Int(next() * Double(termsPerRow) * 2)
    for _ in 0..<draws {
      let u = next() * total
      let c = cumulative.firstIndex { $0 >= u } ?? columns - 1
      row[Int32(c)] = dyadic ? Float(Int(next() * 4) + 1) / 8 : Float(next() + 0.05)
    }
    let sorted = row.sorted { $0.key < $1.key }
    let norm = dyadic ? 1 : sorted.reduce(0) { $0 + Double($1.value * $1.value) }.squareRoot()
    for (c, v) in sorted {
      indices.append(c)
      values.append(Float(Double(v) / norm))
    }
    pointers.append(indices.count)
  }
  return CSRMatrix(
    rows: rows, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
}

/// Every item ranked for each query by a naive loop over all items: the reference top-k.
private func naiveTopK(queries: CSRMatrix, items: CSRMatrix, k: Int) -> [[ScoredIndex]] {
  let x = items.dense()
  return queries.dense().map { q in
    Array(
      x.enumerated().map { j, row in
        ScoredIndex(index: Int32(j), score: zip(q, row).reduce(Float(0)) { $0 + $1.0 * $1.1 })
      }
      .sorted(by: ScoredIndex.ranksBefore).prefix(k))
  }
}

@Suite("Sparse top-k with a dense head (issue 5)")
struct SparseScorerDenseHeadTests {
  @Test(
    "Any head size gives exactly the naive top-k, ties by lower index",
    arguments: [1, 2, 7, 32, 200])
  func exactForDyadicValues(denseTerms: Int) throws {
    let queries = zipfSparse(rows: 70, columns: 120, termsPerRow: 12, dyadic: true, seed: 1)
    let items = zipfSparse(rows: 90, columns: 120, termsPerRow: 12, dyadic: true, seed: 2)
    for k in [1, 10, 90] {
      let got = try SparseScorer(denseTerms: denseTerms).topK(queries: queries, items: items, k: k)
      #expect(got == naiveTopK(queries: queries, items: items, k: k))
    }
  }

  @Test("Dyadic data has exact ties, so the tie order is really exercised")
  func dataHasTies() {
    let queries = zipfSparse(rows: 70, columns: 120, termsPerRow: 12, dyadic: true, seed: 1)
    let items = zipfSparse(rows: 90, columns: 120, termsPerRow: 12, dyadic: true, seed: 2)
    let lists = naiveTopK(queries: queries, items: items, k: 10)
    let ties = lists.reduce(0) { n, list in
      n + zip(list, list.dropFirst()).filter { $0.score == $1.score && $0.score > 0 }.count
    }
    #expect(ties > 20)
  }

  @Test("Normalised rows: split scores are the dot products, to rounding", arguments: [16, 64])
  func agreesWithInvertedIndex(denseTerms: Int) throws {
    let queries = zipfSparse(rows: 150, columns: 300, termsPerRow: 25, dyadic: false, seed: 3)
    let items = zipfSparse(rows: 130, columns: 300, termsPerRow: 25, dyadic: false, seed: 4)
    let split = try SparseScorer(denseTerms: denseTerms).topK(queries: queries, items: items, k: 10)
    let plain = try SparseScorer(denseTerms: 0).topK(queries: queries, items: items, k: 10)
    let q = queries.dense()
    let x = items.dense()
    for i in 0..<queries.rows {
      #expect(split[i].count == 10)
      for (a, b) in zip(split[i], plain[i]) {
        // The same k-th best scores; indices differ only where scores tie up to rounding.
        #expect(abs(a.score - b.score) <= 1e-6)
        let exact = zip(q[i], x[Int(a.index)]).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(Double(a.score) - exact) <= 1e-6)
      }
    }
  }

  @Test("The cost model picks the most shared terms for a large Zipfian product")
  func planPicksFrequentTerms() throws {
    let queries = zipfSparse(rows: 400, columns: 500, termsPerRow: 40, dyadic: true, seed: 5)
    let items = zipfSparse(rows: 300, columns: 500, termsPerRow: 40, dyadic: true, seed: 6)
    let head = try #require(DenseHead.plan(queries: queries, items: items))
    let q = DenseHead.columnCounts(queries)
    let x = DenseHead.columnCounts(items)
    var smallestKept = Int.max
    var largestLeft = 0
    for t in 0..<500 {
      let pairs = q[t] * x[t]
      if head.slot[t] >= 0 { smallestKept = min(smallestKept, pairs) } else { largestLeft = max(largestLeft, pairs) }
    }
    #expect(head.count > 0 && head.count < 500)
    #expect(smallestKept >= largestLeft)
    // Every kept term is shared by more pairs than the break-even density.
    #expect(Double(smallestKept) > DenseHead.breakEvenDensity * 400 * 300)
    for (s, t) in head.terms.enumerated() { #expect(head.slot[Int(t)] == Int32(s)) }
    // The automatic path takes the split and still matches the naive loop exactly.
    let got = try SparseScorer().topK(queries: queries, items: items, k: 5)
    #expect(got == naiveTopK(queries: queries, items: items, k: 5))
  }

  @Test("Small or very sparse products keep the plain inverted index")
  func planDeclinesSmallProducts() {
    let queries = zipfSparse(rows: 3, columns: 2000, termsPerRow: 3, dyadic: true, seed: 7)
    let items = zipfSparse(rows: 5, columns: 2000, termsPerRow: 3, dyadic: true, seed: 8)
    #expect(DenseHead.plan(queries: queries, items: items) == nil)
    let empty = CSRMatrix(zeros: 4, columns: 10)
    #expect(DenseHead.plan(queries: empty, items: empty) == nil)
  }

  @Test("Queries sharing no term still get k zeros in index order; progress reaches every query")
  func emptyQueriesAndProgress() throws {
    let items = zipfSparse(rows: 40, columns: 60, termsPerRow: 10, dyadic: true, seed: 9)
    let queries = CSRMatrix(zeros: 700, columns: 60)
    let seen = ProgressLog()
    let got = try SparseScorer(denseTerms: 8).topK(
      queries: queries, items: items, k: 3, progress: { seen.record($0) })
    let zeros = (0..<3).map { ScoredIndex(index: Int32($0), score: 0) }
    #expect(got.allSatisfy { $0 == zeros })
    #expect(seen.values.last == 700)
    #expect(seen.values == seen.values.sorted())
  }
}

/// Progress values as reported, in order.
private final class ProgressLog: @unchecked Sendable {
  private var log: [Int] = []
  private let lock = NSLock()
  func record(_ value: Int) { lock.withLock { log.append(value) } }
  var values: [Int] { lock.withLock { log } }
}
