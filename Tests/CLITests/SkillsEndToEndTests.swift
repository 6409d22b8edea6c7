import Foundation
import JobFitTestSupport
import Testing

/// `jobfit skills` and `jobfit explain` run as a user runs them.
@Suite("jobfit skills and explain (end to end)")
struct SkillsEndToEndTests {
  @Test("skills --format json: the documented fields, levels from the posting's sections")
  func skillsJSON() throws {
    let run = try CLIRunner.run(
      ["skills", "data/samples/postings/ml-engineer-generative-ai.md", "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["role"] as? String == "posting")
    #expect(json["experience_years"] as? Double == 5)
    let skills = try #require(json["skills"] as? [[String: Any]])
    let byID = Dictionary(uniqueKeysWithValues: skills.compactMap { s in (s["id"] as? String).map { ($0, s) } })
    #expect(byID["pytorch"]?["level"] as? String == "required")
    #expect(byID["diffusion-models"] != nil)
    for skill in skills {
      for key in ["id", "skill", "weight", "evidence"] { #expect(skill[key] != nil, "\(key)") }
      let evidence = try #require((skill["evidence"] as? [[String: Any]])?.first)
      #expect(!((evidence["line"] as? String) ?? "").isEmpty)
    }
  }

  @Test("skills on a résumé reads work-history years and finds skills by alias")
  func skillsResume() throws {
    let run = try CLIRunner.run(
      ["skills", "data/samples/resumes/priya-raman-ml-engineer.md", "--as", "resume", "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["role"] as? String == "resume")
    #expect(((json["experience_years"] as? Double) ?? 0) > 5)
    let ids = Set(((json["skills"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
    #expect(ids.isSuperset(of: ["pytorch", "python", "diffusion-models"]))
  }

  @Test("explain --format json: the tree reconciles and matches rank's score")
  func explainJSON() throws {
    let resume = "data/samples/resumes/tomas-novak-junior-backend.txt"
    let posting = "data/samples/postings/backend-engineer-go.txt"
    let run = try CLIRunner.run(["explain", "--resume", resume, "--posting", posting, "--format", "json"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let match = try #require((json["results"] as? [[String: Any]])?.first)
    let tree = try #require(match["explanation"] as? [String: Any])
    func check(_ node: [String: Any]) -> Double {
      let value = node["value"] as? Double ?? .nan
      let children = node["children"] as? [[String: Any]] ?? []
      if !children.isEmpty {
        let sum = children.map(check).reduce(0, +)
        #expect(abs(sum - value) <= 1e-9, "\(node["label"] ?? "")")
      }
      return value
    }
    let root = check(tree)
    #expect(abs(root - (match["score"] as? Double ?? .nan)) <= 1e-6)
    let missing = ((match["skills"] as? [String: Any])?["missing"] as? [[String: Any]]) ?? []
    let levels = missing.compactMap { $0["level"] as? String }
    #expect(levels == levels.sorted { order($0) < order($1) }, "required first")
  }

  @Test("explain as a table and as Markdown shows the score, channels and skills")
  func explainText() throws {
    let args = ["explain", "--resume", "data/samples/resumes/grace-okafor-icu-nurse.json",
                "--posting", "data/samples/postings/registered-nurse-icu.txt"]
    let table = try CLIRunner.run(args)
    let markdown = try CLIRunner.run(args + ["--format", "markdown"])
    #expect(table.status == 0 && markdown.status == 0)
    #expect(table.stdout.contains("score = Σ weight × channel"))
    #expect(table.stdout.contains("skills: 0.1200 × posting coverage"))
    #expect(table.stdout.contains("Basic Life Support"))
    #expect(markdown.stdout.hasPrefix("## Grace Okafor"))
  }

  @Test("--channels lexical gives the plain TF-IDF cosine as the score")
  func lexicalOnly() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", "data/samples/resumes/james-carter-sales.txt", "data/samples/postings",
       "--channels", "lexical", "--format", "json", "--top", "3"])
    #expect(run.status == 0)
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    for result in (json?["results"] as? [[String: Any]]) ?? [] {
      let channels = result["channels"] as? [String: Double] ?? [:]
      #expect(Array(channels.keys) == ["lexical"])
      #expect(abs((channels["lexical"] ?? -1) - (result["score"] as? Double ?? -2)) < 1e-6)
    }
    let bad = try CLIRunner.run(
      ["rank", "--resume", "data/samples/resumes/james-carter-sales.txt", "data/samples/postings",
       "--channels", "vibes"])
    #expect(bad.status == 64 && bad.stderr.contains("unknown channel 'vibes'"))
  }
}

private func order(_ level: String) -> Int { ["required": 0, "preferred": 1, "mentioned": 2][level] ?? 3 }

/// The semantic channels, as a user turns them on with `--channels`.
@Suite("Semantic channels (end to end)")
struct SemanticEndToEndTests {
  static var modelInstalled: Bool {
    let env = ProcessInfo.processInfo.environment
    let root = env["JOBFIT_MODELS"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: env["HOME"] ?? "/root").appendingPathComponent(".cache/jobfit/models")
    return FileManager.default.fileExists(
      atPath: root.appendingPathComponent("all-MiniLM-L6-v2/model.safetensors").path)
  }

  @Test("--channels with encoder: ranks and explains with posting-line evidence, or says how to install")
  func encoder() throws {
    let run = try CLIRunner.run(
      ["explain", "--resume", "data/samples/resumes/hannah-lee-teacher-to-ux.pdf",
       "--posting", "data/samples/postings/ux-designer.md", "--channels", "skills,encoder",
       "--format", "json"], timeout: 600)
    if Self.modelInstalled {
      #expect(run.status == 0, "stderr: \(run.stderr)")
      let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
      let match = try #require((json?["results"] as? [[String: Any]])?.first)
      let cosine = try #require((match["channels"] as? [String: Double])?["encoder"])
      #expect(cosine > 0.5 && cosine <= 1)
      let tree = try #require(match["explanation"] as? [String: Any])
      let encoderNode = (tree["children"] as? [[String: Any]])?.first {
        ($0["label"] as? String)?.hasPrefix("encoder:") == true
      }
      let lines = (encoderNode?["children"] as? [[String: Any]]) ?? []
      #expect(lines.contains { ($0["label"] as? String)?.contains("←") == true })
      let sum = lines.reduce(0.0) { $0 + (($1["value"] as? Double) ?? 0) }
      #expect(abs(sum - ((encoderNode?["value"] as? Double) ?? -1)) < 1e-9)
    } else {
      #expect(run.status == 69)
      #expect(run.stderr.contains("scripts/install_model.sh"))
    }
  }

  @Test("--channels with lsa: the blend includes an LSA cosine in [0, 1] and still ranks the gold first")
  func lsa() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", "data/samples/resumes/marco-bellini-chef.html", "data/samples/postings",
       "--channels", "lexical,skills,lsa", "--format", "json", "--top", "3"])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let results = (json?["results"] as? [[String: Any]]) ?? []
    #expect(results.first?["id"] as? String == "chef-de-cuisine.txt")
    for result in results {
      let lsa = (result["channels"] as? [String: Double])?["lsa"] ?? -2
      #expect(lsa >= -1e-6 && lsa <= 1 + 1e-6)
    }
  }
}
