import Foundation
import JobFitCore

/// The hand-annotated skill extraction set in Tests/JobFitCoreTests/Fixtures/skills-gold.
public struct SkillsGold: Decodable, Sendable {
  /// One expected skill: a taxonomy id, other ids naming the same skill, and (postings) a level.
  public struct Expected: Decodable, Sendable {
    public var id: String
    public var alt: [String]?
    public var level: RequirementLevel?

    /// Every id that counts as finding this skill.
    public var ids: [String] { [id] + (alt ?? []) }
  }

  /// A phrase in which none of `forbidden` may be matched ("go to market" → `go`).
  public struct Trap: Decodable, Sendable {
    public var phrase: String
    public var forbidden: [String]
  }

  public struct Entry: Decodable, Sendable {
    public var file: String
    public var role: DocumentRole
    public var skills: [Expected]
    /// Present in the text but secondary: neither a hit nor a false positive.
    public var optional: [String]
    public var traps: [Trap]
  }

  public var documents: [Entry]

  /// The fixture folder.
  public static let folder = Repository.root
    .appendingPathComponent("Tests/JobFitCoreTests/Fixtures/skills-gold")

  /// Reads gold.json.
  public static func load() throws -> SkillsGold {
    let data = try Data(contentsOf: folder.appendingPathComponent("gold.json"))
    return try JSONDecoder().decode(SkillsGold.self, from: data)
  }

  /// The document of `entry`, split into sections as the loader would.
  public static func document(_ entry: Entry) throws -> Document {
    let url = folder.appendingPathComponent("docs").appendingPathComponent(entry.file)
    let text = try String(contentsOf: url, encoding: .utf8)
    return Document(
      id: entry.file, sourcePath: url.path, format: .text, text: text,
      sections: SectionSplitter.sections(in: text))
  }
}

/// What the profiler got right and wrong on one gold document.
public struct SkillsGoldResult: Sendable {
  public var file: String
  public var truePositives: Int
  /// Expected ids not found (the first id of each missed skill).
  public var falseNegatives: [String]
  /// Found ids that are neither expected nor optional, with the words that matched.
  public var falsePositives: [(id: String, matched: String)]
  /// Expected levels compared: (id, expected, found).
  public var levels: [(id: String, expected: RequirementLevel, found: RequirementLevel?)]

  /// Scores `profile` against `entry`.
  public init(entry: SkillsGold.Entry, profile: SkillProfile) {
    file = entry.file
    let found = Dictionary(profile.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var credited = Set<String>()
    var hits = 0
    var missed: [String] = []
    var levels: [(String, RequirementLevel, RequirementLevel?)] = []
    for expected in entry.skills {
      let matches = expected.ids.filter { found[$0] != nil }
      guard let first = matches.first else {
        missed.append(expected.id)
        continue
      }
      hits += 1
      credited.formUnion(matches)
      if let level = expected.level, entry.role == .posting {
        levels.append((expected.id, level, found[first]?.level))
      }
    }
    let neutral = credited.union(entry.optional)
    truePositives = hits
    falseNegatives = missed
    falsePositives = profile.skills.filter { !neutral.contains($0.id) }
      .map { ($0.id, $0.evidence.first?.matched ?? "") }
    self.levels = levels
  }
}

/// Micro-averaged scores over many documents.
public struct SkillsGoldSummary: Sendable {
  public var results: [SkillsGoldResult]

  public init(_ results: [SkillsGoldResult]) { self.results = results }

  public var truePositives: Int { results.reduce(0) { $0 + $1.truePositives } }
  public var falsePositives: Int { results.reduce(0) { $0 + $1.falsePositives.count } }
  public var falseNegatives: Int { results.reduce(0) { $0 + $1.falseNegatives.count } }

  /// TP / (TP + FP).
  public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
  /// TP / (TP + FN).
  public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
  /// 2PR / (P + R).
  public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

  /// Share of annotated levels (of skills that were found) that the profiler got right.
  public var levelAccuracy: Double {
    let all = results.flatMap(\.levels)
    return ratio(all.filter { $0.expected == $0.found }.count, all.count)
  }
  public var levelCount: Int { results.reduce(0) { $0 + $1.levels.count } }

  /// A compact report: totals, then one line per document with its errors.
  public var report: String {
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    var lines = [
      "skills-gold: \(results.count) documents, TP \(truePositives), FP \(falsePositives), FN \(falseNegatives)",
      "  precision \(f(precision))  recall \(f(recall))  F1 \(f(f1))  level accuracy \(f(levelAccuracy)) (\(levelCount) levels)",
    ]
    for r in results where !(r.falseNegatives.isEmpty && r.falsePositives.isEmpty) {
      var line = "  \(r.file):"
      if !r.falseNegatives.isEmpty { line += " FN [\(r.falseNegatives.joined(separator: ", "))]" }
      if !r.falsePositives.isEmpty {
        line += " FP [\(r.falsePositives.map { "\($0.id) ← \"\($0.matched)\"" }.joined(separator: ", "))]"
      }
      lines.append(line)
    }
    for r in results {
      for l in r.levels where l.expected != l.found {
        lines.append("  level \(r.file) \(l.id): expected \(l.expected.rawValue), found \(l.found?.rawValue ?? "none")")
      }
    }
    return lines.joined(separator: "\n")
  }

  private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
