import Foundation
import JobFitCore
import LinearAlgebra

/// A ranking system under evaluation: one channel alone, a blend, or a baseline.
public enum EvaluationSystem: Hashable, Sendable, Codable, CustomStringConvertible {
  /// One JobFit channel alone.
  case channel(Channel)
  /// A blend of channels; `name` tells which ("default", "tuned").
  case blend(String)
  /// scikit-learn's default TfidfVectorizer analysis and weighting, cosine (the plain baseline).
  case tfidf
  /// Okapi BM25 (k1 1.2, b 0.75) with JobFit's analyzer; the query side is raw term counts.
  case bm25

  public var description: String {
    switch self {
    case let .channel(c): c.rawValue
    case let .blend(name): "blend:\(name)"
    case .tfidf: "tfidf"
    case .bm25: "bm25"
    }
  }

  /// Parses `description`.
  public init?(_ text: String) {
    switch text {
    case "tfidf": self = .tfidf
    case "bm25": self = .bm25
    default:
      if text.hasPrefix("blend:") {
        self = .blend(String(text.dropFirst(6)))
      } else if let channel = Channel(rawValue: text) {
        self = .channel(channel)
      } else {
        return nil
      }
    }
  }
}

/// Scores of every system for every (posting, résumé) pair of the evaluated documents.
///
/// All tasks' documents are scored together: TF-IDF, BM25 and LSA are fitted on the union (no
/// labels are used, so fitting on test documents leaks nothing), and a posting↔résumé pair has
/// one score per channel whichever side is the query. BM25 is the exception: it is asymmetric,
/// so it keeps one matrix per direction.
public struct ScoreTable: Sendable {
  public let postingIDs: [String]
  public let resumeIDs: [String]
  let postingIndex: [String: Int]
  let resumeIndex: [String: Int]
  /// postings × résumés, per channel.
  public let channels: ChannelScoreMatrices
  /// postings × résumés.
  let tfidf: Matrix
  /// BM25 with postings as queries (postings × résumés) and with résumés as queries
  /// (résumés × postings).
  let bm25PostingQueries: Matrix
  let bm25ResumeQueries: Matrix

  /// The channels with scores in this table.
  public var availableChannels: [Channel] { channels.scores.keys.sorted() }

  /// A score function for `system` over (query id, item id) pairs of a task whose queries
  /// have `queryRole`. Blends need `weights`.
  func scorer(
    _ system: EvaluationSystem, queryRole: DocumentRole, weights: ChannelWeights? = nil
  ) -> (_ query: String, _ item: String) -> Float {
    let matrix: Matrix
    var transposedLookup = queryRole == .resume
    switch system {
    case let .channel(c):
      matrix = channels.scores[c] ?? Matrix(rows: postingIDs.count, columns: resumeIDs.count)
    case .blend:
      matrix = channels.blend(weights ?? .default)
    case .tfidf:
      matrix = tfidf
    case .bm25:
      matrix = queryRole == .posting ? bm25PostingQueries : bm25ResumeQueries
      transposedLookup = false
    }
    let (rows, columns) =
      system == .bm25 && queryRole == .resume
      ? (resumeIndex, postingIndex) : (postingIndex, resumeIndex)
    return { query, item in
      let (r, c) = transposedLookup ? (item, query) : (query, item)
      guard let i = rows[r], let j = columns[c] else { return -.infinity }
      return matrix[i, j]
    }
  }
}

extension ScoreTable {
  /// Scores every posting against every résumé with each of `channels` and the baselines.
  ///
  /// - Parameters:
  ///   - cacheDirectory: where encoder vectors are cached (only used with `.encoder`).
  ///   - choice: the analyzer of the JobFit channels and BM25 (the TF-IDF baseline always
  ///     uses scikit-learn's analysis).
  ///   - log: progress lines (counts and timings only, never document text).
  public static func compute(
    postings: [Document], resumes: [Document], channels: [Channel], cacheDirectory: URL,
    analyzer choice: AnalyzerChoice = .default, log: (String) -> Void = { _ in }
  ) throws -> ScoreTable {
    let clock = ContinuousClock()
    var start = clock.now
    func lap(_ what: String) {
      let elapsed = clock.now - start
      log("\(what): \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1))))")
      start = clock.now
    }
    let engineChannels = channels.filter { $0 != .encoder }
    var weights: [Channel: Double] = [:]
    for c in engineChannels { weights[c] = 1 }
    // With only the encoder asked for, the engine still fits TF-IDF (LSA and the channels need
    // a configuration with a positive weight) but computes no channel matrix.
    let engine = try MatchEngine(
      configuration: MatchConfiguration(
        analyzer: choice, weights: weights.isEmpty ? .lexicalOnly : try ChannelWeights(weights)))
    var matrices = try engine.channelScores(
      queries: postings, items: resumes, queryRole: .posting, channels: engineChannels)
    lap("channels \(engineChannels.map(\.rawValue).joined(separator: ","))")

    if channels.contains(.encoder) {
      let location = ModelLocation.resolve()
      try location.validate()
      let encoder = try SentenceEncoder(modelDirectory: location.directory)
      var cache = EncoderCache(
        directory: cacheDirectory, model: location, dimension: encoder.dimension)
      let p = try cache.vectors(for: postings.map(\.text), encoder: encoder)
      let r = try cache.vectors(for: resumes.map(\.text), encoder: encoder)
      try cache.save()
      matrices.scores[.encoder] = try GEMM.multiplyTransposed(p, r)
      lap("encoder")
    }

    let sklearn = try MatchEngine(
      configuration: MatchConfiguration(
        analyzer: .sklearn, tfidf: TFIDFConfiguration(), weights: .lexicalOnly))
    let tfidf = try sklearn.channelScores(
      queries: postings, items: resumes, queryRole: .posting, channels: [.lexical])
    lap("tfidf baseline")

    let analyzer = try choice.makeAnalyzer()
    let postingTexts = postings.map(\.text)
    let resumeTexts = resumes.map(\.text)
    let bm25 = BM25Configuration()
    let forward = try bm25.fitTransform(queries: postingTexts, items: resumeTexts, analyzer: analyzer)
    let backward = try bm25.fitTransform(queries: resumeTexts, items: postingTexts, analyzer: analyzer)
    let bm25P = try forward.queries.dotProducts(with: forward.items)
    let bm25R = try backward.queries.dotProducts(with: backward.items)
    lap("bm25 baseline")

    return ScoreTable(
      postingIDs: postings.map(\.id), resumeIDs: resumes.map(\.id),
      postingIndex: Dictionary(postings.enumerated().map { ($1.id, $0) }) { a, _ in a },
      resumeIndex: Dictionary(resumes.enumerated().map { ($1.id, $0) }) { a, _ in a },
      channels: matrices,
      tfidf: tfidf.scores[.lexical] ?? Matrix(rows: postings.count, columns: resumes.count),
      bm25PostingQueries: bm25P, bm25ResumeQueries: bm25R)
  }
}
