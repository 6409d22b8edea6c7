internal import CBLAS
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - General products

extension GEMM {
  /// `C = alpha · op(A) · op(B) + beta · C` for row-major pointers (`cblas_sgemm`).
  ///
  /// `op(X)` is `X` or `Xᵀ` as `transposeA` / `transposeB` say. `op(A)` is `m × k`, `op(B)` is
  /// `k × n`, C is `m × n`; leading dimensions are those of the matrices as stored. With
  /// `beta = 1` and C pre-filled with a bias row per row, this is a PyTorch `Linear` with bias in
  /// one call.
  ///
  /// - Throws: `LinearAlgebraError.dimensionTooLarge` when a size exceeds `Int32`.
  public static func multiply(
    m: Int, n: Int, k: Int,
    alpha: Float = 1,
    a: UnsafePointer<Float>, lda: Int, transposeA: Bool = false,
    b: UnsafePointer<Float>, ldb: Int, transposeB: Bool = false,
    beta: Float = 0,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws {
    // BLAS does not like empty matrices: some implementations reject lda = 0.
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      for i in 0..<m {
        let row = c + i * ldc
        if beta == 0 {
          row.update(repeating: 0, count: n)
        } else {
          for j in 0..<n { row[j] *= beta }
        }
      }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      try blasInt(m, "m"), try blasInt(n, "n"), try blasInt(k, "k"),
      alpha, a, try blasInt(lda, "lda"), b, try blasInt(ldb, "ldb"),
      beta, c, try blasInt(ldc, "ldc"))
  }
}

// MARK: - BLAS threads

/// Controls the BLAS library's own thread pool, when the loaded BLAS has one (OpenBLAS).
///
/// Useful when the caller parallelises over independent work items itself: two single-threaded
/// `sgemm`s on two cores beat two two-threaded ones fighting for the same cores. Looked up with
/// `dlsym`, so the package still links against any `libblas.so.3`.
public enum BLASThreads {
  /// Threads the BLAS uses now, or `nil` when it cannot tell.
  public static var count: Int? {
    #if canImport(Glibc)
      if let fn = dlsym(nil, "openblas_get_num_threads") {
        typealias Get = @convention(c) () -> Int32
        return Int(unsafeBitCast(fn, to: Get.self)())
      }
    #endif
    return nil
  }

  /// Asks the BLAS to use `threads` threads; returns false when it has no such control.
  @discardableResult
  public static func set(_ threads: Int) -> Bool {
    #if canImport(Glibc)
      if let fn = dlsym(nil, "openblas_set_num_threads"), let n = Int32(exactly: max(1, threads)) {
        typealias Set = @convention(c) (Int32) -> Void
        unsafeBitCast(fn, to: Set.self)(n)
        return true
      }
    #endif
    return false
  }
}

// MARK: - Single-threaded sections

extension BLASThreads {
  /// Nesting depth of `singleThreaded` sections and the thread count to restore after the last.
  private static let section = Mutex<(depth: Int, saved: Int?)>((0, nil))

  /// Runs `body` with the BLAS limited to one thread, so the caller's own workers can each run
  /// their own `sgemm` side by side; the previous count is restored when the last overlapping
  /// section ends. Returns `nil` without running `body` when the BLAS has no thread control.
  ///
  /// The setting is process-wide (OpenBLAS before 0.3.27 has no per-thread one): BLAS calls made
  /// elsewhere in the process during the section also run on one thread.
  package static func singleThreaded<R>(_ body: () throws -> R) rethrows -> R? {
    let entered = section.withLock { state -> Bool in
      if state.depth == 0 {
        guard let current = count, set(1) else { return false }
        state.saved = current
      }
      state.depth += 1
      return true
    }
    guard entered else { return nil }
    defer {
      section.withLock { state in
        state.depth -= 1
        if state.depth == 0, let saved = state.saved {
          set(saved)
          state.saved = nil
        }
      }
    }
    return try body()
  }

  /// Open `singleThreaded` sections and the BLAS thread count, read together (for tests: the
  /// count outside every section is the one the caller set).
  package static func snapshot() -> (sections: Int, threads: Int?) {
    section.withLock { state in (state.depth, count) }
  }
}
