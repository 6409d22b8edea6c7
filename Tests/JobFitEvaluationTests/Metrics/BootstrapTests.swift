import JobFitCore
import JobFitEvaluation
import Testing

@Suite struct SplitMix64Tests {
  @Test func matchesTheReferenceSequence() {
    // SplitMix64 from seed 0 (Vigna's splitmix64.c): the published first outputs.
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func boundedDrawsStayInRangeAndCoverIt() {
    var generator = SplitMix64(seed: 7)
    var histogram = [Int](repeating: 0, count: 6)
    for _ in 0..<6000 { histogram[generator.next(below: 6)] += 1 }
    // Each face ≈ 1000; 850 is about 5 standard deviations (σ ≈ 29) below.
    #expect(histogram.allSatisfy { $0 > 850 && $0 < 1150 })
    #expect(generator.next(below: 1) == 0)
  }
}

@Suite struct BootstrapTests {
  /// `count` values uniform in [0, 1), fixed by `seed`.
  static func sample(_ count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in Double(generator.next() >> 11) / Double(1 << 53) }
  }

  @Test func sameSeedSameInterval() throws {
    let values = Self.sample(50, seed: 1)
    let first = try Bootstrap(seed: 9).interval(of: values)
    let second = try Bootstrap(seed: 9).interval(of: values)
    #expect(first == second)
    let other = try Bootstrap(seed: 10).interval(of: values)
    #expect(other.mean == first.mean)
    #expect(other.lower != first.lower || other.upper != first.upper)
  }

  @Test func intervalContainsTheMean() throws {
    let values = Self.sample(80, seed: 2)
    let ci = try Bootstrap().interval(of: values)
    #expect(abs(ci.mean - values.reduce(0, +) / 80) < 1e-12)
    #expect(ci.lower < ci.mean && ci.mean < ci.upper)
    #expect(ci.confidence == 0.95)
    // Uniform [0, 1): σ = 0.2887, so the 95 % half-width ≈ 1.96 · 0.2887 / sqrt(80) = 0.063.
    #expect(ci.width > 0.08 && ci.width < 0.18)
  }

  @Test func widthShrinksWithMoreQueries() throws {
    let small = try Bootstrap().interval(of: Self.sample(25, seed: 3))
    let large = try Bootstrap().interval(of: Self.sample(2500, seed: 3))
    // Width ∝ 1/sqrt(n): 100× the queries should give about a tenth of the width.
    #expect(large.width < small.width / 5)
    #expect(large.width > small.width / 20)
  }

  @Test func constantValuesGiveAPointInterval() throws {
    let ci = try Bootstrap(resamples: 200).interval(of: [0.4, 0.4, 0.4])
    // Every resample mean is the same sum 0.4 + 0.4 + 0.4 divided by 3 (equal up to rounding).
    #expect([ci.mean, ci.lower, ci.upper].allSatisfy { abs($0 - 0.4) < 1e-15 })
    #expect(ci.lower == ci.upper)
    let single = try Bootstrap().interval(of: [0.7])
    #expect(single.lower == 0.7 && single.upper == 0.7)
  }

  @Test func pairedComparisonDetectsAConsistentGain() throws {
    let base = Self.sample(100, seed: 4)
    let noise = Self.sample(100, seed: 5)
    // System A beats B by 0.05 ± 0.01 on every query.
    let better = zip(base, noise).map { $0 + 0.04 + 0.02 * $1 }
    let result = try Bootstrap().compare(better, with: base)
    #expect(abs(result.difference.mean - 0.05) < 0.005)
    #expect(result.difference.lower > 0)
    #expect(result.pValue == 0)
    // Reversed: B − A is negative on every resample.
    let reversed = try Bootstrap().compare(base, with: better)
    #expect(reversed.pValue == 1)
    #expect(reversed.difference.upper < 0)
  }

  @Test func pairedComparisonOfEqualSystems() throws {
    let values = Self.sample(30, seed: 6)
    let result = try Bootstrap().compare(values, with: values)
    #expect(result.difference.mean == 0)
    #expect(result.pValue == 1)  // every resampled difference is exactly 0, counted as ≤ 0
  }

  @Test func pairedNoiseIsNotSignificant() throws {
    // Independent samples of one distribution: the difference interval should straddle 0.
    let result = try Bootstrap().compare(Self.sample(200, seed: 11), with: Self.sample(200, seed: 12))
    #expect(result.difference.contains(0))
    #expect(result.pValue > 0.025 && result.pValue < 0.975)
  }

  @Test func badInputThrows() {
    #expect(throws: JobFitError.self) { try Bootstrap().interval(of: []) }
    #expect(throws: JobFitError.self) { try Bootstrap().interval(of: [1, .nan]) }
    #expect(throws: JobFitError.self) { try Bootstrap(resamples: 0).interval(of: [1]) }
    #expect(throws: JobFitError.self) { try Bootstrap(confidence: 1).interval(of: [1]) }
    #expect(throws: JobFitError.dimensionMismatch(expected: 2, actual: 1)) {
      try Bootstrap().compare([1, 2], with: [1])
    }
  }
}
