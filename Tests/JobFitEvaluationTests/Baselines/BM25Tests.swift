import JobFitCore
import JobFitEvaluation
import LinearAlgebra
import Testing

/// BM25 on three tiny items, computed by hand.
///
/// Items: d0 = a b a (dl 3), d1 = b c (dl 2), d2 = a c c d (dl 4); N = 3, avgdl = 9/3 = 3.
/// df: a 2, b 2, c 2, d 1.
/// idf(df = 2) = ln(1 + (3 − 2 + 0.5)/(2 + 0.5)) = ln 1.6 = 0.4700036
/// idf(df = 1) = ln(1 + (3 − 1 + 0.5)/(1 + 0.5)) = ln 2.6667 = 0.9808293
/// Length norm K = k1 (1 − b + b dl/avgdl) with k1 = 1.2, b = 0.75:
///   d0: 1.2 (0.25 + 0.75) = 1.2;  d1: 1.2 (0.25 + 0.5) = 0.9;  d2: 1.2 (0.25 + 1.0) = 1.5
/// w = idf · tf · 2.2 / (tf + K):
///   d0: a (tf 2) 0.4700036 · 4.4 / 3.2 = 0.6462550;  b (tf 1) 0.4700036 · 2.2 / 2.2 = 0.4700036
///   d1: b, c (tf 1) 0.4700036 · 2.2 / 1.9 = 0.5442147
///   d2: a 0.4700036 · 2.2 / 2.5 = 0.4136032;  c (tf 2) 0.4700036 · 4.4 / 3.5 = 0.5908617;
///       d 0.9808293 · 2.2 / 2.5 = 0.8631297
@Suite struct BM25Tests {
  static let items = [["a", "b", "a"], ["b", "c"], ["a", "c", "c", "d"]]
  /// "z" is not an item term and is dropped; "a" counts twice.
  static let queries = [["a", "a", "z", "d"], ["z"]]

  @Test func itemWeightsMatchTheHandComputation() throws {
    let bm25 = try BM25Configuration().fitTransform(queryTerms: Self.queries, itemTerms: Self.items)
    #expect(bm25.terms == ["a", "b", "c", "d"])
    #expect(abs(bm25.averageItemLength - 3) < 1e-12)
    #expect(abs(bm25.inverseDocumentFrequency[0] - 0.4700036) < 1e-6)
    #expect(abs(bm25.inverseDocumentFrequency[3] - 0.9808293) < 1e-6)
    let expected: [[Float]] = [
      [0.6462550, 0.4700036, 0, 0],
      [0, 0.5442147, 0.5442147, 0],
      [0.4136032, 0, 0.5908617, 0.8631297],
    ]
    let dense = bm25.items.dense()
    for (row, values) in expected.enumerated() {
      for (column, value) in values.enumerated() {
        #expect(abs(dense[row][column] - value) < 1e-6, "item \(row), term \(column)")
      }
    }
    #expect(bm25.items.nonzeroCount == 7)
  }

  @Test func queryRowsHoldRawCountsAndDotGivesTheScore() throws {
    let bm25 = try BM25Configuration().fitTransform(queryTerms: Self.queries, itemTerms: Self.items)
    #expect(bm25.queries.dense() == [[2, 0, 0, 1], [0, 0, 0, 0]])
    let scores = try bm25.queries.dotProducts(with: bm25.items)
    // q0 · d0 = 2 · 0.6462550 = 1.2925100; q0 · d1 = 0;
    // q0 · d2 = 2 · 0.4136032 + 0.8631297 = 1.6903361; q1 scores 0 everywhere.
    #expect(abs(scores[0, 0] - 1.2925100) < 1e-5)
    #expect(scores[0, 1] == 0)
    #expect(abs(scores[0, 2] - 1.6903361) < 1e-5)
    #expect(scores.row(1) == [0, 0, 0])
  }

  @Test func parametersChangeTheWeights() throws {
    // b = 0: no length normalisation; K = k1 = 1.2 for every item, so d1's b weight equals
    // d0's: 0.4700036 · 2.2 / 2.2 = 0.4700036.
    let flat = try BM25Configuration(b: 0).fitTransform(queryTerms: [], itemTerms: Self.items)
    #expect(abs(flat.items.dense()[1][1] - 0.4700036) < 1e-6)
    // k1 = 0: w = idf · tf · 1 / tf = idf whatever the frequency.
    let binary = try BM25Configuration(k1: 0).fitTransform(queryTerms: [], itemTerms: Self.items)
    #expect(abs(binary.items.dense()[2][2] - 0.4700036) < 1e-6)
    #expect(flat.queries.rows == 0)
  }

  @Test func textsGoThroughTheAnalyzer() throws {
    let items = ["Swift engineers write Swift.", "Python engineer", "Kubernetes operations"]
    let queries = ["swift engineering"]
    let analyzer = Analyzer.english
    let fromText = try BM25Configuration().fitTransform(queries: queries, items: items)
    let fromTerms = try BM25Configuration().fitTransform(
      queryTerms: queries.map { analyzer.terms(in: $0) },
      itemTerms: items.map { analyzer.terms(in: $0) })
    #expect(fromText.items == fromTerms.items)
    #expect(fromText.queries == fromTerms.queries)
    #expect(fromText.terms.contains("engin"))  // stemmed by the English analyzer
    let scores = try fromText.queries.dotProducts(with: fromText.items)
    // The first item shares "swift" (twice) and "engin"; the second only "engin".
    #expect(scores[0, 0] > scores[0, 1])
    #expect(scores[0, 1] > 0)
    #expect(scores[0, 2] == 0)
  }

  @Test func invalidInputThrows() {
    #expect(throws: JobFitError.invalidParameter(name: "b", value: "1.5", expected: "b in 0...1")) {
      try BM25Configuration(b: 1.5).fitTransform(queryTerms: [], itemTerms: Self.items)
    }
    #expect(throws: JobFitError.self) {
      try BM25Configuration(k1: -1).fitTransform(queryTerms: [], itemTerms: Self.items)
    }
    #expect(throws: JobFitError.emptyCorpus) {
      try BM25Configuration().fitTransform(queryTerms: [["a"]], itemTerms: [[], []])
    }
    #expect(throws: JobFitError.emptyCorpus) {
      try BM25Configuration().fitTransform(queryTerms: [["a"]], itemTerms: [])
    }
  }
}
