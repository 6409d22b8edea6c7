import JobFitEvaluation
import Testing

/// Rank correlations against hand computation (the values scipy's kendalltau / spearmanr give).
@Suite struct GradedPoolTests {
  /// Ties on both sides: items 1 and 2 share a score, items 0 and 1 share a grade.
  let tied = GradedPool(scores: [0.9, 0.5, 0.5, 0.1], grades: [2, 2, 1, 0])

  @Test func kendallTauBWithTiesOnBothSides() throws {
    // Pairs: (0,1) grade tie; (0,2) C; (0,3) C; (1,2) score tie; (1,3) C; (2,3) C.
    // n_c = 4, n_d = 0, n_0 = 6, n_1 = 1 (score ties), n_2 = 1 (grade ties)
    // τ_b = 4 / sqrt(5 · 5) = 0.8
    let tau = try #require(tied.kendallTauB)
    #expect(abs(tau - 0.8) < 1e-12)
  }

  @Test func spearmanUsesAverageRanks() throws {
    // Score ranks [4, 2.5, 2.5, 1], grade ranks [3.5, 3.5, 2, 1]; both means 2.5.
    // Deviations x: [1.5, 0, 0, −1.5], y: [1, 1, −0.5, −1.5]
    // cov = 1.5 + 0 + 0 + 2.25 = 3.75; Σx² = 4.5; Σy² = 1 + 1 + 0.25 + 2.25 = 4.5
    // ρ = 3.75 / 4.5 = 0.8333…
    let rho = try #require(tied.spearmanRho)
    #expect(abs(rho - 3.75 / 4.5) < 1e-12)
  }

  @Test func pairwiseAccuracyCountsScoreTiesHalf() throws {
    // Pairs with different grades: (0,2) (0,3) (1,2) (1,3) (2,3) = 5;
    // all ordered right except (1,2), tied at 0.5 → (4 + 0.5) / 5 = 0.9
    let accuracy = try #require(tied.pairwiseAccuracy)
    #expect(abs(accuracy - 0.9) < 1e-12)
  }

  @Test func reversedOrderIsMinusOne() {
    let reversed = GradedPool(scores: [1, 2, 3, 4], grades: [4, 3, 2, 1])
    #expect(reversed.kendallTauB == -1)
    #expect(reversed.spearmanRho.map { abs($0 + 1) < 1e-12 } == true)
    #expect(reversed.pairwiseAccuracy == 0)
    let same = GradedPool(scores: [0.1, 0.2, 0.3], grades: [0, 1, 2])
    #expect(same.kendallTauB == 1)
    #expect(same.pairwiseAccuracy == 1)
  }

  @Test func undefinedWithoutVariation() {
    let flatGrades = GradedPool(scores: [0.3, 0.2, 0.1], grades: [1, 1, 1])
    #expect(flatGrades.kendallTauB == nil)
    #expect(flatGrades.spearmanRho == nil)
    #expect(flatGrades.pairwiseAccuracy == nil)
    #expect(flatGrades.metrics.isEmpty)
    let flatScores = GradedPool(scores: [0.5, 0.5], grades: [0, 1])
    #expect(flatScores.kendallTauB == nil)
    #expect(flatScores.spearmanRho == nil)
    #expect(flatScores.pairwiseAccuracy == 0.5)  // one pair, tied scores: a coin flip
    let single = GradedPool(scores: [1], grades: [1])
    #expect(single.kendallTauB == nil && single.spearmanRho == nil)
    let empty = GradedPool(scores: [], grades: [])
    #expect(empty.metrics.isEmpty)
  }

  /// Reference values from SciPy 1.17 (`kendalltau(s, g).statistic`, `spearmanr(s, g).statistic`)
  /// on pools with many ties on both sides, drawn once with
  /// `rng = numpy.random.default_rng(6); s = rng.integers(0, 4, n) / 4; g = rng.integers(0, 3, n)`.
  static let scipyCases: [(scores: [Double], grades: [Double], tau: Double, rho: Double)] = [
    ([0.25, 0.5, 0.5, 0.25, 0.75], [1, 1, 1, 1, 2], 0.7071067811865475, 0.7453559924999299),
    ([0, 0.5, 0.25, 0.5, 0.75, 0.25, 0.5, 0.5], [1, 0, 1, 0, 2, 2, 2, 0],
     -0.04761904761904762, -0.03378686891997429),
    ([0.75, 0.75, 0.5, 0.75, 0.75, 0.75, 0, 0, 0.25, 0, 0.5, 0.75],
     [2, 1, 1, 1, 2, 0, 2, 0, 1, 1, 2, 2], 0.17395415281425125, 0.18533643326646537),
  ]

  @Test(arguments: 0..<3) func matchesSciPy(index: Int) throws {
    let reference = Self.scipyCases[index]
    let pool = GradedPool(scores: reference.scores, grades: reference.grades)
    #expect(abs(try #require(pool.kendallTauB) - reference.tau) < 1e-12)
    #expect(abs(try #require(pool.spearmanRho) - reference.rho) < 1e-12)
  }

  @Test func averageRanksShareTies() {
    #expect(GradedPool.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
    #expect(GradedPool.averageRanks([7, 7, 7]) == [2, 2, 2])
    #expect(GradedPool.averageRanks([]) == [])
  }

  @Test func metricsNamesTheThree() {
    let set = tied.metrics
    #expect(set.names == ["kendall-tau-b", "spearman-rho", "pairwise-accuracy"])
    #expect(set["kendall-tau-b"] == tied.kendallTauB)
  }
}

@Suite struct MetricSetTests {
  @Test func keepsFirstSetOrderAndRemoves() {
    var set = MetricSet(["b": 1, "a": 2])
    set["b"] = 3
    set["c"] = 4
    #expect(set.names == ["b", "a", "c"])
    #expect(set["b"] == 3)
    set["a"] = nil
    #expect(set.names == ["b", "c"])
    #expect(set["a"] == nil)
  }

  @Test func meanIsOverTheSetsHoldingEachName() {
    // ndcg: (0.5 + 1.0) / 2 = 0.75; tau is only in the second set: 0.2 over one query.
    let sets = [MetricSet(["ndcg@10": 0.5]), MetricSet(["ndcg@10": 1.0, "tau": 0.2])]
    let mean = MetricSet.mean(of: sets)
    #expect(mean.names == ["ndcg@10", "tau"])
    #expect(mean["ndcg@10"] == 0.75)
    #expect(mean["tau"] == 0.2)
    #expect(MetricSet.counts(of: sets) == ["ndcg@10": 2, "tau": 1])
    #expect(MetricSet.values(of: "tau", in: sets) == [0.2])
    #expect(MetricSet.mean(of: []).isEmpty)
  }
}
