/// One place where a document names a skill.
public struct SkillMention: Sendable, Equatable, Codable {
  /// Position of the skill in the taxonomy.
  public var skill: Int
  /// The taxonomy name or alias that matched, as the taxonomy writes it.
  public var alias: String
  /// True when the canonical name matched, false for an alias.
  public var isCanonical: Bool
  /// UTF-8 byte range of the matched words in `Document.text`.
  public var start: Int
  public var end: Int
  /// UTF-8 byte range of the whole line the mention is on (the evidence shown to users).
  public var lineStart: Int
  public var lineEnd: Int
  /// The section the line belongs to (`.other` outside any heading).
  public var section: Section.Kind
}
