import Dispatch
import Foundation
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
  /// repeat words without being more relevant), smoothed idf and l2 norm; the default channel
  /// weights.
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

/// Scores documents against each other, ranks them, and explains each kept pair.
///
/// The vector space is fitted on the documents of the call (queries and items together), so idf
/// reflects the collection being searched. Each channel is a dot product of one vector per
/// document, so the blend `Σ w_c × s_c` is the dot product of concatenated vectors (the query side
/// scaled by the weights): one exact sparse top-k pass ranks every pair without an N×M matrix.
/// The kept pairs are then rescored in `Double` by `PairExplainer`.
public struct MatchEngine: Sendable {
  public let configuration: MatchConfiguration
  let analyzer: any TextAnalyzer
  let profiler: SkillProfiler?
  private let encoder: SentenceEncoder?

  /// - Throws: `JobFitError` when the configuration names an unavailable analyzer, or a skills
  ///   channel is on and the taxonomy is missing.
  public init(configuration: MatchConfiguration = MatchConfiguration()) throws {
    self.configuration = configuration
    self.analyzer = try configuration.analyzer.makeAnalyzer()
    if configuration.weights.needsSkills {
      let language: String
      if case let .standard(l) = configuration.analyzer { language = l } else { language = "english" }
      let matcher = try SkillMatcher.shared(language: language)
      self.profiler = SkillProfiler(matcher: matcher)
    } else {
      self.profiler = nil
    }
    if configuration.weights[.encoder] > 0 {
      let location = ModelLocation.resolve()
      guard location.isInstalled else {
        throw JobFitError.externalTool(
          tool: "sentence encoder", path: location.directory.path,
          reason: "all-MiniLM-L6-v2 is not installed; run scripts/install_model.sh")
      }
      self.encoder = try SentenceEncoder(modelDirectory: location.directory)
    } else {
      self.encoder = nil
    }
  }

  /// Whether the sentence encoder's files are installed (the encoder channel can be used).
  public static var encoderInstalled: Bool { ModelLocation.resolve().isInstalled }

  /// Postings ranked for one résumé, best first, at most `limit` of them.
  public func rank(
    resume: Document, postings: [Document], limit: Int, explain: Bool = false
  ) throws -> RankResult {
    let result = try score(
      queries: [resume], items: postings, queryRole: .resume, limit: limit, explain: explain)
    return RankResult(resume: DocumentSummary(resume), results: result.first?.results ?? [])
  }

