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
  static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
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
  static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, n: Int, ld: Int) {
    for r in 0..<rows {
      let row = x + r * ld
      var maximum = -Float.infinity
      for j in 0..<n { maximum = max(maximum, row[j]) }
      var sum: Float = 0
      for j in 0..<n {
        let e = expf(row[j] - maximum)
        row[j] = e
        sum += e
      }
      let inverse = 1 / sum
      for j in 0..<n { row[j] *= inverse }
    }
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
