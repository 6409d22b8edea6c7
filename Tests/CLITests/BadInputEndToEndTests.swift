import Foundation
import JobFitTestSupport
import Testing

/// Every documented bad-input case: a one-line error naming the file, the documented exit status,
/// no crash, no hang; in a batch the good files are still processed.
@Suite("Bad input (end to end)")
struct BadInputEndToEndTests {
  static let postings = "data/samples/postings"
  static let goodResume = "data/samples/resumes/sofia-martins-data-analyst.md"

  /// Asserts the run failed with `status` and exactly one stderr line naming `path` and `reason`.
  func expectError(_ run: CLIRun, status: Int32, path: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == status, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    let errors = run.stderrLines.filter { $0.hasPrefix("error: ") }
    #expect(errors.count == 1, "\(run.stderrLines)", sourceLocation: sourceLocation)
    #expect(errors.first?.contains(path) == true, "\(errors)", sourceLocation: sourceLocation)
    #expect(errors.first?.lowercased().contains(reason) == true, "\(errors)", sourceLocation: sourceLocation)
  }

  @Test("Résumé cases: each fails with its own reason and status", arguments: [
    ("data/samples/bad/empty.txt", Int32(65), "no text"),
    ("data/samples/bad/binary.txt", 65, "binary"),
    ("data/samples/bad/broken.json", 65, "json"),
    ("data/samples/bad/notext.pdf", 65, "text layer"),
    ("data/samples/bad/corrupt.docx", 65, "zip"),
    ("data/samples/bad/does-not-exist.md", 66, "no such file"),
  ])
  func badResume(_ input: (path: String, status: Int32, reason: String)) throws {
    let run = try CLIRunner.run(["rank", "--resume", input.path, Self.postings])
    expectError(run, status: input.status, path: input.path, reason: input.reason)
  }

  @Test("A zip bomb disguised as a .docx is refused quickly")
  func zipBomb() throws {
    let scratch = try TemporaryFolder()
    // 200 MiB of spaces deflated to ~200 KB, declared honestly in the headers.
    let spaces = [UInt8](repeating: 0x20, count: 1 << 20)
    var crc = TestZip.crc(spaces)
    for _ in 1..<200 { crc = TestZip.crc(spaces, continuing: crc) }
    let bomb = TestZip.make(
      name: "word/document.xml", compressed: TestZip.rawDeflate(chunks: 200, chunk: spaces),
      size: 200 << 20, crc: crc)
    let path = try scratch.write("bomb.docx", bomb)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 < 1 << 20)
    let start = Date()
    let run = try CLIRunner.run(["rank", "--resume", path, Self.postings], timeout: 30)
    expectError(run, status: 65, path: path, reason: "limit")
    #expect(Date().timeIntervalSince(start) < 20)
  }

  @Test("A document over --max-document-size is refused before it is read")
  func tooLarge() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", Self.goodResume, Self.postings, "--max-document-size", "100"])
    expectError(run, status: 65, path: Self.goodResume, reason: "limit")
  }

  @Test("A PDF that pdftotext cannot finish in time is reported as a timeout")
  func pdfTimeout() throws {
    let resume = "data/samples/resumes/hannah-lee-teacher-to-ux.pdf"
    let run = try CLIRunner.run(["rank", "--resume", resume, Self.postings, "--pdf-timeout", "0.000001"])
    expectError(run, status: 69, path: resume, reason: "timed out")
  }

  @Test("Invalid UTF-8 is replaced and counted in a warning; the run succeeds")
  func latin1() throws {
    let run = try CLIRunner.run(["rank", "--resume", "data/samples/bad/latin1.txt", Self.postings])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stderrLines.contains { $0.hasPrefix("warning: data/samples/bad/latin1.txt") && $0.contains("invalid UTF-8") })
    #expect(!run.stdout.isEmpty)
  }

  @Test("A batch with bad files still ranks the good ones and exits 3")
  func partialBatch() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", Self.goodResume, Self.postings, "data/samples/bad/binary.txt",
       "data/samples/bad/bad_lines.jsonl", "--format", "csv", "--top", "50"])
    #expect(run.status == 3, "stderr: \(run.stderr)")
    let rows = run.stdout.split(separator: "\n")
    #expect(rows.count == 1 + 12 + 3, "12 postings + 3 good JSONL lines")
    #expect(run.stderrLines.contains { $0.contains("data/samples/bad/binary.txt") && $0.contains("binary") })
    #expect(run.stderrLines.contains { $0.contains("data/samples/bad/bad_lines.jsonl:3") })
  }

  @Test("When every posting fails, nothing is printed and the status is 65")
  func nothingUsable() throws {
    let run = try CLIRunner.run(
      ["rank", "--resume", Self.goodResume, "data/samples/bad/binary.txt", "data/samples/bad/empty.txt"])
    #expect(run.status == 65)
    #expect(run.stdout.isEmpty)
    #expect(run.stderrLines.last?.hasPrefix("error: no usable postings") == true)
  }

  @Test("Usage errors exit 64 with a message naming the flag", arguments: [
    ["rank", "--resume", "x.md", "data/samples/postings", "--top", "0"],
    ["rank", "--resume", "x.md", "data/samples/postings", "--format", "yaml"],
    ["score", "--postings", "data/samples/postings"],
    ["rank", "--resume", goodResume, "data/samples/postings", "--language", "klingon"],
  ])
  func usage(arguments: [String]) throws {
    let run = try CLIRunner.run(arguments)
    #expect(run.status == 64, "stderr: \(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(!run.stderr.isEmpty)
  }
}
