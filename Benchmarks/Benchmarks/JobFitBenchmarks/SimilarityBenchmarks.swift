import Benchmark
import JobFitCore
import LinearAlgebra

// MARK: - Sparse

/// 1,000 query rows × 4,000 item rows of the 5k-document TF-IDF matrix.
let sparseQueries = tfidfFitted.matrix.rowSlice(0..<1_000)
let sparseItems = tfidfFitted.matrix.rowSlice(1_000..<5_000)

/// Brute-force best score of query 0 over all items (a merge of sorted column lists).
let sparseBestOfFirst: Float = {
  let q = sparseQueries.row(0)
  var best = -Float.infinity
  for i in 0..<sparseItems.rows {
    let x = sparseItems.row(i)
    var (a, b) = (q.columnIndices.startIndex, x.columnIndices.startIndex)
    var dot: Float = 0
    while a < q.columnIndices.endIndex && b < x.columnIndices.endIndex {
      let (ca, cb) = (q.columnIndices[a], x.columnIndices[b])
      if ca == cb { dot += q.values[a] * x.values[b] }
      if ca <= cb { a += 1 }
      if cb <= ca { b += 1 }
    }
    best = max(best, dot)
  }
  return best
}()

func sparseBenchmarks() {
  Benchmark(
    "sparse cosine top-10: 1k queries × 4k items (TF-IDF, inverted index)",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident, .megapairsPerSecond])
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      var result: [[ScoredIndex]] = []
      let elapsed = try seconds {
        result = try SparseScorer().topK(queries: sparseQueries, items: sparseItems, k: 10)
      }
      precondition(result.count == 1_000 && result.allSatisfy { $0.count == 10 })
      precondition(abs(result[0][0].score - sparseBestOfFirst) < 1e-4, "wrong best match")
      benchmark.rate(.megapairsPerSecond, 1_000 * 4_000 / 1e6, seconds: elapsed)
      blackHole(result)
    }
  }
}

// MARK: - Dense

/// 1,000 queries × 20,000 items × 256 dims = 10.24 GFLOP per run.
let denseQueries = unitRows(1_000, 256, seed: 1)
let denseItems = unitRows(20_000, 256, seed: 2)
let denseBestOfFirst: Float = {
  var best = -Float.infinity
  for i in 0..<denseItems.rows {
    var dot: Float = 0
    for j in 0..<256 { dot += denseQueries[0, j] * denseItems[i, j] }
    best = max(best, dot)
  }
  return best
}()

func denseBenchmarks() {
  Benchmark(
    "dense scoring top-10: 1k × 20k × 256-d (blocked sgemm + fused top-k)",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident, .gigaflops, .percentOfPeak])
  ) { benchmark in
    let peak = Peak.gflops
    for _ in benchmark.scaledIterations {
      var result: [[ScoredIndex]] = []
      let elapsed = try seconds {
        result = try BlockedScorer().topK(queries: denseQueries, items: denseItems, k: 10)
      }
      precondition(result.count == 1_000 && result.allSatisfy { $0.count == 10 })
      precondition(abs(result[0][0].score - denseBestOfFirst) < 1e-4, "wrong best match")
      let gflops = 2.0 * 1_000 * 20_000 * 256 / 1e9 / elapsed
      benchmark.measurement(.gigaflops, Int(gflops.rounded()))
      benchmark.measurement(.percentOfPeak, Int((100 * gflops / peak).rounded()))
      blackHole(result)
    }
  }
}

// MARK: - Top-k selection

/// One million seeded scores in [-1, 1].
let topKScores: [Float] = {
  var rng = SplitMix64(seed: 5)
  return (0..<1_000_000).map { _ in Float.random(in: -1...1, using: &rng) }
}()

/// The best 100 scores by a full sort, the reference for every k ≤ 100.
let topKReference: [Float] = Array(topKScores.sorted(by: >).prefix(100))

func topKBenchmarks() {
  for k in [10, 100] {
    Benchmark(
      "top-k selection (TopKHeap): k = \(k) of 1M scores",
      configuration: .init(metrics: [.wallClock, .megaitemsPerSecond])
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        var kept: [ScoredIndex] = []
        let elapsed = seconds {
          kept = topKScores.withUnsafeBufferPointer { TopKHeap.select($0, k: k) }
        }
        precondition(kept.map(\.score) == Array(topKReference.prefix(k)), "wrong top-\(k)")
        benchmark.rate(.megaitemsPerSecond, 1.0, seconds: elapsed)
        blackHole(kept)
      }
    }
  }
}
