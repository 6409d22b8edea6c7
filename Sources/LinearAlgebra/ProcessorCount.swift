import Foundation

/// How many cores the engine's own parallel loops use.
public enum ProcessorCount {
  /// Active processors, overridable with `JOBFIT_THREADS` (≥ 1) for benchmarks and tests.
  public static let active: Int = {
    if let value = ProcessInfo.processInfo.environment["JOBFIT_THREADS"], let n = Int(value), n > 0 {
      return n
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }()
}
