import Foundation

/// How specific each skill is in the documents of a run: an inverse document frequency.
///
/// `spec(s) = ln((1 + N) / (1 + df(s))) + 1`, with `N` the number of documents scored together
/// (postings and résumés) and `df(s)` how many of their profiles name `s` — the same smoothed
/// idf the lexical channel uses. A skill every document names ("communication", "Microsoft
/// Office") gets weight near 1; one that few documents name ("tekla structures") gets more.
/// Without it, generic skills dominate posting coverage and every office résumé covers every
/// office posting about equally (measured with `jobfit eval`; README, "Quality").
public struct SkillSpecificity: Sendable, Equatable {
  public let documentCount: Int
  /// Skill id → number of documents naming it.
  public let documentFrequency: [String: Int]

  /// Specificity from the profiles of every document in the run.
  public init(profiles: [SkillProfile]) {
    self.init(skillSets: profiles.map { Set($0.skills.map(\.id)) })
  }

  /// Specificity from the set of skill ids each document names.
  public init(skillSets: [Set<String>]) {
    var frequency: [String: Int] = [:]
    for ids in skillSets {
      for id in ids { frequency[id, default: 0] += 1 }
    }
    self.documentCount = skillSets.count
    self.documentFrequency = frequency
  }

  /// Every skill weighs 1 (no collection to measure against).
  public static let uniform = SkillSpecificity(documentCount: 0, documentFrequency: [:])

  private init(documentCount: Int, documentFrequency: [String: Int]) {
    self.documentCount = documentCount
    self.documentFrequency = documentFrequency
  }

  /// `spec(s)`; 1 when the run has no documents.
  public func weight(_ id: String) -> Double {
    guard documentCount > 0 else { return 1 }
    let df = Double(documentFrequency[id] ?? 0)
    return log((1 + Double(documentCount)) / (1 + df)) + 1
  }
}
