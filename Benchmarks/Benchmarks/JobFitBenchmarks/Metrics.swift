import Benchmark
import LinearAlgebra

/// Rates reported beside wall-clock time (package-benchmark stores integers, so each unit is
/// chosen to keep 2–4 significant digits).
extension BenchmarkMetric {
  static let megabytesPerSecond = BenchmarkMetric.custom(
    "MB/s", polarity: .prefersLarger, useScalingFactor: false)
  static let documentsPerSecond = BenchmarkMetric.custom(
    "docs/s", polarity: .prefersLarger, useScalingFactor: false)
  static let megapairsPerSecond = BenchmarkMetric.custom(
    "M pairs/s", polarity: .prefersLarger, useScalingFactor: false)
  static let gigaflops = BenchmarkMetric.custom(
    "GFLOP/s", polarity: .prefersLarger, useScalingFactor: false)
  static let percentOfPeak = BenchmarkMetric.custom(
    "% of sgemm peak", polarity: .prefersLarger, useScalingFactor: false)
  static let megaitemsPerSecond = BenchmarkMetric.custom(
    "M items/s", polarity: .prefersLarger, useScalingFactor: false)
}

/// The BLAS in use and its measured sgemm peak, once per process (printed when first used).
enum Peak {
  static let gflops: Double = {
    let blas = BLASInfo.current()
    let measured = BLASInfo.measureSGEMM(n: 1024, budget: 1.0)
    print(
      "BLAS: \(blas.implementation) \(blas.configuration ?? blas.libraryPath); "
        + "sgemm 1024³ peak \(String(format: "%.1f", measured)) GFLOP/s (median)")
    return measured
  }()
}

extension Benchmark {
  /// Records `amount / seconds` as `metric`, rounded to an integer.
  func rate(_ metric: BenchmarkMetric, _ amount: Double, seconds: Double) {
    measurement(metric, Int((amount / max(seconds, 1e-9)).rounded()))
  }
}
