import Foundation
import Testing

@testable import JobFitCore

/// The kernels of the faster encoder forward pass against plain versions: libm's `exp`, a
/// softmax in `Double`, and a transpose done element by element.
@Suite("Encoder kernels (vectorised softmax, weight layout, workspace)")
struct EncoderKernelSpeedupTests {
  @Test("exp matches Foundation's exp within 3 ulp on [−87, 0] and flushes below")
  func expAgainstLibm() {
    var worst = 0.0
    for i in 0...87_000 {
      let x = -Float(i) / 1000
      let reference = Foundation.exp(Double(x))
      let relative = abs(Double(EncoderKernels.exp(x)) - reference) / reference
      worst = max(worst, relative)
    }
    #expect(worst <= 3 * Double(Float.ulpOfOne), "worst relative error \(worst)")
    #expect(EncoderKernels.exp(0) == 1)
    #expect(EncoderKernels.exp(-1_000) < 1e-37)
    #expect(EncoderKernels.exp(-.infinity) < 1e-37)
  }

  @Test("softmaxRows equals a softmax in Double within 1e-6 and sums rows to 1")
  func softmaxAgainstDouble() {
    var generator = SplitMix64(seed: 7)
    for (rows, n, ld) in [(1, 1, 1), (3, 7, 9), (30, 30, 30), (5, 111, 113)] {
      var values = (0..<(rows * ld)).map { _ in Float(generator.unit() * 40 - 20) }
      let original = values
      EncoderKernels.softmaxRows(&values, rows: rows, n: n, ld: ld)
      for r in 0..<rows {
        let row = (0..<n).map { Double(original[r * ld + $0]) }
        let maximum = row.max() ?? 0
        let sum = row.reduce(0) { $0 + Foundation.exp($1 - maximum) }
        var total = 0.0
        for j in 0..<n {
          let expected = Foundation.exp(row[j] - maximum) / sum
          #expect(abs(Double(values[r * ld + j]) - expected) <= 1e-6 * max(expected, 1e-3))
          total += Double(values[r * ld + j])
        }
        #expect(abs(total - 1) < 1e-5)
        // Padding past n (up to ld) is left alone.
        for j in n..<ld { #expect(values[r * ld + j] == original[r * ld + j]) }
      }
    }
  }

  @Test("softmax of huge and tiny scores neither overflows nor divides by zero")
  func softmaxExtremes() {
    var values: [Float] = [1e30, 1e30, -1e30, -200, -300, -400]
    EncoderKernels.softmaxRows(&values, rows: 2, n: 3, ld: 3)
    #expect(values[0] == 0.5 && values[1] == 0.5 && values[2] < 1e-30)
    #expect(abs(values[3] - 1) < 1e-6 && values[4] < 1e-30 && values[5] < 1e-30)
  }

  @Test("weights are transposed element by element")
  func transpose() {
    let w: [Float] = [1, 2, 3, 4, 5, 6]  // 2 × 3
    #expect(SentenceEncoder.transposed(w, rows: 2, columns: 3) == [1, 4, 2, 5, 3, 6])
    #expect(SentenceEncoder.transposed([7], rows: 1, columns: 1) == [7])
  }

  @Test("a workspace is reused while large enough and grows when not")
  func workspaceReuse() {
    let workspace = ForwardWorkspace()
    let first = workspace.reserve(1_000)
    #expect(workspace.reserve(10) == first)
    #expect(workspace.reserve(1_000) == first)
    let grown = workspace.reserve(100_000)
    grown[99_999] = 1  // the whole range is writable
    #expect(workspace.reserve(50_000) == grown)
    #expect(Int(bitPattern: grown) % 64 == 0)
  }
}

extension SplitMix64 {
  /// A uniform double in [0, 1) from the top 53 bits.
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
