/// Identifies a document in results: enough to find it again, nothing of its content.
public struct DocumentSummary: Codable, Sendable, Equatable {
  public var id: String
  public var path: String
  public var title: String

  public init(id: String, path: String, title: String) {
    self.id = id
    self.path = path
    self.title = title
  }

  public init(_ document: Document) {
    self.init(id: document.id, path: document.sourcePath, title: document.title)
  }
}

/// One ranked result: a document, its blended score and each channel's score.
public struct Match: Codable, Sendable, Equatable {
  /// 1-based position in the result list.
  public var rank: Int
  public var id: String
  public var path: String
  public var title: String
  /// The blended score, Σ weight × channel score (see `ChannelWeights`).
  public var score: Double
  /// Each channel's own score in [0, 1] (cosine for vector channels), keyed by channel name.
  public var channels: [String: Double]
  /// The posting's skills matched and missing (when a skills channel is on).
  public var skills: MatchSkills?
  /// The full explanation tree (only when asked for: `--explain`).
  public var explanation: Explanation?

  public init(
    rank: Int, document: DocumentSummary, score: Double, channels: [String: Double],
    skills: MatchSkills? = nil, explanation: Explanation? = nil
  ) {
    self.rank = rank
    self.id = document.id
    self.path = document.path
    self.title = document.title
    self.score = score
    self.channels = channels
    self.skills = skills
    self.explanation = explanation
  }
}

/// `jobfit rank`: postings ranked for one résumé.
public struct RankResult: Codable, Sendable, Equatable {
  public var resume: DocumentSummary
  public var results: [Match]

  public init(resume: DocumentSummary, results: [Match]) {
    self.resume = resume
    self.results = results
  }
}

/// `jobfit score`: the best matches for one query document (a posting, or a candidate with
/// `--by candidate`).
public struct QueryResult: Codable, Sendable, Equatable {
  public var query: DocumentSummary
  public var results: [Match]

  public init(query: DocumentSummary, results: [Match]) {
    self.query = query
    self.results = results
  }
}
