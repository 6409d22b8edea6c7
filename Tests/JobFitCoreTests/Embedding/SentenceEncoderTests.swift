import Foundation
import JobFitTestSupport
import LinearAlgebra
import Testing

@testable import JobFitCore

/// Parity with sentence-transformers needs the real model (90 MB), which is not in the
/// repository: `scripts/install_model.sh` installs it, and CI runs it before the tests. Without
/// it these tests are disabled and a line on stderr says so ("encoder parity skipped: …").
@Suite("Sentence encoder", .enabled(if: EncoderFixture.installedModel != nil))
struct SentenceEncoderTests {
  static let encoder: SentenceEncoder? = EncoderFixture.installedModel.flatMap {
    try? SentenceEncoder(modelDirectory: $0.directory)
  }

  @Test("embeddings match sentence-transformers: cosine ≥ 0.9999 for every fixture string")
  func parity() throws {
    let encoder = try #require(Self.encoder)
    let cases = try EncoderFixture.cases()
    let vectors = try encoder.encode(cases.map(\.text))
    #expect(vectors.rows == cases.count)
    #expect(vectors.columns == 384)
    var worst = (cosine: 1.0, index: -1)
    for (i, testCase) in cases.enumerated() {
      let c = cosine(vectors.row(i), testCase.embedding)
      if c < worst.cosine { worst = (c, i) }
      #expect(c >= 0.9999, "case \(i) \(testCase.text.debugDescription.prefix(60)): cosine \(c)")
    }
    print(
      "encoder parity: \(cases.count) strings, min cosine \(worst.cosine) (case \(worst.index))")
  }

  @Test("rows are unit length and independent of batch composition and order")
  func batchIndependence() throws {
    let encoder = try #require(Self.encoder)
    let texts = try EncoderFixture.cases().prefix(40).map(\.text)
    let together = try encoder.encode(texts)
    let reversed = try encoder.encode(texts.reversed())
    for i in texts.indices {
      let alone = try encoder.encode([texts[i]])
      #expect(cosine(together.row(i), alone.row(0)) > 0.99999)
      #expect(cosine(together.row(i), reversed.row(texts.count - 1 - i)) > 0.99999)
      let norm = together.row(i).reduce(0.0) { $0 + Double($1) * Double($1) }
      #expect(abs(norm - 1) < 1e-5)
    }
  }

  @Test("concurrent encodes agree bit for bit")
  func concurrentEncodes() async throws {
    let encoder = try #require(Self.encoder)
    let texts = Array(try EncoderFixture.cases().prefix(80).map(\.text))
    async let first = Task.detached { try encoder.encode(texts) }.value
    async let second = Task.detached { try encoder.encode(texts) }.value
    let (a, b) = try await (first, second)
    // (The BLAS thread count is not checked here: other suites encode at the same time.)
    #expect(a == b)
  }

  @Test("related sentences are closer than unrelated ones")
  func semanticOrder() throws {
    let encoder = try #require(Self.encoder)
    let v = try encoder.encode([
      "Senior iOS developer with Swift experience", "Mobile app engineer writing Swift for iPhone",
      "Registered nurse for the intensive care unit",
    ])
    #expect(cosine(v.row(0), v.row(1)) > cosine(v.row(0), v.row(2)) + 0.2)
  }

  @Test("token ids are validated")
  func invalidTokenIDs() throws {
    let encoder = try #require(Self.encoder)
    #expect(throws: JobFitError.self) { try encoder.encode(tokenIDs: [[]]) }
    #expect(throws: JobFitError.self) { try encoder.encode(tokenIDs: [[101, 999_999, 102]]) }
    #expect(try encoder.encode([]).rows == 0)
  }
}

@Suite("Model location")
struct ModelLocationTests {
  @Test("JOBFIT_MODELS wins over HOME; a missing folder names its files and the install script")
  func resolveAndValidate() throws {
    let location = ModelLocation.resolve(environment: [
      "JOBFIT_MODELS": "/nonexistent/models", "HOME": "/home/x",
    ])
    #expect(location.directory.path == "/nonexistent/models/all-MiniLM-L6-v2")
    #expect(
      ModelLocation.resolve(environment: ["HOME": "/home/x"]).directory.path
        == "/home/x/.cache/jobfit/models/all-MiniLM-L6-v2")
    #expect(!location.isInstalled)
    #expect(location.missingFiles == ModelLocation.requiredFiles)
    do {
      _ = try SentenceEncoder(modelDirectory: location.directory)
      Issue.record("loading a missing model must throw")
    } catch let error as JobFitError {
      guard case let .corruptModel(path, reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(path == location.directory.path)
      #expect(reason.contains("model.safetensors") && reason.contains("scripts/install_model.sh"))
    }
  }
}

@Suite("Encoder kernels")
struct EncoderKernelTests {
  @Test("vectorised GELU matches x·½·(1 + erf(x/√2)) from the C library within 1e-6")
  func geluAgainstLibm() {
    var values = (-4000...4000).map { Float($0) / 500 } + [-30, 30, 0, .leastNormalMagnitude]
    let reference = values.map { Double($0) * 0.5 * (1 + erf(Double($0) / 2.0.squareRoot())) }
    EncoderKernels.gelu(&values, count: values.count)
    for (v, r) in zip(values, reference) {
      #expect(abs(Double(v) - r) <= 1e-6 * max(1, abs(r)))
    }
  }
}
