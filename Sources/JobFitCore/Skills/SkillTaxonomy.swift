import Dispatch
import Foundation
import LinearAlgebra

/// The skills JobFit recognises, with their aliases and relations.
///
/// Loaded from `data/skills/skills.jsonl` (one `Skill` per line; built by
/// `scripts/build_taxonomy.py` from O*NET, ESCO, Stack Overflow and a curated layer). Skills are
/// addressed by their position (`index`) internally and by `id` everywhere else.
public struct SkillTaxonomy: Sendable {
  public let skills: [Skill]
  /// id → position in `skills`.
  public let index: [String: Int]
  /// For each skill, the positions of its related skills (both directions, deduplicated).
  public let relatedIndices: [[Int]]

  /// A taxonomy over `skills`; related ids that do not exist are ignored, relations are made
  /// symmetric.
  ///
  /// - Throws: `JobFitError.invalidParameter` when two skills share an id.
  public init(_ skills: [Skill]) throws {
    var index: [String: Int] = [:]
    for (i, skill) in skills.enumerated() {
      guard index.updateValue(i, forKey: skill.id) == nil else {
        throw JobFitError.invalidParameter(
          name: "skill id", value: skill.id, expected: "ids unique within the taxonomy")
      }
    }
    var related = [Set<Int>](repeating: [], count: skills.count)
    for (i, skill) in skills.enumerated() {
      for id in skill.related {
        guard let j = index[id], j != i else { continue }
        related[i].insert(j)
        related[j].insert(i)
      }
    }
    self.skills = skills
    self.index = index
    self.relatedIndices = related.map { $0.sorted() }
  }

  public subscript(id: String) -> Skill? { index[id].map { skills[$0] } }

  /// Reads a JSON Lines taxonomy file.
  ///
  /// - Throws: `JobFitError.fileNotFound`, or `invalidDocument` naming the line that is not a skill.
  public static func load(from url: URL) throws -> SkillTaxonomy {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    // Split a byte array, not `Data`: `Data.split` pays an exclusivity check per byte (it was
    // a third of a whole `rank` run's instructions in a profile).
    let bytes = [UInt8](data)
    let lines: [ArraySlice<UInt8>] = {
      var lines: [ArraySlice<UInt8>] = []
      var start = 0
      for (i, b) in bytes.enumerated() where b == 0x0A {
        lines.append(bytes[start..<i])
        start = i + 1
      }
      lines.append(bytes[start..<bytes.count])
      return lines
    }()
    // Decode in parallel chunks; a failure names the first bad line.
    let chunkCount = max(1, min(lines.count, ProcessorCount.active * 4))
    var parts = [Result<[Skill], JobFitError>](repeating: .success([]), count: chunkCount)
    parts.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let decoder = JSONDecoder()
        var skills: [Skill] = []
        for n in (lines.count * chunk / chunkCount)..<(lines.count * (chunk + 1) / chunkCount) {
          let line = lines[n]
          if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
          guard let skill = try? decoder.decode(Skill.self, from: Data(line)) else {
            out.value[chunk] = .failure(
              .invalidDocument(path: "\(url.path):\(n + 1)", reason: "not a skill record (id, name, aliases…)"))
            return
          }
          skills.append(skill)
        }
        out.value[chunk] = .success(skills)
      }
    }
    var skills: [Skill] = []
    for part in parts { skills += try part.get() }
    return try SkillTaxonomy(skills)
  }

  /// The taxonomy shipped in JobFit's data folder, loaded once per process.
  ///
  /// - Throws: `JobFitError.missingDataFile` when data/skills/skills.jsonl cannot be found.
  public static func bundled() throws -> SkillTaxonomy {
    try bundledResult.get()
  }

  private static let bundledResult: Result<SkillTaxonomy, JobFitError> = {
    let relative = "skills/skills.jsonl"
    guard let url = DataDirectory.file(relative) else {
      return .failure(.missingDataFile(relativePath: relative))
    }
    do {
      return .success(try load(from: url))
    } catch let error as JobFitError {
      return .failure(error)
    } catch {
      return .failure(.corruptModel(path: url.path, reason: "\(error)"))
    }
  }()
}
