import Foundation
import JobFitCore

/// Okapi BM25 (Robertson & Zaragoza 2009) as two sparse matrices whose dot product is the
/// BM25 score, so the lexical baseline runs through the same sparse scoring as TF-IDF.
///
/// For query *q* and item *d* over the shared vocabulary:
///
///     score(q, d) = Σ_t qtf(q, t) · w(t, d)
///     w(t, d)     = idf(t) · tf(t, d) · (k1 + 1) / (tf(t, d) + k1 · (1 − b + b · dl(d) / avgdl))
///     idf(t)      = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5))
///
/// The item row holds `w(t, d)`, the query row the raw counts `qtf(q, t)` (a query term that
/// repeats counts again, as in Lucene's boolean query over repeated clauses). `tf` is the count
/// of `t` in the item, `dl` the item's number of terms after analysis, `avgdl` their mean,
/// `N` the number of items and `df(t)` the number of items holding `t`. All statistics are
/// fitted on the items only: queries are the unseen side.
///
/// The idf is Lucene's (`BM25Similarity.idf`), always positive, unlike Robertson's original
/// `ln((N − df + 0.5) / (df + 0.5))`, which goes negative for terms in over half the items.
/// Departures from Lucene: the `(k1 + 1)` factor is kept (Lucene ≥ 8 drops it; it scales
/// every score alike and changes no ranking), and document lengths are exact (Lucene stores
/// them in one lossy byte).
///
/// Defaults `k1 = 1.2`, `b = 0.75` are Lucene's and Elasticsearch's.
///
/// ```swift
/// let bm25 = try BM25Configuration().fitTransform(queries: resumes, items: postings)
/// let scores = try bm25.queries.dotProducts(with: bm25.items)  // resumes × postings
/// ```
public struct BM25Configuration: Sendable, Hashable, Codable {
  /// Term-frequency saturation `k1` ≥ 0 (default 1.2): 0 ignores repeats, larger values let
  /// repeats count longer before saturating.
  public var k1: Double
  /// Length normalisation `b` in [0, 1] (default 0.75): 0 ignores item length, 1 divides term
  /// frequency fully by relative length.
  public var b: Double

  public init(k1: Double = 1.2, b: Double = 0.75) {
    self.k1 = k1
    self.b = b
  }

  /// Analyzes `queries` and `items` with `analyzer`, fits the statistics on the items and
  /// returns both sides as BM25 vectors.
  ///
  /// - Parameters:
  ///   - queries: query texts (one row each in `queries` of the result).
  ///   - items: item texts; they define the vocabulary, `N`, `df` and `avgdl`.
  ///   - analyzer: turns a text into terms (JobFit's English analyzer by default).
  /// - Throws: `JobFitError.invalidParameter` for `k1` or `b` out of range;
  ///   `JobFitError.emptyCorpus` when the items hold no terms.
  /// - Complexity: O(*t* + *v* log *v*) for *t* tokens and *v* distinct item terms; analysis
  ///   runs on all cores.
  public func fitTransform(
    queries: [String], items: [String], analyzer: any TextAnalyzer = Analyzer.english
  ) throws -> BM25Vectors {
    try validate()
    return try fitTransform(
      queryTerms: Self.analyze(queries, with: analyzer),
      itemTerms: Self.analyze(items, with: analyzer))
  }

  /// As ``fitTransform(queries:items:analyzer:)``, for documents already analyzed into terms.
  public func fitTransform(queryTerms: [[String]], itemTerms: [[String]]) throws -> BM25Vectors {
    try validate()
    let counts = ItemCounts(itemTerms)
    guard counts.totalLength > 0 else { throw JobFitError.emptyCorpus }
    let n = Double(itemTerms.count)
    let averageLength = Double(counts.totalLength) / n

    // Vocabulary in code point order (UTF-8 byte order), as the TF-IDF models order theirs.
    let order = (0..<counts.table.count).sorted {
      counts.table.bytes($0).lexicographicallyPrecedes(counts.table.bytes($1))
    }
    var columnOfID = [Int32](repeating: 0, count: order.count)
    for (column, id) in order.enumerated() { columnOfID[id] = Int32(column) }
    let idf = order.map { id -> Double in
      let df = Double(counts.documentFrequency[id])
      return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    var items = SparseRowBuilder(columns: order.count)
    for (row, length) in counts.lengths.enumerated() {
      let norm = k1 * (1 - b + b * Double(length) / averageLength)
      items.appendRow(counts.row(row).map { id, tf in
        let column = columnOfID[Int(id)]
        let frequency = Double(tf)
        return (column, idf[Int(column)] * frequency * (k1 + 1) / (frequency + norm))
      })
    }

    var queries = SparseRowBuilder(columns: order.count)
    for terms in queryTerms {
      var tally: [Int32: Int] = [:]
      for var term in terms {
        if let id = term.withUTF8({ counts.table.id(of: $0) }) {
          tally[columnOfID[Int(id)], default: 0] += 1
        }
      }
      queries.appendRow(tally.map { ($0.key, Double($0.value)) })
    }

    return BM25Vectors(
      configuration: self, terms: order.map { counts.table.term($0) },
      inverseDocumentFrequency: idf, averageItemLength: averageLength,
      queries: queries.matrix(), items: items.matrix())
  }

  /// Throws `JobFitError.invalidParameter` unless `k1 ≥ 0` and `0 ≤ b ≤ 1`, both finite.
  public func validate() throws {
    guard k1.isFinite, k1 >= 0 else {
      throw JobFitError.invalidParameter(name: "k1", value: "\(k1)", expected: "a finite k1 ≥ 0")
    }
    guard b.isFinite, b >= 0, b <= 1 else {
      throw JobFitError.invalidParameter(name: "b", value: "\(b)", expected: "b in 0...1")
    }
  }
}

/// The fitted BM25 statistics and both sides' vectors (see ``BM25Configuration``).
public struct BM25Vectors: Sendable {
  /// The parameters used.
  public let configuration: BM25Configuration
  /// The vocabulary: every term of the items, in code point order; column *j* is `terms[j]`.
  public let terms: [String]
  /// `idf(t)` of each column (Lucene's form).
  public let inverseDocumentFrequency: [Double]
  /// `avgdl`: the mean number of terms per item.
  public let averageItemLength: Double
  /// One row per query: raw counts of its in-vocabulary terms.
  public let queries: CSRMatrix
  /// One row per item: `w(t, d)`, so `queries · itemsᵀ` is the BM25 score matrix.
  public let items: CSRMatrix
}
