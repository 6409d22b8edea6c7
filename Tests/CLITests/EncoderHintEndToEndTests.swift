import Foundation
import JobFitTestSupport
import Testing

/// Without the sentence encoder `rank` and `score` still work and say once, on stderr, how to
/// install it (issue 4).
@Suite("Encoder install hint (end to end)")
struct EncoderHintEndToEndTests {
  static let hint =
    "note: sentence encoder not installed (semantic channel off); install with scripts/install_model.sh"

  /// A fresh models root; with `modelFiles` it holds (empty) files the model check looks for.
  static func modelsRoot(modelFiles: Bool = false) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-models-\(UUID().uuidString)", isDirectory: true)
    let model = root.appendingPathComponent("all-MiniLM-L6-v2", isDirectory: true)
    try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
    if modelFiles {
      for name in ["model.safetensors", "vocab.txt", "config.json"] {
        try Data().write(to: model.appendingPathComponent(name))
      }
    }
    return root
  }

  /// `JOBFIT_MODELS` at `root`, hints on (an empty `JOBFIT_NO_HINTS` counts as unset).
  static func environment(_ root: URL, noHints: String = "") -> [String: String] {
    ["JOBFIT_MODELS": root.path, "JOBFIT_NO_HINTS": noHints]
  }

  static let rankArguments = [
    "rank", "--resume", "data/samples/resumes/priya-raman-ml-engineer.md", "data/samples/postings",
    "--format", "json",
  ]
  static let scoreArguments = [
    "score", "--postings", "data/samples/collections/postings.jsonl",
    "--candidates", "data/samples/collections/candidates.csv", "--top", "2", "--format", "json",
  ]

  @Test("rank and score without the model: the hint once on stderr, clean JSON on stdout",
        arguments: [rankArguments, scoreArguments])
  func hintOnceWithoutTheModel(arguments: [String]) throws {
    let root = try Self.modelsRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try CLIRunner.run(arguments, environment: Self.environment(root))
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stderrLines.filter { $0 == Self.hint }.count == 1, "stderr: \(run.stderr)")
    #expect(run.stderrLines == [Self.hint], "nothing else on stderr: \(run.stderr)")
    #expect(!run.stdout.contains("install_model"))
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let results = try #require(json?["results"] as? [Any])
    #expect(!results.isEmpty)
  }

  @Test("JOBFIT_NO_HINTS=1 silences the hint")
  func suppressed() throws {
    let root = try Self.modelsRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try CLIRunner.run(Self.rankArguments, environment: Self.environment(root, noHints: "1"))
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
  }

  @Test("No hint when the model's files are there")
  func silentWhenInstalled() throws {
    let root = try Self.modelsRoot(modelFiles: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try CLIRunner.run(Self.rankArguments, environment: Self.environment(root))
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
  }

  @Test("Asking for the encoder channel without the model is an error, not a hint")
  func requestedEncoderFails() throws {
    let root = try Self.modelsRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try CLIRunner.run(
      Self.rankArguments + ["--channels", "lexical,encoder"], environment: Self.environment(root))
    #expect(run.status != 0)
    #expect(!run.stderrLines.contains(Self.hint), "stderr: \(run.stderr)")
    #expect(run.stderr.contains("install_model.sh"), "stderr: \(run.stderr)")
  }
}
