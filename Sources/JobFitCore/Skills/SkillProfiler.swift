import Foundation

/// Builds skill profiles of postings and résumés.
public struct SkillProfiler: Sendable {
  public let matcher: SkillMatcher
  /// The month that "Present" means in résumé dates (defaults to the current month).
  public var asOf: (year: Int, month: Int)

  public init(matcher: SkillMatcher, asOf: (year: Int, month: Int)? = nil) {
    self.matcher = matcher
    if let asOf {
      self.asOf = asOf
    } else {
      let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
      self.asOf = (now.year ?? 2026, now.month ?? 1)
    }
  }

  /// The profile of `document` read as `role` (guessed when nil).
  ///
  /// - Complexity: O(*n*) in the length of the text, plus one line classification per distinct
  ///   line holding a mention (postings): each evidence line is decoded and trimmed once, however
  ///   many mentions it holds.
  public func profile(_ document: Document, as role: DocumentRole? = nil) -> SkillProfile {
    let role = role ?? DocumentRole.guess(document)
    let mentions = matcher.mentions(in: document)
    var lines = EvidenceLines(text: document.text)
    var order: [Int] = []
    var grouped: [Int: [SkillMention]] = [:]
    for m in mentions {
      if grouped[m.skill] == nil { order.append(m.skill) }
      grouped[m.skill, default: []].append(m)
    }
    let periods = role == .resume ? experiencePeriods(document) : []
    var skills: [ProfiledSkill] = order.map { index in
      let skill = matcher.taxonomy.skills[index]
      let found = grouped[index] ?? []
      var level: RequirementLevel?
      if role == .posting {
        level = found.map { lines.level(of: $0) }.min()
      }
      var years: Double?
      if role == .resume, !periods.isEmpty {
        let covering = periods.filter { p in found.contains { p.range.contains($0.start) } }
        if !covering.isEmpty { years = WorkHistory.years(covering.map(\.period)) }
      }
      return ProfiledSkill(
        id: skill.id, skill: skill.name, category: skill.category, level: level,
        weight: level?.weight ?? 1, years: years,
        evidence: found.map {
          SkillEvidence(
            line: lines.line($0), start: $0.start, end: $0.end, section: $0.section,
            matched: $0.alias)
        })
    }
    skills.sort {
      if $0.weight != $1.weight { return $0.weight > $1.weight }
      return $0.skill.utf8.lexicographicallyPrecedes($1.skill.utf8)
    }
    let requirements = role == .posting ? requirements(document) : []
    return SkillProfile(
      role: role, skills: skills,
      experienceYears: experienceYears(role: role, periods: periods, requirements: requirements),
      experienceRequirements: requirements,
      degree: degree(document, role: role),
      languages: ExperienceExtractor.languages(in: languagesText(document)))
  }

  // MARK: - Parts

  /// Work-history periods, each with the byte range of its entry (to the next dated line).
  private func experiencePeriods(_ document: Document) -> [(period: WorkHistory.Period, range: Range<Int>)] {
    let experience = document.sections.filter { $0.kind == .experience }
    var periods = WorkHistory.periods(in: document.text, asOf: asOf)
    if !experience.isEmpty {
      periods = periods.filter { p in experience.contains { $0.range.contains(p.lineStart) } }
    }
    let total = document.text.utf8.count
    return periods.enumerated().map { i, p in
      let next = i + 1 < periods.count ? periods[i + 1].lineStart : total
      let sectionEnd = document.sections.first { $0.range.contains(p.lineStart) }?.range.upperBound ?? total
      return (p, p.lineStart..<max(p.lineStart, min(next, sectionEnd)))
    }
  }

  private func experienceYears(
    role: DocumentRole, periods: [(period: WorkHistory.Period, range: Range<Int>)],
    requirements: [ExperienceExtractor.YearRange]
  ) -> Double? {
    switch role {
    case .resume:
      return periods.isEmpty ? nil : (WorkHistory.years(periods.map(\.period)) * 10).rounded() / 10
    case .posting:
      return requirements.map(\.minimum).max()
    }
  }

  private func requirements(_ document: Document) -> [ExperienceExtractor.YearRange] {
    let bodies = document.sections.filter { $0.kind == .requirements || $0.kind == .preferred }
    let text = bodies.isEmpty ? document.text : bodies.map { slice(document, $0.range) }.joined(separator: "\n")
    return ExperienceExtractor.yearRequirements(in: text)
  }

  private func degree(_ document: Document, role: DocumentRole) -> ExperienceExtractor.Degree? {
    let kinds: Set<Section.Kind> = role == .resume ? [.education] : [.requirements, .preferred]
    let bodies = document.sections.filter { kinds.contains($0.kind) }
    let text = bodies.isEmpty ? document.text : bodies.map { slice(document, $0.range) }.joined(separator: "\n")
    let found = ExperienceExtractor.degrees(in: text)
    return role == .resume ? found.max() : found.min()
  }

  private func languagesText(_ document: Document) -> String {
    let bodies = document.sections.filter { $0.kind == .languages }
    if !bodies.isEmpty { return bodies.map { slice(document, $0.range) }.joined(separator: "\n") }
    // Otherwise only lines that talk about speaking a language.
    return SpokenLanguageLines.filter(document.text)
  }

  private func slice(_ document: Document, _ range: Range<Int>) -> String {
    let utf8 = document.text.utf8
    let lo = utf8.index(utf8.startIndex, offsetBy: min(range.lowerBound, utf8.count))
    let hi = utf8.index(utf8.startIndex, offsetBy: min(range.upperBound, utf8.count))
    return String(decoding: utf8[lo..<hi], as: UTF8.self)
  }
}
