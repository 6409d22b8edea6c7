import Foundation
import LinearAlgebra

/// Scores one (query, item) pair exactly, in `Double`, and explains it.
///
/// The ranking pass finds the top k with `Float` dot products; each kept pair is then rescored
/// here so the reported score equals the root of its explanation tree to the last bit.
struct PairExplainer {
  let weights: ChannelWeights
  let taxonomy: SkillTaxonomy?
  let terms: [String]
  /// Skill specificity of the run (see `SkillSpecificity`).
  var specificity: SkillSpecificity = .uniform
  /// Whether labels are written. Without `--explain` only the values are needed (and the skills
  /// summary); formatting labels for every kept pair was a third of an end-to-end run.
  var detailed = true
  /// The title channel's vocabulary (column → term).
  var titleTerms: [String] = []

  /// `make()` when labels are wanted, else "" (values are computed the same either way, so
  /// scores do not depend on `detailed`).
  private func text(_ make: @autoclosure () -> String) -> String { detailed ? make() : "" }

  struct Result {
    var channels: [Channel: Double]
    var score: Double
    var explanation: Explanation
    var skills: MatchSkills?
  }

  /// The semantic side of one pair: encoder embeddings and LSA vectors of the posting and the
  /// résumé, with their texts for evidence labels.
  struct Semantic {
    var postingEmbedding: DocumentEmbedding?
    var resumeEmbedding: DocumentEmbedding?
    var postingText: String
    var resumeText: String
    var postingLSA: [Float]?
    var resumeLSA: [Float]?
  }

  /// The title channel's rows of one pair (query side first), and the O*NET occupations
  /// recognised in the posting's and the résumé's title texts.
  struct Titles {
    var query: CSRMatrix.Row
    var item: CSRMatrix.Row
    var postingOccupations: [OccupationTitles.Occupation] = []
    var resumeOccupations: [OccupationTitles.Occupation] = []
  }

  /// - Parameters:
  ///   - queryRow, itemRow: the two L2-normalised TF-IDF rows.
  ///   - posting, resume: the two skill profiles (nil when the skills channels are off).
  func explain(
    queryRow: CSRMatrix.Row, itemRow: CSRMatrix.Row, posting: SkillProfile?, resume: SkillProfile?,
    semantic: Semantic? = nil, titles: Titles? = nil
  ) -> Result {
    var children: [Explanation] = []
    var channels: [Channel: Double] = [:]
    var skills: MatchSkills?
    for channel in weights.channels {
      let w = weights[channel]
      let node: Explanation
      switch channel {
      case .lexical:
        let lexical = sharedTerms(queryRow, itemRow, vocabulary: terms, of: "TF-IDF")
        channels[.lexical] = lexical.value
        node = scaled(lexical, by: w, label: text("lexical: \(fmt(w)) × cosine \(fmt(lexical.value))"))
      case .skills:
        let (tree, details) = postingCoverage(posting, resume)
        channels[.skills] = tree.value
        skills = details
        node = scaled(tree, by: w, label: text("skills: \(fmt(w)) × posting coverage \(fmt(tree.value))"))
      case .resumeCoverage:
        let tree = resumeCoverage(posting, resume)
        channels[.resumeCoverage] = tree.value
        node = scaled(
          tree, by: w, label: text("resume_coverage: \(fmt(w)) × résumé coverage \(fmt(tree.value))"))
      case .encoder:
        let tree = encoderTree(semantic)
        channels[.encoder] = tree.value
        node = scaled(tree, by: w, label: text("encoder: \(fmt(w)) × cosine \(fmt(tree.value))"))
      case .title:
        var tree = Explanation(value: 0, label: text("no title vectors"))
        var occupations = ""
        if let titles {
          tree = sharedTerms(titles.query, titles.item, vocabulary: titleTerms, of: "title")
          if detailed, !(titles.postingOccupations.isEmpty && titles.resumeOccupations.isEmpty) {
            occupations = "; O*NET occupations: posting \(names(titles.postingOccupations))"
              + ", résumé \(names(titles.resumeOccupations))"
          }
        }
        channels[.title] = tree.value
        node = scaled(
          tree, by: w, label: text("title_match: \(fmt(w)) × cosine \(fmt(tree.value))\(occupations)"))
      case .lsa:
        var cosine = 0.0
        if let a = semantic?.postingLSA, let b = semantic?.resumeLSA {
          cosine = zip(a, b).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        }
        channels[.lsa] = cosine
        node = Explanation(value: w * cosine, label: text("lsa: \(fmt(w)) × cosine \(fmt(cosine))"))
      }
      children.append(node)
    }
    let root = Explanation.sum(text("score = Σ weight × channel"), children)
    return Result(channels: channels, score: root.value, explanation: root, skills: skills)
  }

