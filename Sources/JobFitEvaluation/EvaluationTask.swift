import JobFitCore

/// One labelled retrieval task: each query ranks the items (or only its judged pool), and the
/// ranking is scored against graded relevance.
///
/// A task is direction-specific. The category sets give two tasks over the same documents
/// (postings for a résumé, candidates for a posting); the human-graded sets are reranking tasks
/// where every query has a judged pool.
public struct EvaluationTask: Sendable {
  /// Short stable name used on the command line and in reports, e.g. "dsinwild:posting→resume".
  public var name: String
  /// The dataset folder name under the shared data directory, e.g. "dsinwild-category-jds".
  public var dataset: String
  /// What the queries are; items have the other role.
  public var queryRole: DocumentRole
  public var queries: [Document]
  public var items: [Document]
  /// Graded relevance: query id → item id → gain. A missing item has gain 0. Gains are ≥ 0;
  /// an item with gain > 0 counts as relevant for the binary metrics (P@k, MRR, MAP, R-prec).
  public var gains: [String: [String: Double]]
  /// When set, query id → the item ids it ranks (judged pools; reranking tasks). When nil,
  /// every query ranks all items.
  public var pools: [String: [String]]?
  /// Query id → group label (the query's category) for per-group breakdowns.
  public var groups: [String: String]
  /// Query id → the key the dev/test split hashes (e.g. the job id for FERR lists, so lists of
  /// one job stay on one side). A query without an entry uses its id.
  public var splitKeys: [String: String]
  /// True when gains are human grades; false for binary same-category relevance.
  public var graded: Bool
  /// What was done to the raw data, for the report (duplicates dropped, relabels, caveats).
  public var notes: [String]

  public init(
    name: String, dataset: String, queryRole: DocumentRole, queries: [Document],
    items: [Document], gains: [String: [String: Double]], pools: [String: [String]]? = nil,
    groups: [String: String] = [:], splitKeys: [String: String] = [:], graded: Bool,
    notes: [String] = []
  ) {
    self.name = name
    self.dataset = dataset
    self.queryRole = queryRole
    self.queries = queries
    self.items = items
    self.gains = gains
    self.pools = pools
    self.groups = groups
    self.splitKeys = splitKeys
    self.graded = graded
    self.notes = notes
  }
}

/// Which half of the queries a run uses.
public enum EvaluationSplit: String, Sendable, CaseIterable, Codable {
  /// Queries whose split key hashes to the tuning half.
  case dev
  /// The held-out half: numbers reported after tuning on dev.
  case test
  /// Every query.
  case all

  /// The half a split key belongs to: FNV-1a 64 of the key's UTF-8 bytes, even → dev, odd →
  /// test. Stable across runs, machines and Swift versions (unlike `Hasher`).
  public static func half(of key: String) -> EvaluationSplit {
    fnv1a(key) % 2 == 0 ? .dev : .test
  }

  /// Whether a query with `key` belongs to this split.
  public func contains(key: String) -> Bool {
    self == .all || EvaluationSplit.half(of: key) == self
  }
}

extension EvaluationTask {
  /// The task restricted to the queries of `split` (items unchanged).
  public func restricted(to split: EvaluationSplit) -> EvaluationTask {
    guard split != .all else { return self }
    var copy = self
    copy.queries = queries.filter { split.contains(key: splitKeys[$0.id] ?? $0.id) }
    return copy
  }

  /// The number of relevant items (gain > 0) for `queryID`, within its pool when it has one.
  public func relevantCount(for queryID: String) -> Int {
    let judged = gains[queryID] ?? [:]
    if let pool = pools?[queryID] {
      return pool.reduce(0) { $0 + ((judged[$1] ?? 0) > 0 ? 1 : 0) }
    }
    return judged.values.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
  }
}

/// FNV-1a 64 of the UTF-8 bytes of `text`: the stable hash of the evaluation (dev/test split,
/// quick-slice and tuning order, duplicate detection, the encoder cache key). Unlike `Hasher`,
/// the same on every run, machine and Swift version.
func fnv1a(_ text: String) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash &*= 0x0000_0100_0000_01B3
  }
  return hash
}

extension Array where Element == Document {
  /// The documents ordered by the FNV-1a hash of their ids: a fixed pseudo-random order, so a
  /// prefix is a reproducible sample.
  func inHashOrder() -> [Document] {
    map { (fnv1a($0.id), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
