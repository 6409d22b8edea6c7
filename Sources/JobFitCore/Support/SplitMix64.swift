/// A small, fast, seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64, the seeder
/// of Java's `SplittableRandom` and of xoshiro).
///
///     state ← state + 0x9E3779B97F4A7C15
///     z ← (state ⊕ (state >> 30)) · 0xBF58476D1CE4E5B9
///     z ← (z ⊕ (z >> 27)) · 0x94D049BB133111EB
///     next = z ⊕ (z >> 31)
///
/// Same seed, same sequence, on every platform and Swift version: LSA's random test matrix,
/// evaluation resamples, generated benchmark corpora and property tests must reproduce exactly.
/// The one generator of the project. Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The SplitMix64 output function of `value`: one step from state `value` without keeping
  /// it; also a good hash of one 64-bit value (used to seed per-row streams).
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A uniform value in (0, 1] with 53 random bits (never 0, so `log` is finite).
  public mutating func nextUnitInterval() -> Double { (Double(next() >> 11) + 1) * 0x1p-53 }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<bound`, by Lemire's multiply-and-reject method (unbiased).
  ///
  /// Written out rather than using `Int.random(in:using:)`, whose algorithm the standard
  /// library does not promise to keep, so resamples stay identical across toolchains.
  ///
  /// - Precondition: `bound > 0`.
  public mutating func next(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive (got \(bound))")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      // 2^64 mod range: values of `low` below it would over-represent some results.
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }
}
