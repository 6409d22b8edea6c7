import Benchmark
import JobFitCore
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

  // Synthetic documents: 300 words each from a Zipf-like vocabulary of 20k words, seeded.
  let documents = syntheticDocuments(count: 5_000, words: 300, vocabulary: 20_000, seed: 3)
  Benchmark("TF-IDF fitTransform: 5k docs × 300 words (sklearn analyzer)") { benchmark in
    for _ in benchmark.scaledIterations {
      let fitted = try TFIDFConfiguration().fitTransform(documents)
      precondition(fitted.matrix.rows == 5_000 && fitted.model.dimension > 1_000)
      blackHole(fitted)
    }
  }

  let matrix = try! TFIDFConfiguration().fitTransform(documents).matrix
  let queryRows = matrix.rowSlice(0..<1_000)
  let itemRows = matrix.rowSlice(1_000..<5_000)
  Benchmark("sparse cosine top-10: 1k queries × 4k items (inverted index)") { benchmark in
    for _ in benchmark.scaledIterations {
      let result = try SparseScorer().topK(queries: queryRows, items: itemRows, k: 10)
      precondition(result.count == 1_000 && result.allSatisfy { $0.count == 10 })
      blackHole(result)
    }
  }
}

/// Deterministic text: word i is drawn with probability ∝ 1 / (i + 1) (Zipf, s = 1).
func syntheticDocuments(count: Int, words: Int, vocabulary: Int, seed: UInt64) -> [String] {
  var rng = SplitMix64(state: seed)
  var cumulative = [Double](repeating: 0, count: vocabulary)
  var total = 0.0
  for i in 0..<vocabulary {
    total += 1 / Double(i + 1)
    cumulative[i] = total
  }
  func word(_ i: Int) -> String {
    var n = i
    var s = ""
    repeat {
      s.append(Character(Unicode.Scalar(UInt8(97 + n % 26))))
      n /= 26
    } while n > 0
    return s + "x"
  }
  let names = (0..<vocabulary).map(word)
  return (0..<count).map { _ in
    (0..<words).map { _ in
      let u = Double.random(in: 0..<total, using: &rng)
      var lo = 0
      var hi = vocabulary - 1
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
      }
      return names[lo]
    }.joined(separator: " ")
  }
}

