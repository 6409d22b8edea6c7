import Benchmark
import LinearAlgebra

/// Seeded inputs so every run measures the same work.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

func unitRows(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var rng = SplitMix64(state: seed)
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = Float.random(in: -1...1, using: &rng) }
  m.normalizeRows()
  return m
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(5),
    maxIterations: 20)

  // 1,000 queries × 20,000 items × 256 dims = 10.24 GFLOP per run.
  let queries = unitRows(1_000, 256, seed: 1)
  let items = unitRows(20_000, 256, seed: 2)
  Benchmark("dense scoring: 1k × 20k × 256-d, top-10 (blocked sgemm + fused top-k)") { benchmark in
    for _ in benchmark.scaledIterations {
      let result = try BlockedScorer().topK(queries: queries, items: items, k: 10)
      // A fast wrong answer fails: every query's own best match is in [-1, 1] and sorted.
      precondition(result.count == 1_000 && result.allSatisfy { $0.count == 10 })
      precondition(result[0][0].score >= result[0][9].score && result[0][0].score <= 1.0001)
      blackHole(result)
    }
  }
}
