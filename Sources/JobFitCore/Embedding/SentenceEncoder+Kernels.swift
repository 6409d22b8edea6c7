import CKernels
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The element-wise steps of the forward pass, as plain loops over raw pointers (no closures,
/// no bounds checks in the inner loops) so the compiler can vectorise them.
enum EncoderKernels {
  /// In-place LayerNorm of `rows` rows of length `n`:
  /// `y = (x − mean) / sqrt(var + eps) · gamma + beta`, with the biased variance, as PyTorch.
  ///
  /// Mean and variance are accumulated in `Float` over 384 values, like PyTorch's CPU kernel;
  /// a two-pass variance keeps it accurate.
  static func layerNorm(
    _ x: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
  ) {
    let inverseN = 1 / Float(n)
    let lanes = n / 8 * 8
    for r in 0..<rows {
      let row = x + r * n
      let raw = UnsafeMutableRawPointer(row)
      // Eight partial sums: Swift never reassociates a scalar Float sum, so a single
      // accumulator would be a serial chain of adds.
      var partial = SIMD8<Float>()
      for j in stride(from: 0, to: lanes, by: 8) {
        partial += raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
      }
      var sum = partial.sum()
      for j in lanes..<n { sum += row[j] }
      let mean = sum * inverseN
      partial = SIMD8<Float>()
      for j in stride(from: 0, to: lanes, by: 8) {
        let d = raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self) - mean
        partial += d * d
      }
      var squares = partial.sum()
      for j in lanes..<n {
        let d = row[j] - mean
        squares += d * d
      }
      let scale = 1 / (squares * inverseN + epsilon).squareRoot()
      for j in 0..<n { row[j] = (row[j] - mean) * scale * gamma[j] + beta[j] }
    }
  }

  /// In-place exact GELU, `x · ½ · (1 + erf(x / √2))` (BERT's `gelu`, not the tanh approximation).
  ///
  /// `erf` is the rational approximation Eigen uses for `float` (odd degree-13 numerator over
  /// even degree-8 denominator, input clamped to [−4, 4], where erf is ±1 in single precision);
  /// its error is below 1e-7, like `erff`'s, but it is plain arithmetic, so the loop vectorises.
  /// `erff` took 14 % of the encoder's time.
  ///
  /// The loop is C (`jobfit_gelu` in `Sources/CKernels`), built with AVX2 + FMA and chosen at run
  /// time when the CPU has them: 0.51 ns per element there against 1.7 ns for the same formula
  /// in Swift, which builds for baseline x86-64 (about 0.3 CPU-seconds per 1,000 sentences).
  /// `geluPortable` is the Swift loop, kept as the tests' reference.
  static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
    jobfit_gelu(x, count)
  }

  /// The same GELU in Swift (baseline x86-64; the compiler vectorises it with SSE).
  static func geluPortable(_ x: UnsafeMutablePointer<Float>, count: Int) {
    // Scalar code on purpose: the compiler vectorises this loop, while `SIMD8.clamped` calls
    // unspecialised `pointwiseMin`/`pointwiseMax` and measured slower.
    let inverseSqrt2: Float = 0.70710678118654752440
    for i in 0..<count {
      let v = x[i]
      x[i] = 0.5 * v * (1 + erf(v * inverseSqrt2))
    }
  }

  /// erf(x) within 1e-7 (see `gelu`).
  @inline(__always)
  static func erf(_ input: Float) -> Float {
    let x = input < -4 ? -4 : (input > 4 ? 4 : input)
    let x2 = x * x
    var p: Float = -2.72614225801306e-10
    p = p * x2 + 2.77068142495902e-08
    p = p * x2 - 2.10102402082508e-06
    p = p * x2 - 5.69250639462346e-05
    p = p * x2 - 7.34990630326855e-04
    p = p * x2 - 2.95459980854025e-03
    p = p * x2 - 1.60960333262415e-02
    var q: Float = -1.45660718464996e-05
    q = q * x2 - 2.13374055278905e-04
    q = q * x2 - 1.68282697438203e-03
    q = q * x2 - 7.37332916720468e-03
    q = q * x2 - 1.42647390514189e-02
    return x * p / q
  }

  /// In-place softmax of each of `rows` rows of length `n` (leading dimension `ld`), with the
  /// row maximum subtracted first so `exp` cannot overflow.
  ///
  /// `exp` is `EncoderKernels.exp` (vectorised, within 3 ulp) rather than libm's scalar `expf`: with
  /// four running maxima and four partial sums the whole softmax is SIMD. Per sequence of 30
  /// tokens and head, attention took 7.5 µs with `expf` and 5.3 µs with this.
  static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, n: Int, ld: Int) {
    for r in 0..<rows {
      let row = x + r * ld
      let inverse = 1 / exponentiate(row, count: n)
      for j in 0..<n { row[j] *= inverse }
    }
  }

  /// Replaces `x[0..<count]` by `exp(x_j − max x)` and returns their sum (at least 1).
  static func exponentiate(_ x: UnsafeMutablePointer<Float>, count: Int) -> Float {
    // Four running maxima and four partial sums: Swift never reassociates scalar Float
    // operations, so one accumulator would be a serial chain.
    var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
    var j = 0
    while j &+ 4 <= count {
      m0 = Swift.max(m0, x[j])
      m1 = Swift.max(m1, x[j &+ 1])
      m2 = Swift.max(m2, x[j &+ 2])
      m3 = Swift.max(m3, x[j &+ 3])
      j &+= 4
    }
    while j < count {
      m0 = Swift.max(m0, x[j])
      j &+= 1
    }
    let maximum = Swift.max(Swift.max(m0, m1), Swift.max(m2, m3))
    for j in 0..<count { x[j] = exp(x[j] - maximum) }
    let lanes = count / 4 * 4
    var partial = SIMD4<Float>()
    let raw = UnsafeRawPointer(x)
    for j in stride(from: 0, to: lanes, by: 4) {
      partial += raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD4<Float>.self)
    }
    var sum = partial.sum()
    for j in lanes..<count { sum += x[j] }
    return sum
  }

  /// `eˣ` for `x ≤ 0` within 3 ulp (flushed to about 1e-38 below −87), as plain arithmetic so
  /// that loops calling it vectorise.
  ///
  /// `x = n·ln 2 + r` with `n = round(x / ln 2)` and `|r| ≤ ln 2 / 2` (ln 2 split into a part
  /// exact in `Float` and a small correction, Cody–Waite), `eʳ ≈ 1 + r + r²·P(r)` with the
  /// degree-5 polynomial of Cephes' `expf`, and `2ⁿ` built from its exponent bits.
  @inline(__always)
  static func exp(_ input: Float) -> Float {
    let x = input < -87 ? -87 : input
    // Adding 1.5 · 2²³ rounds to an integer (round-to-nearest mode), and the bits of the sum
    // are then 0x4B40_0000 + n.
    let shifter: Float = 12_582_912
    let shifted = x * 1.44269504088896341 + shifter
    let n = shifted - shifter
    let r = (x - n * 0.693359375) + n * 2.12194440e-4
    var p: Float = 1.9875691500e-4
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let er = p * (r * r) + r + 1
    let twoToN = Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) &<< 23)
    return er * twoToN
  }

  /// `rows` rows of `destination` = `bias` (+ `residual` row-wise when given): the `beta = 1`
  /// starting value of a `Linear` whose output is then accumulated by `sgemm`.
  static func fillRows(
    _ destination: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    bias: UnsafePointer<Float>, residual: UnsafePointer<Float>? = nil
  ) {
    for r in 0..<rows {
      let out = destination + r * n
      if let residual {
        let add = residual + r * n
        for j in 0..<n { out[j] = bias[j] + add[j] }
      } else {
        out.update(from: bias, count: n)
      }
    }
  }
}
