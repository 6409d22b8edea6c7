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
    for r in 0..<rows {
      let row = x + r * n
      var sum: Float = 0
      for j in 0..<n { sum += row[j] }
      let mean = sum * inverseN
      var squares: Float = 0
      for j in 0..<n {
        let d = row[j] - mean
        squares += d * d
      }
      let scale = 1 / (squares * inverseN + epsilon).squareRoot()
      for j in 0..<n { row[j] = (row[j] - mean) * scale * gamma[j] + beta[j] }
    }
  }

  /// In-place exact GELU, `x · ½ · (1 + erf(x / √2))` (BERT's `gelu`, not the tanh approximation).
  static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
    let inverseSqrt2: Float = 0.70710678118654752440
    for i in 0..<count {
      let v = x[i]
      x[i] = 0.5 * v * (1 + erff(v * inverseSqrt2))
    }
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
