import Foundation
import JobFitCore
import LinearAlgebra

/// One timed stage of the peer comparison.
///
/// `prepare` does the untimed setup (reading the corpus, fitting what the stage does not
/// measure) and returns the timed work; the work returns a checksum that the peer script
/// computes the same way, so a fast wrong answer shows up as a mismatch in the report.
struct Stage: Sendable {
  let name: String
  let summary: String
  let prepare: @Sendable (Corpus) throws -> @Sendable () throws -> Checksum
}

/// What a stage produced, reduced to numbers comparable across implementations.
struct Checksum: Codable, Sendable {
  var value: Double
  var detail: [String: Double] = [:]
}

// MARK: - Registry

extension Stage {
  /// Every stage, in report order. `.lsa` and `.encoder` are in `Stage+Models.swift`.
  static let all: [Stage] = [
    .tfidfSklearn, .tfidfStandard, .sparse, .lsa, .dense, .e2e, .encoder, .rankDefault,
  ]

  static func named(_ name: String) -> Stage? { all.first { $0.name == name } }
}

// MARK: - Stages

extension Stage {
  /// TF-IDF fit + transform of all N + M texts with scikit-learn's default analysis: the
  /// like-for-like comparison with `TfidfVectorizer().fit_transform`.
  static let tfidfSklearn = Stage(
    name: "tfidf-sklearn", summary: "TF-IDF fit+transform, sklearn analyzer"
  ) { corpus in
    let (resumes, postings) = try corpus.texts()
    let texts = resumes + postings
    return {
      let fitted = try TFIDFConfiguration().fitTransform(texts, analyzer: SklearnAnalyzer())
      precondition(fitted.matrix.rows == texts.count)
      return Checksum(
        value: Double(fitted.matrix.nonzeroCount),
        detail: ["terms": Double(fitted.model.dimension)])
    }
  }

  /// TF-IDF fit + transform with JobFit's own analyzer (stop words, Snowball stemming) and the
  /// matcher's defaults (sublinear tf): what `jobfit rank` pays.
  static let tfidfStandard = Stage(
    name: "tfidf-standard", summary: "TF-IDF fit+transform, JobFit English analyzer"
  ) { corpus in
    let (resumes, postings) = try corpus.texts()
    let texts = resumes + postings
    return {
      let fitted = try MatchConfiguration.defaultTFIDF.fitTransform(texts, analyzer: Analyzer.english)
      precondition(fitted.matrix.rows == texts.count)
      return Checksum(
        value: Double(fitted.matrix.nonzeroCount),
        detail: ["terms": Double(fitted.model.dimension)])
    }
  }

  /// Exact cosine top-10 postings for every résumé over sklearn-analyzed TF-IDF rows.
  static let sparse = Stage(
    name: "sparse", summary: "sparse cosine top-10, every résumé × all postings"
  ) { corpus in
    let (resumes, postings) = try corpus.texts()
    let matrix = try TFIDFConfiguration().fitTransform(resumes + postings).matrix
    let queries = matrix.rowSlice(0..<resumes.count)
    let items = matrix.rowSlice(resumes.count..<matrix.rows)
    // JOBFIT_DENSE_TERMS fixes the dense head size (0 = inverted index only) for tuning runs.
    let denseTerms = ProcessInfo.processInfo.environment["JOBFIT_DENSE_TERMS"].flatMap { Int($0) }
    return {
      let hits = try SparseScorer(denseTerms: denseTerms).topK(queries: queries, items: items, k: 10)
      return try Checksum.topK(hits, queries: resumes.count, k: min(10, postings.count))
    }
  }

  /// Exact inner-product top-10 over the shared 256-d unit vectors (blocked sgemm + fused top-k).
  static let dense = Stage(
    name: "dense", summary: "dense 256-d top-10, blocked sgemm + fused top-k"
  ) { corpus in
    let queries = try corpus.vectors("resumes", dimension: 256)
    let items = try corpus.vectors("postings", dimension: 256)
    // JOBFIT_DENSE_BLOCKS=QBxIB overrides the tile shape for tuning runs.
    var scorer = BlockedScorer()
    if let spec = ProcessInfo.processInfo.environment["JOBFIT_DENSE_BLOCKS"] {
      let parts = spec.split(separator: "x").compactMap { Int($0) }
      if parts.count == 2 { scorer = BlockedScorer(queryBlock: parts[0], itemBlock: parts[1]) }
    }
    let configured = scorer
    return {
      let hits = try configured.topK(queries: queries, items: items, k: 10)
      return try Checksum.topK(hits, queries: queries.rows, k: min(10, items.rows))
    }
  }

  /// Read JSONL → documents → TF-IDF (JobFit analyzer) → top-10 postings per résumé, lexical
  /// channel only, through `MatchEngine` as `jobfit score` runs it.
  static let e2e = Stage(
    name: "e2e", summary: "JSONL → TF-IDF → top-10 per résumé (MatchEngine, lexical only)"
  ) { corpus in
    let engine = try MatchEngine(configuration: MatchConfiguration(weights: .lexicalOnly))
    return {
      let loader = DocumentLoader()
      let resumes = loader.load([corpus.resumesPath])
      let postings = loader.load([corpus.postingsPath])
      guard resumes.failures.isEmpty, postings.failures.isEmpty else {
        throw StageError("corpus rows failed to load")
      }
      let results = try engine.score(
        queries: resumes.documents, items: postings.documents, queryRole: .resume, limit: 10)
      precondition(results.count == resumes.documents.count)
      let total = results.reduce(0.0) { $0 + $1.results.reduce(0.0) { $0 + $1.score } }
      return Checksum(value: total, detail: ["queries": Double(results.count)])
    }
  }
}

extension Stage {
  /// `jobfit rank` for the first résumé over every posting with the default channels (lexical,
  /// skills, résumé coverage): what the skills channel costs. Not paired with a peer.
  static let rankDefault = Stage(
    name: "rank-default", summary: "1 résumé × all postings, MatchEngine default channels"
  ) { corpus in
    let resumes = DocumentLoader().load([corpus.resumesPath]).documents
    let postings = DocumentLoader().load([corpus.postingsPath]).documents
    guard let resume = resumes.first, !postings.isEmpty else { throw StageError("empty corpus") }
    let engine = try MatchEngine(configuration: MatchConfiguration())
    return {
      let result = try engine.rank(resume: resume, postings: postings, limit: 10)
      precondition(result.results.count == min(10, postings.count))
      return Checksum(value: result.results.reduce(0.0) { $0 + $1.score })
    }
  }
}

extension Checksum {
  /// Sum of every kept score; also checks each list is full and sorted best first.
  static func topK(_ hits: [[ScoredIndex]], queries: Int, k: Int) throws -> Checksum {
    guard hits.count == queries else { throw StageError("expected \(queries) result lists") }
    var total = 0.0
    for list in hits {
      guard list.count == k else { throw StageError("a result list has \(list.count) ≠ \(k) hits") }
      for i in 1..<max(list.count, 1) where list[i - 1].score < list[i].score {
        throw StageError("a result list is not sorted")
      }
      total += list.reduce(0.0) { $0 + Double($1.score) }
    }
    return Checksum(value: total, detail: ["top1": Double(hits.reduce(0) { $0 + Int($1.first?.index ?? 0) })])
  }
}
