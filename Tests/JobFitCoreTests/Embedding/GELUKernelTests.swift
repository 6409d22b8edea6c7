import CKernels
import Foundation
import Testing

@testable import JobFitCore

@Suite("GELU kernel (C, AVX2 + FMA when available)")
struct GELUKernelTests {
  /// Inputs across the range the encoder sees, the clamp at |x/√2| = 4, and odd lengths so the
  /// vector loop's remainder runs.
  static func inputs(_ count: Int) -> [Float] {
    (0..<count).map { i in Float((i &* 2_654_435_761) % 2_001 - 1_000) / 100 }
      + [0, -0, 1e-30, -1e-30, 5.6568, -5.6568, 40, -40, 3.4e38, -3.4e38]
  }

  @Test(
    "Both builds match exact GELU in double precision",
    arguments: [0, 1, 7, 8, 9, 1_537], [false, true])
  func exact(_ count: Int, baseline: Bool) {
    var x = Self.inputs(count)
    let original = x
    x.withUnsafeMutableBufferPointer {
      // The dispatching entry point runs the AVX2 + FMA build where the CPU has it.
      if baseline {
        jobfit_gelu_baseline($0.baseAddress!, $0.count)
      } else {
        EncoderKernels.gelu($0.baseAddress!, count: $0.count)
      }
    }
    for (v, g) in zip(original, x) {
      let reference = 0.5 * Double(v) * (1 + Foundation.erf(Double(v) / 2.0.squareRoot()))
      #expect(abs(Double(g) - reference) <= 1e-6 * max(1, abs(reference)), "GELU(\(v)) = \(g)")
    }
  }

  @Test("Agrees with the Swift loop within float rounding")
  func portable() {
    var a = Self.inputs(4_099)
    var b = a
    a.withUnsafeMutableBufferPointer { EncoderKernels.gelu($0.baseAddress!, count: $0.count) }
    b.withUnsafeMutableBufferPointer {
      EncoderKernels.geluPortable($0.baseAddress!, count: $0.count)
    }
    for (x, y) in zip(a, b) {
      #expect(abs(x - y) <= 4 * Float.ulpOfOne * max(1, abs(y)))
    }
    // Which build the dispatcher chose is reported; the baseline build is tested directly above.
    print("GELU kernel: \(jobfit_gelu_uses_avx2() == 1 ? "AVX2 + FMA" : "baseline x86-64") build")
  }
}
