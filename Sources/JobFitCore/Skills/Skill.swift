/// One entry of the skill taxonomy (data/skills/skills.jsonl).
public struct Skill: Codable, Sendable, Equatable, Hashable {
  /// Stable slug of the canonical name ("kubernetes", "c++", "a-b-testing").
  public var id: String
  /// Canonical spelling ("Kubernetes").
  public var name: String
  public var category: String
  /// Other names and spellings ("k8s").
  public var aliases: [String]
  /// Ids of skills that earn partial credit for each other (PyTorch ~ TensorFlow).
  public var related: [String]
  /// Names or aliases that are also ordinary words ("Go", "R", "CV") and match only in context.
  public var ambiguousAliases: [String]
  /// Where the entry came from: "curated", "onet", "esco", "so".
  public var sources: [String]

  public init(
    id: String, name: String, category: String = "", aliases: [String] = [],
    related: [String] = [], ambiguousAliases: [String] = [], sources: [String] = ["curated"]
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.aliases = aliases
    self.related = related
    self.ambiguousAliases = ambiguousAliases
    self.sources = sources
  }

  /// True for entries the project wrote by hand (trusted aliases).
  public var isCurated: Bool { sources.contains("curated") }

  enum CodingKeys: String, CodingKey {
    case id, name, category, aliases, related, sources
    case ambiguousAliases = "ambiguous_aliases"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    category = try c.decodeIfPresent(String.self, forKey: .category) ?? ""
    aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    related = try c.decodeIfPresent([String].self, forKey: .related) ?? []
    ambiguousAliases = try c.decodeIfPresent([String].self, forKey: .ambiguousAliases) ?? []
    sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
  }
}
