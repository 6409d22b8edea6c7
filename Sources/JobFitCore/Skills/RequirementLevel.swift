/// How strongly a posting asks for a skill.
public enum RequirementLevel: String, Codable, Sendable, CaseIterable, Comparable {
  case required, preferred, mentioned

  /// Default weights (README, "Scoring"): a must-have counts twice a nice-to-have and four times
  /// a skill only mentioned among the duties.
  public var weight: Double {
    switch self {
    case .required: 1.0
    case .preferred: 0.5
    case .mentioned: 0.25
    }
  }

  private var strength: Int {
    switch self {
    case .required: 2
    case .preferred: 1
    case .mentioned: 0
    }
  }

  /// Stronger levels sort first.
  public static func < (a: RequirementLevel, b: RequirementLevel) -> Bool { a.strength > b.strength }

  /// The level of a skill found on `line` in a section of `kind`.
  ///
  /// The section decides first (Requirements / Minimum qualifications / Must-haves / Skills →
  /// required; Preferred / Nice to have / Bonus → preferred; Responsibilities and anything else
  /// → mentioned). Wording on the line then overrides: "a plus", "nice to have", "bonus",
  /// "preferred", "ideally", "desirable" make it preferred; outside a preferred section,
  /// "must", "required", "minimum", "essential", "N+ years" make it required.
  public static func classify(section kind: Section.Kind, line: String) -> RequirementLevel {
    let lower = line.lowercased()
    let preferredWords = [
      "a plus", "nice to have", "nice-to-have", "bonus", "preferred", "ideally", "desirable",
      "advantage", "is a plus", "would be great",
    ]
    if preferredWords.contains(where: lower.contains) { return .preferred }
    switch kind {
    case .requirements, .skills: return .required
    case .preferred: return .preferred
    default: break
    }
    let requiredWords = ["must", "required", "requirement", "minimum", "essential", "mandatory"]
    if requiredWords.contains(where: lower.contains) { return .required }
    if ExperienceExtractor.yearRequirements(in: line).isEmpty == false { return .required }
    return .mentioned
  }
}
