import JobFitCore
import JobFitEvaluation
import Testing

/// Ranking metrics against hand-computed values (trec_eval definitions).
@Suite struct JudgedRankingTests {
  /// Ranked a, b, c, d, e; judged a = 0, b = 3, d = 1 and x = 2 (x is relevant but not
  /// retrieved). R = 3 (b, d, x); gains by rank [0, 3, 0, 1, 0]; ideal gains [3, 2, 1, 0].
  let example = JudgedRanking(
    ranking: ["a", "b", "c", "d", "e"], gains: ["a": 0, "b": 3, "d": 1, "x": 2])

  @Test func judgementDefaults() {
    #expect(example.relevantCount == 3)
    #expect(example.idealGains == [3, 2, 1, 0])
    #expect(example.rankedGains == [0, 3, 0, 1, 0])
    #expect(example.isEvaluable)
  }

  @Test func ndcgWithGradedGains() {
    // DCG@5  = 3/log2(3) + 1/log2(5)              = 1.892789 + 0.430677 = 2.323466
    // IDCG@5 = 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.261860 + 0.5  = 4.761860
    #expect(abs(example.ndcg(at: 5) - 2.323466 / 4.761860) < 1e-6)
    #expect(abs(example.ndcg(at: 5) - 0.487932) < 1e-6)
    // @2: DCG = 3/log2(3) = 1.892789; IDCG = 3 + 2/log2(3) = 4.261860 → 0.444123
    #expect(abs(example.ndcg(at: 2) - 0.444123) < 1e-6)
    // @1: the top item is not relevant.
    #expect(example.ndcg(at: 1) == 0)
    // @10 runs past the list: DCG stays 2.323466, IDCG@10 = IDCG@5 (the ideal has 4 gains).
    #expect(abs(example.ndcg(at: 10) - example.ndcg(at: 5)) < 1e-12)
  }

  @Test func precisionDividesByK() {
    #expect(example.precision(at: 1) == 0)
    #expect(example.precision(at: 2) == 0.5)  // b
    #expect(example.precision(at: 5) == 0.4)  // b, d
    // k larger than the list: still divided by k (trec_eval): 2 / 10.
    #expect(example.precision(at: 10) == 0.2)
  }

  @Test func reciprocalRankAndAveragePrecision() {
    #expect(example.reciprocalRank == 0.5)  // first relevant at rank 2
    // AP = (P@2 + P@4) / R = (1/2 + 2/4) / 3 = 1/3; x (not retrieved) adds 0 but counts in R.
    #expect(abs(example.averagePrecision - 1.0 / 3) < 1e-12)
  }

  @Test func rPrecisionAndItsCutoff() {
    // R = 3: top 3 = a, b, c holds one relevant → 1/3.
    #expect(abs(example.rPrecision - 1.0 / 3) < 1e-12)
    // R-prec@2: min(3, 2) = 2; top 2 holds b → 1/2 (= P@2 since R ≥ k).
    #expect(example.rPrecision(at: 2) == 0.5)
    // R-prec@10: min(3, 10) = 3 → same as R-precision.
    #expect(example.rPrecision(at: 10) == example.rPrecision)
    // One relevant item at rank 1: R-prec@10 = 1/1 = 1 while P@10 = 1/10.
    let single = JudgedRanking(ranking: ["r", "n1", "n2"], gains: ["r": 1])
    #expect(single.rPrecision(at: 10) == 1)
    #expect(single.precision(at: 10) == 0.1)
  }

  @Test func perfectRankingScoresOne() {
    let perfect = JudgedRanking(
      ranking: ["b", "x", "d", "a"], gains: ["a": 0, "b": 3, "d": 1, "x": 2])
    #expect(abs(perfect.ndcg(at: 3) - 1) < 1e-12)
    #expect(perfect.averagePrecision == 1)
    #expect(perfect.rPrecision == 1)
    #expect(perfect.reciprocalRank == 1)
  }

  @Test func queryWithoutRelevantItems() {
    let none = JudgedRanking(ranking: ["a", "b"], gains: ["a": 0])
    #expect(!none.isEvaluable)
    #expect(none.relevantCount == 0)
    #expect(none.ndcg(at: 10) == 0)
    #expect(none.precision(at: 1) == 0)
    #expect(none.reciprocalRank == 0)
    #expect(none.averagePrecision == 0)
    #expect(none.rPrecision == 0)
    #expect(none.rPrecision(at: 5) == 0)
  }

  @Test func emptyRankingWithRelevantItems() {
    let empty = JudgedRanking(ranking: [], gains: ["a": 1])
    #expect(empty.isEvaluable)
    #expect(empty.ndcg(at: 5) == 0)
    #expect(empty.precision(at: 5) == 0)
    #expect(empty.reciprocalRank == 0)
    #expect(empty.averagePrecision == 0)
  }

  @Test func duplicatesAndNegativeGainsCountZero() {
    // The second "b" is not relevant again: gains by rank [1, 0, 1].
    let repeated = JudgedRanking(ranking: ["b", "b", "d"], gains: ["b": 1, "d": 1, "n": -2])
    #expect(repeated.rankedGains == [1, 0, 1])
    #expect(repeated.precision(at: 2) == 0.5)
    #expect(repeated.idealGains == [1, 1, 0])
    // AP = (1/1 + 2/3) / 2 = 5/6
    #expect(abs(repeated.averagePrecision - 5.0 / 6) < 1e-12)
  }

