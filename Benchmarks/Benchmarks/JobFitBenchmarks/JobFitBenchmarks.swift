import Benchmark

// Run from Benchmarks/:  swift package --allow-writing-to-package-directory benchmark
// One area per file; every benchmark names its sizes and checks its result (a fast wrong answer
// fails a precondition). Rates (MB/s, docs/s, GFLOP/s, …) are custom metrics beside wall clock.

/// Every area's registration, in report order. To add when they land: `lsaBenchmarks` (LSA fit of
/// a TF-IDF matrix to 256 dimensions) and `encoderBenchmarks` (sentences/s and tokens/s).
let registrations: [@Sendable () -> Void] = [
  analyzerBenchmarks,
  tfidfBenchmarks,
  sparseBenchmarks,
  denseBenchmarks,
  topKBenchmarks,
  indexBenchmarks,
  rankBenchmarks,
]

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 20)
  for register in registrations { register() }
}
