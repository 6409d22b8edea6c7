/// Whether a document is a job posting or a résumé; profiles and scores read them differently.
public enum DocumentRole: String, Codable, Sendable, CaseIterable {
  case posting, resume

  /// A guess from the format and the section headings (used when the caller does not say).
  public static func guess(_ document: Document) -> DocumentRole {
    switch document.format {
    case .jsonResume: return .resume
    case .jobPosting: return .posting
    default: break
    }
    var posting = 0
    var resume = 0
    for section in document.sections {
      switch section.kind {
      case .requirements, .preferred, .responsibilities, .benefits, .about: posting += 1
      case .experience, .education, .certifications, .projects: resume += 1
      default: break
      }
    }
    return posting > resume ? .posting : .resume
  }
}

/// Where a skill was found: the line, shown to users as the reason for a match.
public struct SkillEvidence: Codable, Sendable, Equatable {
  /// The whole line, trimmed.
  public var line: String
  /// UTF-8 byte range of the matched words in the document text.
  public var start: Int
  public var end: Int
  public var section: Section.Kind
  /// The taxonomy name or alias that matched.
  public var matched: String
}

/// A skill of a profile, with its requirement level (postings) and evidence.
public struct ProfiledSkill: Codable, Sendable, Equatable {
  public var id: String
  /// Canonical name.
  public var skill: String
  public var category: String
  /// Postings: required / preferred / mentioned (the strongest over all mentions). Résumés: nil.
  public var level: RequirementLevel?
  /// Postings: the level's weight. Résumés: 1.
  public var weight: Double
  /// Résumés: years of the work-history periods whose entries mention the skill.
  public var years: Double?
  /// Every line the skill appears on, in text order.
  public var evidence: [SkillEvidence]
}

/// What a document asks for or offers.
public struct SkillProfile: Codable, Sendable, Equatable {
  public var role: DocumentRole
  /// Strongest level first, then by name.
  public var skills: [ProfiledSkill]
  /// Résumés: total years covered by the work history (overlaps counted once). Postings: the
  /// largest minimum stated among the requirements ("7+ years" → 7).
  public var experienceYears: Double?
  /// Postings: the stated requirements verbatim as ranges.
  public var experienceRequirements: [ExperienceExtractor.YearRange]
  /// Résumés: the highest degree named in Education. Postings: the lowest degree asked for.
  public var degree: ExperienceExtractor.Degree?
  public var languages: [String]

  enum CodingKeys: String, CodingKey {
    case role, skills, degree, languages
    case experienceYears = "experience_years"
    case experienceRequirements = "experience_requirements"
  }
}