  /// For every query, the `limit` best items, best first.
  ///
  /// Items are ordered by id before scoring, so equal scores rank by id and the output does not
  /// depend on input order. `progress` receives the number of queries done so far.
  ///
  /// - Parameter queryRole: what the queries are; items are the other role.
  /// - Throws: `JobFitError.emptyCorpus` when no document has a term left after analysis.
  public func score(
    queries: [Document], items: [Document], queryRole: DocumentRole = .posting, limit: Int,
    explain: Bool = false, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [QueryResult] {
    guard limit > 0 else {
      throw JobFitError.invalidParameter(name: "limit", value: "\(limit)", expected: "≥ 1")
    }
    let items = items.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    let run = try prepare(queries: queries, items: items, queryRole: queryRole)
    let (texts, fitted, itemRole) = (run.texts, run.fitted, run.itemRole)
    let (lexicalItems, lexicalQueries) = (run.lexicalItems, run.lexicalQueries)
    let (itemProfiles, queryProfiles) = (run.itemProfiles, run.queryProfiles)
    let (specificity, titles) = (run.specificity, run.titles)
    let weights = configuration.weights
    let blocks = ChannelBlocks(
      weights: weights, vocabulary: fitted.model.dimension,
      taxonomy: profiler?.matcher.taxonomy, specificity: specificity,
      titleVocabulary: titles?.terms.count ?? 0)
    let queryRows = blocks.rows(
      lexical: lexicalQueries, profiles: queryProfiles, role: queryRole, weighted: true,
      titles: titles?.queries)
    let itemRows = blocks.rows(
      lexical: lexicalItems, profiles: itemProfiles, role: itemRole, weighted: false,
      titles: titles?.items)
    let dense = try semanticVectors(texts: texts, tfidf: fitted.matrix, itemCount: items.count)
    let hits: [[ScoredIndex]]
    if weights.needsDense {
      let (denseItems, denseQueries) = try dense.blocks(weights: weights, itemCount: items.count)
      hits = try HybridScorer().topK(
        sparseQueries: queryRows, sparseItems: itemRows, denseQueries: denseQueries,
        denseItems: denseItems, k: limit, progress: progress)
    } else {
      hits = try SparseScorer().topK(
        queries: queryRows, items: itemRows, k: limit, progress: progress)
    }

    let explainer = PairExplainer(
      weights: weights, taxonomy: profiler?.matcher.taxonomy, terms: fitted.model.terms,
      specificity: specificity, detailed: explain, titleTerms: titles?.terms ?? [])
    // Each query's kept pairs are rescored and explained independently: in parallel over
    // queries (a tenth of an end-to-end run of 50,000 résumés went to this loop on one core).
    let result: @Sendable (Int) -> QueryResult = { q in
      var scored = hits[q].map { hit -> (index: Int, result: PairExplainer.Result) in
        let i = Int(hit.index)
        let (posting, resume) = queryRole == .posting
          ? (queryProfiles?[q], itemProfiles?[i]) : (itemProfiles?[i], queryProfiles?[q])
        let (p, r) = queryRole == .posting ? (items.count + q, i) : (i, items.count + q)
        let title = titles.map {
          let (postingSide, resumeSide) = queryRole == .posting
            ? ($0.queryOccupations[q], $0.itemOccupations[i])
            : ($0.itemOccupations[i], $0.queryOccupations[q])
          return PairExplainer.Titles(
            query: $0.queries.row(q), item: $0.items.row(i), postingOccupations: postingSide,
            resumeOccupations: resumeSide)
        }
        let semantic = PairExplainer.Semantic(
          postingEmbedding: dense.embeddings?[p], resumeEmbedding: dense.embeddings?[r],
          postingText: texts[p], resumeText: texts[r], postingLSA: dense.lsa?.row(p),
          resumeLSA: dense.lsa?.row(r))
        return (
          i,
          explainer.explain(
            queryRow: lexicalQueries.row(q), itemRow: lexicalItems.row(i), posting: posting,
            resume: resume, semantic: semantic, titles: title)
        )
      }
      scored.sort { $0.result.score != $1.result.score ? $0.result.score > $1.result.score : $0.index < $1.index }
      let matches = scored.enumerated().map { position, pair in
        Match(
          rank: position + 1, document: DocumentSummary(items[pair.index]),
          score: pair.result.score,
          channels: Dictionary(uniqueKeysWithValues: pair.result.channels.map { ($0.rawValue, $1) }),
          skills: pair.result.skills, explanation: explain ? pair.result.explanation : nil)
      }
      return QueryResult(query: DocumentSummary(queries[q]), results: matches)
    }
    var output = [QueryResult?](repeating: nil, count: queries.count)
    output.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: queries.count) { q in out.value[q] = result(q) }
    }
    return output.compactMap { $0 }
  }

  /// Encoder embeddings and LSA vectors of all documents (items first, then queries), as the
  /// enabled channels need them.
  private func semanticVectors(texts: [String], tfidf: CSRMatrix, itemCount: Int) throws
    -> SemanticVectors
  {
    var result = SemanticVectors()
    if let encoder { result.embeddings = try encoder.encodeDocuments(texts) }
    if configuration.weights[.lsa] > 0 { result.lsa = try Self.lsaVectors(tfidf) }
    return result
  }

  /// Title vectors of the run (see `TitleChannel`), or nil when the title channel is off.
  func titleVectors(items: [Document], queries: [Document], queryRole: DocumentRole) throws
    -> TitleVectors?
  {
    guard configuration.weights[.title] > 0 else { return nil }
    return try TitleVectors(
      items: items, itemRole: queryRole == .posting ? .resume : .posting, queries: queries,
      queryRole: queryRole, configuration: configuration.tfidf,
      analyzer: try TitleChannel.analyzer(for: configuration.analyzer),
      occupations: try TitleChannel.occupations(for: configuration.analyzer))
  }

  /// LSA vectors of the run's documents: the truncated SVD of their TF-IDF matrix with up to 256
  /// components (fewer when the matrix is smaller), each document folded in.
  static func lsaVectors(_ tfidf: CSRMatrix) throws -> Matrix {
    let k = min(256, max(1, min(tfidf.rows, tfidf.columns) - 1))
    return try LSAModel.fit(tfidf, components: k).embed(tfidf)
  }

  /// Skill profiles of `documents` (in parallel), or nil when no skills channel is on.
  func profiles(_ documents: [Document], as role: DocumentRole) -> [SkillProfile]? {
    guard let profiler else { return nil }
    var result = [SkillProfile?](repeating: nil, count: documents.count)
    result.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: documents.count) { i in
        out.value[i] = profiler.profile(documents[i], as: role)
      }
    }
    return result.map { $0 ?? SkillProfile(role: role, skills: [], experienceYears: nil, experienceRequirements: [], degree: nil, languages: []) }
  }
}

/// Dense vectors of one scoring run, one row per document (items first, then queries).
struct SemanticVectors {
  var embeddings: [DocumentEmbedding]?
  var lsa: Matrix?

  /// Item and query matrices laid side by side (encoder columns, then LSA columns), the query
  /// side scaled by the channel weights so `query · item = Σ w_c × cosine_c`.
  func blocks(weights: ChannelWeights, itemCount: Int) throws -> (items: Matrix, queries: Matrix) {
    let e = embeddings?.first?.vector.count ?? 0
    let l = lsa?.columns ?? 0
    let total = (embeddings?.count ?? lsa?.rows ?? 0)
    let width = e + l
    var items = Matrix(rows: itemCount, columns: width)
    var queries = Matrix(rows: total - itemCount, columns: width)
    for doc in 0..<total {
      let isItem = doc < itemCount
      let row = isItem ? doc : doc - itemCount
      let we = Float(isItem ? 1 : weights[.encoder])
      let wl = Float(isItem ? 1 : weights[.lsa])
      if let embeddings {
        for j in 0..<e {
          let v = embeddings[doc].vector[j] * we
          if isItem { items[row, j] = v } else { queries[row, j] = v }
        }
      }
      if let lsa {
        for j in 0..<l {
          let v = lsa[doc, j] * wl
          if isItem { items[row, e + j] = v } else { queries[row, e + j] = v }
        }
      }
    }
    return (items, queries)
  }
}
