import LinearAlgebra

/// Which analyzer turns text into terms.
public enum AnalyzerChoice: Codable, Sendable, Equatable {
  /// JobFit's analyzer: NFKC, case folding, technical tokens, stop words and Snowball stemming
  /// for `language` (default "english").
  case standard(language: String)
  /// scikit-learn's default TfidfVectorizer analysis (lowercase, `(?u)\b\w\w+\b`): for parity
  /// checks and baselines.
  case sklearn

  public static let `default` = AnalyzerChoice.standard(language: "english")

  /// The analyzer this choice names.
  ///
  /// - Throws: `JobFitError.unsupportedLanguage` for a language without a Snowball stemmer.
  public func makeAnalyzer() throws -> any TextAnalyzer {
    switch self {
    case let .standard(language): try Analyzer(language: language)
    case .sklearn: SklearnAnalyzer()
    }
  }
}

/// Everything that decides a score; plain values, validated when used.
public struct MatchConfiguration: Codable, Sendable, Equatable {
  public var analyzer: AnalyzerChoice
  public var tfidf: TFIDFConfiguration
  public var weights: ChannelWeights

  /// JobFit's defaults: the standard English analyzer; TF-IDF with sublinear tf (long résumés
  /// repeat words without being more relevant), smoothed idf and l2 norm; lexical channel only.
  public init(
    analyzer: AnalyzerChoice = .default,
    tfidf: TFIDFConfiguration = MatchConfiguration.defaultTFIDF,
    weights: ChannelWeights = .default
  ) {
    self.analyzer = analyzer
    self.tfidf = tfidf
    self.weights = weights
  }

  public static var defaultTFIDF: TFIDFConfiguration {
    var configuration = TFIDFConfiguration()
    configuration.sublinearTermFrequency = true
    return configuration
  }
}

/// Scores documents against each other and ranks them.
///
/// The vector space is fitted on the documents of the call (queries and items together), so
/// idf reflects the collection being searched — the usual choice for ad-hoc ranking; a saved
/// model can be used instead once indexes exist.
public struct MatchEngine: Sendable {
  public let configuration: MatchConfiguration
  private let analyzer: any TextAnalyzer

  /// - Throws: `JobFitError` when the configuration names an unavailable analyzer.
  public init(configuration: MatchConfiguration = MatchConfiguration()) throws {
    self.configuration = configuration
    self.analyzer = try configuration.analyzer.makeAnalyzer()
  }

  /// Postings ranked for one résumé, best first, at most `limit` of them.
  public func rank(resume: Document, postings: [Document], limit: Int) throws -> RankResult {
    let result = try score(queries: [resume], items: postings, limit: limit)
    return RankResult(resume: DocumentSummary(resume), results: result.first?.results ?? [])
  }

  /// For every query, the `limit` best items, best first.
  ///
  /// Items are ordered by id before scoring, so equal scores rank by id and the output does not
  /// depend on input order. `progress` receives the number of queries done so far.
  ///
  /// - Throws: `JobFitError.emptyCorpus` when no document has a term left after analysis.
  public func score(
    queries: [Document], items: [Document], limit: Int,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [QueryResult] {
    guard limit > 0 else {
      throw JobFitError.invalidParameter(name: "limit", value: "\(limit)", expected: "≥ 1")
    }
    let items = items.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    let texts = items.map(\.text) + queries.map(\.text)
    let matrix = try configuration.tfidf.fitTransform(texts, analyzer: analyzer).matrix
    let itemRows = matrix.rowSlice(0..<items.count)
    let queryRows = matrix.rowSlice(items.count..<texts.count)
    let lexical = try SparseScorer().topK(
      queries: queryRows, items: itemRows, k: limit, progress: progress)
    let weights = configuration.weights
    return zip(queries, lexical).map { query, hits in
      let matches = hits.enumerated().map { position, hit in
        let channels: [Channel: Double] = [.lexical: Double(hit.score)]
        let blended = channels.reduce(0) { $0 + weights[$1.key] * $1.value }
        return Match(
          rank: position + 1, document: DocumentSummary(items[Int(hit.index)]),
          score: blended, channels: Dictionary(uniqueKeysWithValues: channels.map { ($0.rawValue, $1) }))
      }
      return QueryResult(query: DocumentSummary(query), results: matches)
    }
  }
}
