import Foundation

/// What every scoring run computes first from its documents: one TF-IDF fit, the skill profiles
/// and their specificity, and the title vectors.
///
/// `MatchEngine.score` (ranking) and `MatchEngine.channelScores` (evaluation) both start here,
/// so their channels are fitted identically by construction.
struct PreparedRun {
  /// Item texts, then query texts.
  let texts: [String]
  let fitted: (model: TFIDFModel, matrix: CSRMatrix)
  let lexicalItems: CSRMatrix
  let lexicalQueries: CSRMatrix
  let itemRole: DocumentRole
  /// nil when the engine has no skills channel (or they were not asked for).
  let itemProfiles: [SkillProfile]?
  let queryProfiles: [SkillProfile]?
  let specificity: SkillSpecificity
  /// nil when the title channel is off (or was not asked for).
  let titles: TitleVectors?
}

extension MatchEngine {
  /// The shared first steps of a run over `queries` × `items` (items in the order given).
  ///
  /// - Parameters:
  ///   - skills: compute skill profiles (when the engine has a profiler).
  ///   - titles: compute title vectors (when the title channel is on).
  func prepare(
    queries: [Document], items: [Document], queryRole: DocumentRole, skills: Bool = true,
    titles: Bool = true
  ) throws -> PreparedRun {
    let texts = items.map(\.text) + queries.map(\.text)
    let fitted = try configuration.tfidf.fitTransform(texts, analyzer: analyzer)
    let itemRole: DocumentRole = queryRole == .posting ? .resume : .posting
    let itemProfiles = skills ? profiles(items, as: itemRole) : nil
    let queryProfiles = skills ? profiles(queries, as: queryRole) : nil
    return PreparedRun(
      texts: texts, fitted: fitted,
      lexicalItems: fitted.matrix.rowSlice(0..<items.count),
      lexicalQueries: fitted.matrix.rowSlice(items.count..<texts.count),
      itemRole: itemRole, itemProfiles: itemProfiles, queryProfiles: queryProfiles,
      specificity: SkillSpecificity(profiles: (itemProfiles ?? []) + (queryProfiles ?? [])),
      titles: titles ? try titleVectors(items: items, queries: queries, queryRole: queryRole) : nil)
  }
}
