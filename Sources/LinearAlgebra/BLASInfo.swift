import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which BLAS library is actually loaded, and how fast it multiplies.
///
/// Debian builds the binary against the reference `libblas.so.3` interface; the alternatives
/// system decides at run time whether that name means the reference BLAS (≈ 2 GFLOP/s here),
/// OpenBLAS (≈ 100+ GFLOP/s) or another implementation. Only the running process can tell, so we
/// ask the dynamic linker where `cblas_sgemm` came from.
public struct BLASInfo: Sendable, Codable, Equatable {
  /// A short name: "OpenBLAS", "BLIS", "reference BLAS" or "unknown".
  public var implementation: String
  /// The shared object `cblas_sgemm` was resolved from, symlinks resolved.
  public var libraryPath: String
  /// The implementation's own configuration string when it has one (OpenBLAS: version, kernel).
  public var configuration: String?
  /// Threads the BLAS itself uses, when it can tell.
  public var threads: Int?

  /// True when this is the slow reference implementation.
  public var isReference: Bool { implementation == "reference BLAS" }

  /// Inspects the running process.
  public static func current() -> BLASInfo {
    var path = "unknown"
    #if canImport(Glibc)
      if let symbol = dlsym(nil, "cblas_sgemm"), let mapped = mappedFile(containing: symbol) {
        path = URL(fileURLWithPath: mapped).resolvingSymlinksInPath().path
      }
      if let fn = dlsym(nil, "openblas_get_config") {
        typealias GetConfig = @convention(c) () -> UnsafePointer<CChar>?
        let config = unsafeBitCast(fn, to: GetConfig.self)().map { String(cString: $0) }
        var threads: Int?
        if let t = dlsym(nil, "openblas_get_num_threads") {
          typealias GetThreads = @convention(c) () -> Int32
          threads = Int(unsafeBitCast(t, to: GetThreads.self)())
        }
        return BLASInfo(
          implementation: "OpenBLAS", libraryPath: path,
          configuration: config?.trimmingCharacters(in: .whitespaces), threads: threads)
      }
      if dlsym(nil, "bli_info_get_version_str") != nil {
        return BLASInfo(implementation: "BLIS", libraryPath: path, configuration: nil, threads: nil)
      }
      if dlsym(nil, "MKL_Get_Max_Threads") != nil {
        return BLASInfo(implementation: "MKL", libraryPath: path, configuration: nil, threads: nil)
      }
    #endif
    let reference = path.hasSuffix("/blas/libblas.so.3") || path.contains("libblas.so.3")
    return BLASInfo(
      implementation: reference ? "reference BLAS" : "unknown", libraryPath: path,
      configuration: nil, threads: nil)
  }
}

// MARK: - Which file

extension BLASInfo {
  /// The file mapped at `address`, from /proc/self/maps (`dladdr` needs _GNU_SOURCE, which
  /// Swift's Glibc module does not expose).
  static func mappedFile(containing address: UnsafeMutableRawPointer) -> String? {
    // /proc files report size 0, so read to EOF rather than by size.
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps"),
      let data = try? handle.readToEnd(), let maps = String(data: data, encoding: .utf8)
    else { return nil }
    defer { try? handle.close() }
    let target = UInt(bitPattern: address)
    for line in maps.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6 else { continue }
      let bounds = fields[0].split(separator: "-")
      guard bounds.count == 2, let lo = UInt(bounds[0], radix: 16), let hi = UInt(bounds[1], radix: 16)
      else { continue }
      if lo <= target && target < hi { return fields[5...].joined(separator: " ") }
    }
    return nil
  }
}

// MARK: - Measured speed

extension BLASInfo {
  /// Measures single-precision GEMM speed in GFLOP/s (`2n³` flops per `n × n` product).
  ///
  /// Runs square products of size `n` until `budget` seconds have passed (at least three) and
  /// returns the median rate, so one preempted run on a shared machine does not decide it.
  public static func measureSGEMM(n: Int = 512, budget: Double = 0.3) -> Double {
    var a = [Float](repeating: 0, count: n * n)
    var b = [Float](repeating: 0, count: n * n)
    for i in 0..<(n * n) {
      a[i] = Float(i % 17) / 17 - 0.5
      b[i] = Float(i % 13) / 13 - 0.5
    }
    var c = [Float](repeating: 0, count: n * n)
    var rates: [Double] = []
    let start = DispatchTime.now().uptimeNanoseconds
    while rates.count < 3 || Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < budget {
      let t0 = DispatchTime.now().uptimeNanoseconds
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            try? GEMM.multiplyTransposed(
              m: n, n: n, k: n, a: pa.baseAddress!, lda: n, b: pb.baseAddress!, ldb: n,
              c: pc.baseAddress!, ldc: n)
          }
        }
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      rates.append(2 * pow(Double(n), 3) / max(seconds, 1e-9) / 1e9)
      if rates.count >= 50 { break }
    }
    rates.sort()
    return rates[rates.count / 2]
  }
}
