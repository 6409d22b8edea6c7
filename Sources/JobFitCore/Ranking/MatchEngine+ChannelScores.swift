import Foundation
import LinearAlgebra

/// Every channel's score for every (query, item) pair, as dense matrices.
///
/// For evaluation and weight tuning on labelled sets of a few thousand documents, where an
/// N×M matrix per channel is small and lets any blend `Σ w_c × s_c` be formed without scoring
/// again. Ranking never builds these (it uses one exact top-k pass).
public struct ChannelScoreMatrices: Sendable {
  /// Row `q`, column `i`: the channel's score of query `q` against item `i` (input order).
  public var scores: [Channel: Matrix]
  public let queryCount: Int
  public let itemCount: Int

  public init(scores: [Channel: Matrix], queryCount: Int, itemCount: Int) {
    self.scores = scores
    self.queryCount = queryCount
    self.itemCount = itemCount
  }

  /// The blend `Σ w_c × s_c` over the channels with a matrix (missing channels count 0).
  public func blend(_ weights: ChannelWeights) -> Matrix {
    var result = Matrix(rows: queryCount, columns: itemCount)
    for channel in weights.channels {
      guard let matrix = scores[channel] else { continue }
      let w = Float(weights[channel])
      result.storage.withUnsafeMutableBufferPointer { out in
        matrix.storage.withUnsafeBufferPointer { s in
          for k in 0..<out.count { out[k] += w * s[k] }
        }
      }
    }
    return result
  }
}

extension MatchEngine {
  /// Score matrices of `channels` (those this engine is configured for: the skills channels
  /// need a configuration that enables them) for `queries` × `items`, items in input order.
  ///
  /// Vectors are fitted exactly as in `score(queries:items:…)` (TF-IDF and LSA on the
  /// documents of this call), so a blend of these matrices equals the engine's blended score
  /// up to Float rounding. The encoder channel is not computed here (evaluation caches its
  /// vectors itself).
  public func channelScores(
    queries: [Document], items: [Document], queryRole: DocumentRole, channels: [Channel]
  ) throws -> ChannelScoreMatrices {
    let wanted = Set(channels)
    let skillChannels = [Channel.skills, .resumeCoverage].filter { wanted.contains($0) }
    if !skillChannels.isEmpty, profiler == nil {
      throw JobFitError.invalidParameter(
        name: "channels", value: skillChannels.map(\.rawValue).joined(separator: ","),
        expected: "an engine configured with the skills channels")
    }
    let run = try prepare(
      queries: queries, items: items, queryRole: queryRole, skills: !skillChannels.isEmpty,
      titles: wanted.contains(.title))
    let (itemProfiles, queryProfiles) = (run.itemProfiles, run.queryProfiles)
    let (itemRole, specificity) = (run.itemRole, run.specificity)
    var scores: [Channel: Matrix] = [:]

    if wanted.contains(.lexical) {
      scores[.lexical] = try run.lexicalQueries.dotProducts(with: run.lexicalItems)
    }
    if let taxonomy = profiler?.matcher.taxonomy {
      for channel in skillChannels {
        let blocks = ChannelBlocks(
          weights: try ChannelWeights([channel: 1]), vocabulary: 0, taxonomy: taxonomy,
          specificity: specificity)
        let q = blocks.rows(
          lexical: CSRMatrix(zeros: queries.count, columns: 0), profiles: queryProfiles,
          role: queryRole, weighted: true)
        let i = blocks.rows(
          lexical: CSRMatrix(zeros: items.count, columns: 0), profiles: itemProfiles,
          role: itemRole, weighted: true)
        scores[channel] = try q.dotProducts(with: i)
      }
    }
    if wanted.contains(.title) {
      guard let titles = run.titles else {
        throw JobFitError.invalidParameter(
          name: "channels", value: Channel.title.rawValue,
          expected: "an engine configured with the title channel")
      }
      scores[.title] = try titles.queries.dotProducts(with: titles.items)
    }
    if wanted.contains(.lsa) {
      let lsa = try Self.lsaVectors(run.fitted.matrix)
      let itemBlock = try Matrix(
        rows: items.count, columns: lsa.columns,
        storage: Array(lsa.storage[0..<(items.count * lsa.columns)]))
      let queryBlock = try Matrix(
        rows: queries.count, columns: lsa.columns,
        storage: Array(lsa.storage[(items.count * lsa.columns)...]))
      scores[.lsa] = try GEMM.multiplyTransposed(queryBlock, itemBlock)
    }
    return ChannelScoreMatrices(scores: scores, queryCount: queries.count, itemCount: items.count)
  }
}
