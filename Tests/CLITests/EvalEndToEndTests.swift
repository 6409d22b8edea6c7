import Foundation
import JobFitTestSupport
import Testing

/// `jobfit eval` failures a user can cause: each a one-line error and its documented status.
/// (The evaluation itself runs on real data in Tests/EvaluationTests.)
@Suite("jobfit eval errors (end to end)")
struct EvalEndToEndTests {
  private func emptyFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-eval-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("A missing data folder exits 66 naming it")
  func missingFolder() throws {
    let run = try CLIRunner.run(["eval", "--data", "/nonexistent/jobfit-eval-data", "--quiet"])
    #expect(run.status == 66)
    #expect(run.stdout.isEmpty)
    #expect(run.stderrLines.count == 1)
    #expect(run.stderr.contains("/nonexistent/jobfit-eval-data"))
  }

  @Test("A dataset file that is not there exits 66 naming the file")
  func missingDatasetFile() throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLIRunner.run(["eval", "--data", folder.path, "--tasks", "gulp", "--quiet"])
    #expect(run.status == 66, "\(run.stderr)")
    #expect(run.stderrLines.count == 1)
    #expect(run.stderr.contains("gulp-cv-project-matching-de"))
  }

  @Test("Unknown tasks, channels and grid steps are usage errors (64)", arguments: [
    ["--tasks", "nosuchset"], ["--channels", "lexical,colour"], ["--step", "0.3"],
    ["--weights", "lexical=abc"], ["--channels", ","],
  ])
  func usageErrors(_ extra: [String]) throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try CLIRunner.run(["eval", "--data", folder.path, "--quiet"] + extra)
    #expect(run.status == 64, "\(extra): \(run.stderr)")
    #expect(run.stdout.isEmpty)
  }
}
