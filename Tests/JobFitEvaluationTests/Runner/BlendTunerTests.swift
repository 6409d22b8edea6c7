import JobFitCore
import Testing

@testable import JobFitEvaluation

@Suite struct BlendTunerTests {
  @Test func gridCoversTheSimplex() {
    let tuner = BlendTuner(channels: [.lexical, .skills, .resumeCoverage], step: 0.1)
    let grid = tuner.grid()
    // Compositions of 10 into 3 parts: C(12, 2) = 66.
    #expect(grid.count == 66)
    #expect(grid.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-9 && $0.allSatisfy { $0 >= 0 } })
    #expect(Set(grid.map { $0.map { Int(($0 * 10).rounded()) } }).count == 66)
    // Five channels at 0.1: C(14, 4) = 1001.
    #expect(BlendTuner(channels: [.lexical, .skills, .resumeCoverage, .lsa, .encoder]).grid().count == 1001)
  }

  @Test func topIndicesMatchAFullSort() {
    var generator = SystemRandomNumberGenerator()
    for trial in 0..<200 {
      let n = 1 + trial % 40
      // Few distinct values, so ties are common.
      let values = (0..<n).map { _ in Float(Int.random(in: 0..<6, using: &generator)) }
      let sorted = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
      for k in [1, 3, 10] {
        #expect(BlendTuner.topIndices(values, k: k) == Array(sorted.prefix(k)))
      }
    }
  }

  @Test func dcgIsTheLinearGainFormula() {
    // 3/log2(2) + 0/log2(3) + 1/log2(4) = 3 + 0 + 0.5
    #expect(abs(BlendTuner.dcg([3, 0, 1, 5], k: 3) - 3.5) < 1e-12)
  }

  /// Two channels; the gold item is ranked first only by the second channel. The tuner must
  /// put weight on it, and the objective of each grid point must equal nDCG@1 by hand.
  @Test func tunerPrefersTheChannelThatRanksRelevantFirst() throws {
    let tuner = BlendTuner(channels: [.lexical, .skills], step: 0.5, cutoff: 1)
    // candidates: A (gain 0), B (gain 1); lexical scores A 0.9, B 0.1; skills A 0.2, B 0.8.
    let query = BlendTuner.Query(scores: [0.9, 0.2, 0.1, 0.8], gains: [0, 1], idealDCG: 1)
    #expect(tuner.objective([1, 0], [[query]]) == 0)  // lexical alone ranks A first
    #expect(tuner.objective([0, 1], [[query]]) == 1)
    #expect(tuner.objective([0.5, 0.5], [[query]]) == 0)  // 0.55 vs 0.45: A first
    let outcome = try tuner.tune([[query]])
    #expect(outcome.objective == 1)
    #expect(outcome.weights[.skills] == 1)
    #expect(outcome.reference["lexical"] == 0)
  }

  /// Standardised search: scaling one channel's scores by 10 must not change the chosen point
  /// (only the raw weights, by the same factor), nor the objective reached.
  @Test func scalingAChannelDoesNotChangeTheChoice() throws {
    let tuner = BlendTuner(channels: [.lexical, .skills], step: 0.1, cutoff: 3)
    var state: UInt64 = 3
    func next() -> Float {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Float(state >> 40) / Float(1 << 24)
    }
    var queries: [BlendTuner.Query] = []
    var scaled: [BlendTuner.Query] = []
    for _ in 0..<30 {
      let gains = (0..<12).map { _ in next() < 0.3 ? 1.0 : 0.0 }
      guard gains.contains(1) else { continue }
      let scores = (0..<24).map { _ in next() }
      let ideal = BlendTuner.dcg(gains.sorted(by: >), k: 3)
      queries.append(.init(scores: scores, gains: gains, idealDCG: ideal))
      let tenfold = scores.enumerated().map { $0.offset % 2 == 0 ? $0.element * 10 : $0.element }
      scaled.append(.init(scores: tenfold, gains: gains, idealDCG: ideal))
    }
    let a = try tuner.tune([queries])
    let b = try tuner.tune([scaled])
    #expect(a.standardized == b.standardized)
    #expect(abs(a.objective - b.objective) < 1e-9)
    #expect(b.spread["lexical"].map { abs($0 / (a.spread["lexical"] ?? 1) - 10) < 1e-3 } == true)
  }

  /// Tasks of one dataset are averaged first: tasks scoring 1 and 0 in group 0 and 1 in group 1
  /// give (0.5 + 1) / 2 = 0.75, not the task mean 2/3.
  @Test func datasetsCountOnce() {
    var tuner = BlendTuner(channels: [.lexical], step: 1, cutoff: 1)
    let hit = BlendTuner.Query(scores: [1, 0], gains: [1, 0], idealDCG: 1)
    let miss = BlendTuner.Query(scores: [1, 0], gains: [0, 1], idealDCG: 1)
    #expect(abs(tuner.objective([1], [[hit], [miss], [hit]]) - 2.0 / 3) < 1e-12)
    tuner.taskGroups = [0, 0, 1]
    #expect(abs(tuner.objective([1], [[hit], [miss], [hit]]) - 0.75) < 1e-12)
  }
}