  @Test func explicitRelevantCountOverridesTheGains() {
    // Two relevant items exist but only one is in the gain map given: R = 2 halves AP.
    let partial = JudgedRanking(ranking: ["a"], gains: ["a": 1], relevantCount: 2)
    #expect(partial.averagePrecision == 0.5)
    #expect(partial.rPrecision == 0.5)
  }

  @Test func metricSetMatchesTheSingleMetrics() {
    let set = example.metrics(cutoffs: [2, 5, 2])
    #expect(set.names == ["ndcg@2", "p@2", "r-prec@2", "ndcg@5", "p@5", "r-prec@5",
                          "mrr", "map", "r-prec"])
    #expect(set["ndcg@5"] == example.ndcg(at: 5))
    #expect(set["p@2"] == example.precision(at: 2))
    #expect(set["r-prec@5"] == example.rPrecision(at: 5))
    #expect(set["mrr"] == example.reciprocalRank)
    #expect(set["map"] == example.averagePrecision)
    #expect(set["r-prec"] == example.rPrecision)
  }

  @Test func meanAveragePrecision() {
    // AP 1/3 and AP 1 → MAP 2/3.
    let perfect = JudgedRanking(ranking: ["a"], gains: ["a": 1])
    #expect(abs(JudgedRanking.meanAveragePrecision([example, perfect]) - 2.0 / 3) < 1e-12)
    #expect(JudgedRanking.meanAveragePrecision([]) == 0)
  }

  @Test func taskJudgementRespectsPools() {
    func document(_ id: String) -> Document {
      Document(id: id, sourcePath: "mem", format: .text, text: id)
    }
    let task = EvaluationTask(
      name: "t", dataset: "d", queryRole: .resume, queries: [document("q")],
      items: ["a", "b", "c"].map(document), gains: ["q": ["a": 2, "b": 1, "c": 3]],
      pools: ["q": ["a", "b"]], graded: true)
    let judged = task.judgedRanking(for: "q", ranking: ["b", "a"])
    // c is outside the pool: R = 2, ideal [2, 1].
    #expect(judged.relevantCount == 2)
    #expect(judged.idealGains == [2, 1])
    // DCG@2 = 1 + 2/log2(3) = 2.261860; IDCG@2 = 2 + 1/log2(3) = 2.630930 → 0.859719
    #expect(abs(judged.ndcg(at: 2) - 0.859719) < 1e-6)
    let unjudged = task.judgedRanking(for: "other", ranking: ["a"])
    #expect(!unjudged.isEvaluable)

    // The graded pool keeps pool order, skips unscored items and ignores c (outside the pool).
    let pool = task.gradedPool(for: "q", scores: ["b": 0.9, "a": 0.1, "c": 5])
    #expect(pool.scores == [0.1, 0.9])
    #expect(pool.grades == [2, 1])
    #expect(pool.kendallTauB == -1)
    #expect(task.gradedPool(for: "q", scores: ["b": 1]).scores == [1])
  }
}

@Suite struct RankedIDsTests {
  @Test func scoresDescendingTiesByID() {
    let ids = ["c", "a", "d", "b", "e"]
    let scores: [Float] = [0.5, 0.5, 0.9, .nan, 0.1]
    // d (0.9); a and c tie at 0.5 → a first; e (0.1); b (NaN) last.
    #expect(JudgedRanking.rankedIDs(ids, by: scores) == ["d", "a", "c", "e", "b"])
    #expect(JudgedRanking.rankedIDs(ids, by: scores, limit: 2) == ["d", "a"])
    #expect(JudgedRanking.rankedIDs(ids, by: scores, limit: 10).count == 5)
  }

  @Test func tieBreakDecidesBinaryMetrics() {
    // Relevant "z" ties with non-relevant "a" at the top: the id order puts "a" first, so
    // P@1 = 0 and RR = 1/2, whatever the input order.
    let gains: [String: Double] = ["z": 1]
    let forward = JudgedRanking.rankedIDs(["z", "a"], by: [Float(1), 1])
    let backward = JudgedRanking.rankedIDs(["a", "z"], by: [Float(1), 1])
    #expect(forward == backward)
    let judged = JudgedRanking(ranking: forward, gains: gains)
    #expect(judged.precision(at: 1) == 0)
    #expect(judged.reciprocalRank == 0.5)
  }
}

@Suite struct RankingMetricPropertyTests {
  /// Random judged lists (seeded): every metric lies in [0, 1], and the ideal ordering scores 1.
  @Test func boundsAndIdealOrdering() {
    var generator = SplitMix64(seed: 2026)
    for _ in 0..<200 {
      let count = 1 + generator.next(below: 30)
      let ids = (0..<count).map { "i\($0)" }
      var gains: [String: Double] = [:]
      for id in ids where generator.next(below: 3) == 0 { gains[id] = Double(generator.next(below: 4)) }
      var shuffled = ids
      shuffled.shuffle(using: &generator)
      let judged = JudgedRanking(ranking: shuffled, gains: gains)
      for value in judged.metrics(cutoffs: [1, 5, 10]).values.values {
        #expect(value >= 0 && value <= 1 + 1e-12)
      }
      guard judged.isEvaluable else { continue }
      let ideal = JudgedRanking(
        ranking: ids.sorted { (gains[$0] ?? 0, $1) > (gains[$1] ?? 0, $0) }, gains: gains)
      #expect(abs(ideal.ndcg(at: 10) - 1) < 1e-12)
      #expect(ideal.averagePrecision == 1)
      #expect(ideal.rPrecision == 1)
      #expect(ideal.reciprocalRank == 1)
      #expect(judged.ndcg(at: 10) <= ideal.ndcg(at: 10) + 1e-12)
    }
  }
}