  /// `tree` with every value multiplied by `w` (children still add up to the parent).
  private func scaled(_ tree: Explanation, by w: Double, label: String) -> Explanation {
    func scale(_ e: Explanation) -> Explanation {
      Explanation(value: e.value * w, label: e.label, children: e.children.map(scale))
    }
    // The node keeps `w × value` (not the sum of its scaled children) so the score does not
    // depend on how many children a tree has with or without labels; the children still add up
    // to it within rounding (≤ 1e-15 relative).
    var s = scale(tree)
    s.label = label
    return s
  }

  // MARK: - Encoder

  /// The encoder cosine split over the posting's chunks (its lines and sentences), exactly:
  /// with `v = Σᵢ cᵢ / ‖Σᵢ cᵢ‖`, `cos(v_p, v_r) = Σᵢ (cᵢ · v_r) / ‖Σᵢ cᵢ‖`. Each of the five
  /// largest parts names the posting line and the résumé line closest to it; one node holds the
  /// rest.
  private func encoderTree(_ semantic: Semantic?) -> Explanation {
    guard let semantic, let p = semantic.postingEmbedding, let r = semantic.resumeEmbedding else {
      return Explanation(value: 0, label: text("no embeddings"))
    }
    let d = p.chunkVectors.columns
    guard p.chunkVectors.rows > 0, d == r.vector.count else {
      let cosine = zip(p.vector, r.vector).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
      return Explanation(value: cosine, label: text("cosine of document vectors"))
    }
    var sum = [Double](repeating: 0, count: d)
    for i in 0..<p.chunkVectors.rows {
      for j in 0..<d { sum[j] += Double(p.chunkVectors[i, j]) }
    }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return Explanation(value: 0, label: text("empty posting embedding")) }
    var parts: [(chunk: Int, value: Double)] = (0..<p.chunkVectors.rows).map { i in
      var dot = 0.0
      for j in 0..<d { dot += Double(p.chunkVectors[i, j]) * Double(r.vector[j]) }
      return (i, dot / norm)
    }
    parts.sort { $0.value != $1.value ? $0.value > $1.value : $0.chunk < $1.chunk }
    var children: [Explanation] = parts.prefix(5).map { part in
      guard detailed else { return Explanation(value: part.value, label: "") }
      let line = oneLine(p.chunkText(part.chunk, in: semantic.postingText))
      let query = p.chunkVectors.row(part.chunk)
      if let best = r.bestChunk(for: query) {
        let evidence = oneLine(r.chunkText(best.index, in: semantic.resumeText))
        return Explanation(
          value: part.value,
          label: text("'\(line)' ← '\(evidence)' (cosine \(fmt(Double(best.cosine))))"))
      }
      return Explanation(value: part.value, label: text("'\(line)'"))
    }
    if parts.count > 5 {
      children.append(
        Explanation(
          value: parts.dropFirst(5).reduce(0) { $0 + $1.value },
          label: text("\(parts.count - 5) more posting lines")))
    }
    return Explanation.sum(text("encoder cosine over \(parts.count) posting lines"), children)
  }

  /// "'Software Developers' 15-1252.00 + …", or "none".
  private func names(_ occupations: [OccupationTitles.Occupation]) -> String {
    occupations.isEmpty
      ? "none" : occupations.map { "'\($0.title)' \($0.code)" }.joined(separator: " + ")
  }

  private func oneLine(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
      .trimmingCharacters(in: .whitespaces)
    return flat.count <= 80 ? flat : String(flat.prefix(79)) + "…"
  }

  // MARK: - Lexical

  /// The cosine of two L2-normalised TF-IDF rows (lexical or title): Σ over shared terms of
  /// q_t × x_t, summed in term order (so the value does not depend on `detailed`). With labels,
  /// the eight largest terms (named from `terms`) are children and the rest one "more shared
  /// terms" child; without, no per-term work beyond the merge (sorting the terms of every kept
  /// pair was 15 % of an end-to-end run).
  private func sharedTerms(
    _ q: CSRMatrix.Row, _ x: CSRMatrix.Row, vocabulary terms: [String], of kind: String
  ) -> Explanation {
    var parts: [(term: Int, value: Double, q: Float, x: Float)] = []
    var total = 0.0
    var i = q.columnIndices.startIndex
    var j = x.columnIndices.startIndex
    while i < q.columnIndices.endIndex && j < x.columnIndices.endIndex {
      let a = q.columnIndices[i]
      let b = x.columnIndices[j]
      if a == b {
        let value = Double(q.values[i]) * Double(x.values[j])
        total += value
        if detailed { parts.append((Int(a), value, q.values[i], x.values[j])) }
        i += 1
        j += 1
      } else if a < b {
        i += 1
      } else {
        j += 1
      }
    }
    guard detailed else { return Explanation(value: total, label: "") }
    parts.sort { $0.value != $1.value ? $0.value > $1.value : $0.term < $1.term }
    var children = parts.prefix(8).map {
      Explanation(
        value: $0.value,
        label: "term '\(terms[$0.term])': \(fmt(Double($0.q))) × \(fmt(Double($0.x)))")
    }
    if parts.count > 8 {
      children.append(
        Explanation(
          value: parts.dropFirst(8).reduce(0) { $0 + $1.value },
          label: "\(parts.count - 8) more shared terms"))
    }
    return Explanation(
      value: total, label: "\(kind) cosine over \(parts.count) shared terms", children: children)
  }

  // MARK: - Skills

  private func postingCoverage(_ posting: SkillProfile?, _ resume: SkillProfile?) -> (
    Explanation, MatchSkills
  ) {
    guard let posting, let resume, let taxonomy else {
      return (Explanation(value: 0, label: text("no skill profile")), MatchSkills(matched: [], missing: []))
    }
    let total = posting.skills.reduce(0) { $0 + $1.weight * specificity.weight($1.id) }
    guard total > 0 else {
      return (
        Explanation(value: 0, label: text("no skills recognised in the posting (unknown, scored 0)")),
        MatchSkills(matched: [], missing: [])
      )
    }
    let resumeSkills = Dictionary(resume.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var details: [SkillMatchDetail] = []
    for s in posting.skills {
      let spec = specificity.weight(s.id)
      let share = s.weight * spec / total
      let level = s.level ?? .mentioned
      if let r = resumeSkills[s.id] {
        let exact = r.evidence.contains { $0.matched == r.skill }
        details.append(
          SkillMatchDetail(
            id: s.id, skill: s.skill, level: level, weight: s.weight, specificity: spec,
            match: exact ? .exact : .alias,
            relatedVia: nil, evidence: r.evidence.first?.line, contribution: share))
      } else if let via = relatedResumeSkill(s.id, resumeSkills, taxonomy) {
        details.append(
          SkillMatchDetail(
            id: s.id, skill: s.skill, level: level, weight: s.weight, specificity: spec,
            match: .related,
            relatedVia: via.skill, evidence: via.evidence.first?.line,
            contribution: share * SkillsChannel.relatedCredit))
      } else {
        details.append(
          SkillMatchDetail(
            id: s.id, skill: s.skill, level: level, weight: s.weight, specificity: spec,
            match: .missing,
            relatedVia: nil, evidence: nil, contribution: 0))
      }
    }
    let missing = details.filter { $0.match == .missing }.sorted {
      if $0.level != $1.level { return $0.level < $1.level }
      return $0.skill.utf8.lexicographicallyPrecedes($1.skill.utf8)
    }
    let matched = details.filter { $0.match != .missing }.sorted {
      if $0.contribution != $1.contribution { return $0.contribution > $1.contribution }
      return $0.skill.utf8.lexicographicallyPrecedes($1.skill.utf8)
    }
    // Missing required skills first in the tree, as a reader looks for them first.
    let children = (missing + matched).map { d in
      Explanation(value: d.contribution, label: text(label(d, total: total)))
    }
    let tree = Explanation.sum(
      text("coverage of \(posting.skills.count) posting skills (Σ level × specificity = \(short(total)))"),
      children)
    return (tree, MatchSkills(matched: matched, missing: missing))
  }

  private func label(_ d: SkillMatchDetail, total: Double) -> String {
    let head =
      "\(d.skill) (\(d.level.rawValue) \(short(d.weight)) × specificity \(short(d.specificity)) of \(short(total)))"
    switch d.match {
    case .missing: return "\(head): missing"
    case .exact, .alias: return "\(head): \(d.match.rawValue) match"
    case .related:
      return "\(head): related via \(d.relatedVia ?? "?") × \(fmt(SkillsChannel.relatedCredit))"
    }
  }

  private func relatedResumeSkill(
    _ id: String, _ resumeSkills: [String: ProfiledSkill], _ taxonomy: SkillTaxonomy
  ) -> ProfiledSkill? {
    guard let i = taxonomy.index[id] else { return nil }
    return taxonomy.relatedIndices[i].lazy.compactMap { resumeSkills[taxonomy.skills[$0].id] }.first
  }

  private func resumeCoverage(_ posting: SkillProfile?, _ resume: SkillProfile?) -> Explanation {
    guard let posting, let resume, let taxonomy, !resume.skills.isEmpty else {
      return Explanation(value: 0, label: text("no skills recognised in the résumé (unknown, scored 0)"))
    }
    let postingIDs = Set(posting.skills.map(\.id))
    let ids = Array(Set(resume.skills.map(\.id))).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let total = ids.reduce(0) { $0 + specificity.weight($1) }
    let children: [Explanation] = ids.compactMap { id in
      let name = taxonomy[id]?.name ?? id
      let share = specificity.weight(id) / total
      if postingIDs.contains(id) {
        return Explanation(value: share, label: text("\(name): used by the posting"))
      }
      if let i = taxonomy.index[id],
        let via = taxonomy.relatedIndices[i].first(where: { postingIDs.contains(taxonomy.skills[$0].id) })
      {
        return Explanation(
          value: share * SkillsChannel.relatedCredit,
          label: text("\(name): related to \(taxonomy.skills[via].name)"))
      }
      return nil
    }
    return Explanation.sum(
      text("share of the résumé's \(ids.count) skills the posting uses (each weighted by specificity, Σ = \(short(total)))"),
      children)
  }
}

/// Four decimals, for labels.
func fmt(_ x: Double) -> String { String(format: "%.4f", x) }

/// Weights as written by people: "1", "0.5", "23.25".
func short(_ x: Double) -> String {
  var s = String(format: "%.2f", x)
  while s.hasSuffix("0") { s.removeLast() }
  if s.hasSuffix(".") { s.removeLast() }
  return s
}
