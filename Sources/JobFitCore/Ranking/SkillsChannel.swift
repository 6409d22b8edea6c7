/// The skills channels: how much of a posting's requirements a résumé covers, and the reverse.
///
/// **skills** (posting coverage) = Σ over the posting's skills s of `(w_s / W) × credit(s)`, where
/// `w_s = level_s × spec(s)`: the requirement weight (required 1, preferred 0.5, mentioned 0.25)
/// times the skill's specificity in the run (`SkillSpecificity`, an idf), `W = Σ w_s`, and
/// `credit(s)` is 1 when the résumé names s (by its name or an alias), 0.5 when the résumé names a
/// skill related to s, else 0. A posting with no recognised skill scores 0: missing information is
/// unknown, never a match.
///
/// **resume_coverage** (the reverse) = the specificity-weighted mean over the résumé's skills r of
/// `credit'(r)` (weights `spec(r) / Σ spec`): 1 when the posting names r, 0.5 when it names a
/// related skill, else 0. An empty résumé scores 0.
///
/// Both are dot products of one vector per document (posting side `q`, `v`; résumé side `c`,
/// `u`), so they join the lexical TF-IDF row as extra column blocks and the blended score of every
/// pair comes out of one exact sparse top-k pass.
public enum SkillsChannel {
  /// Credit for a related (not identical) skill.
  public static let relatedCredit = 0.5

  /// Sparse vector over taxonomy positions (sorted by position).
  typealias SparseVector = [(Int, Double)]

  /// Posting side of **skills**: `q[s] = w_s / W` with `w_s = level_s × spec(s)`.
  static func postingCoverageVector(
    _ profile: SkillProfile, taxonomy: SkillTaxonomy, specificity: SkillSpecificity
  ) -> SparseVector {
    let total = profile.skills.reduce(0) { $0 + $1.weight * specificity.weight($1.id) }
    guard total > 0 else { return [] }
    return profile.skills.compactMap { s in
      taxonomy.index[s.id].map { ($0, s.weight * specificity.weight(s.id) / total) }
    }.sorted { $0.0 < $1.0 }
  }

  /// Résumé side of **skills**: `c[s]` = 1 for the résumé's skills, 0.5 for skills related to them.
  static func resumeCreditVector(_ profile: SkillProfile, taxonomy: SkillTaxonomy) -> SparseVector {
    creditVector(ids: profile.skills.map(\.id), taxonomy: taxonomy)
  }

  /// Posting side of **resume_coverage**: `v[s]` = 1 for the posting's skills, 0.5 for related.
  static func postingCreditVector(_ profile: SkillProfile, taxonomy: SkillTaxonomy) -> SparseVector {
    creditVector(ids: profile.skills.map(\.id), taxonomy: taxonomy)
  }

  /// Résumé side of **resume_coverage**: `u[s] = spec(s) / Σ_r spec(r)`.
  static func resumeShareVector(
    _ profile: SkillProfile, taxonomy: SkillTaxonomy, specificity: SkillSpecificity
  ) -> SparseVector {
    var weights: [Int: Double] = [:]
    for s in profile.skills {
      if let i = taxonomy.index[s.id] { weights[i] = specificity.weight(s.id) }
    }
    let total = weights.values.reduce(0, +)
    guard total > 0 else { return [] }
    return weights.sorted { $0.key < $1.key }.map { ($0.key, $0.value / total) }
  }

  private static func creditVector(ids: [String], taxonomy: SkillTaxonomy) -> SparseVector {
    var credit: [Int: Double] = [:]
    for id in ids {
      guard let i = taxonomy.index[id] else { continue }
      credit[i] = 1
      for j in taxonomy.relatedIndices[i] where credit[j] == nil { credit[j] = relatedCredit }
    }
    return credit.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }
}
