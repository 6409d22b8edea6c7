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
    var line = line
    let fast: (preferred: Bool?, required: Bool?) = line.withUTF8 { bytes in
      (
        ASCIIText.containsAny(preferredWords, in: bytes),
        ASCIIText.containsAny(requiredWords, in: bytes)
      )
    }
    let lower = fast.preferred == nil || fast.required == nil ? line.lowercased() : ""
    func contains(_ words: [[UInt8]], _ fast: Bool?) -> Bool {
      fast ?? words.contains { lower.contains(String(decoding: $0, as: UTF8.self)) }
    }
    if contains(preferredWords, fast.preferred) { return .preferred }
    switch kind {
    case .requirements, .skills: return .required
    case .preferred: return .preferred
    default: break
    }
    if contains(requiredWords, fast.required) { return .required }
    if ExperienceExtractor.yearRequirements(in: line).isEmpty == false { return .required }
    return .mentioned
  }

  private static let preferredWords = ASCIIText.needles([
    "a plus", "nice to have", "nice-to-have", "bonus", "preferred", "ideally", "desirable",
    "advantage", "is a plus", "would be great",
  ])
  private static let requiredWords = ASCIIText.needles([
    "must", "required", "requirement", "minimum", "essential", "mandatory",
  ])
}
