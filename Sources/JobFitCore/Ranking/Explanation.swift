/// Why a score is what it is: a tree whose children add up to their parent.
///
/// Every node's `value` is the sum of its children's values (when it has children), so a reader
/// can follow the final score down to single terms and skills; each label names the constants
/// used ("0.40 × cosine 0.4836", "idf 2.31"). Shape borrowed from tantivy's `Explanation`.
public struct Explanation: Codable, Sendable, Equatable {
  public var value: Double
  public var label: String
  public var children: [Explanation]

  public init(value: Double, label: String, children: [Explanation] = []) {
    self.value = value
    self.label = label
    self.children = children
  }

  /// A parent whose value is the exact sum of `children`.
  public static func sum(_ label: String, _ children: [Explanation]) -> Explanation {
    Explanation(value: children.reduce(0) { $0 + $1.value }, label: label, children: children)
  }

  /// The largest |value − Σ children| anywhere in the tree (0 for a consistent tree).
  public var maxReconciliationError: Double {
    guard !children.isEmpty else { return 0 }
    let own = abs(value - children.reduce(0) { $0 + $1.value })
    return children.reduce(own) { max($0, $1.maxReconciliationError) }
  }
}

/// How one posting skill fared against a résumé.
public struct SkillMatchDetail: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable {
    /// The résumé names the skill by its canonical name.
    case exact
    /// The résumé names it by an alias ("k8s" for Kubernetes).
    case alias
    /// The résumé names a related skill (partial credit).
    case related
    case missing
  }

  public var id: String
  public var skill: String
  public var level: RequirementLevel
  /// Requirement weight of the level (required 1, preferred 0.5, mentioned 0.25).
  public var weight: Double
  /// The skill's specificity in the run (`SkillSpecificity`); its share is `weight × specificity / Σ`.
  public var specificity: Double
  public var match: Kind
  /// For `related`: the résumé skill that earned the credit.
  public var relatedVia: String?
  /// The résumé line that shows it (nil when missing).
  public var evidence: String?
  /// This skill's share of the final score.
  public var contribution: Double

  enum CodingKeys: String, CodingKey {
    case id, skill, level, weight, specificity, match, evidence, contribution
    case relatedVia = "related_via"
  }
}

/// Matched and missing posting skills of one (posting, résumé) pair.
public struct MatchSkills: Codable, Sendable, Equatable {
  /// Matched skills (exact, alias, related), largest contribution first.
  public var matched: [SkillMatchDetail]
  /// Missing skills, required first, then by weight and name.
  public var missing: [SkillMatchDetail]
}
