import Foundation
import JobFitCore

/// The encoder parity fixture (`Tests/JobFitCoreTests/Fixtures/encoder/`), built by
/// `Tests/Fixtures/make_encoder_fixture.py` from sentence-transformers.
public enum EncoderFixture {
  public struct Case: Decodable, Sendable {
    public var text: String
    /// Reference token ids, `[CLS]` … `[SEP]`, truncated at 256.
    public var ids: [Int32]
    /// Reference sentence embedding (L2-normalised, 384 values).
    public var embedding: [Float]
  }

  struct File: Decodable {
    var cases: [Case]
  }

  public static let folder = Repository.root.appendingPathComponent(
    "Tests/JobFitCoreTests/Fixtures/encoder", isDirectory: true)

  /// The model's vocabulary, committed with the fixture.
  public static let vocabulary = folder.appendingPathComponent("vocab.txt")

  /// Every fixture case, in file order.
  public static func cases() throws -> [Case] {
    let data = try Data(contentsOf: folder.appendingPathComponent("cases.json"))
    return try JSONDecoder().decode(File.self, from: data).cases
  }

  /// The installed model, or `nil` (with a visible note on stderr) when it is absent.
  public static let installedModel: ModelLocation? = {
    let location = ModelLocation.resolve()
    if location.isInstalled { return location }
    FileHandle.standardError.write(
      Data(
        "encoder parity skipped: model not installed in \(location.directory.path); run scripts/install_model.sh\n"
          .utf8))
    return nil
  }()
}

/// Cosine of two vectors, accumulated in Double.
public func cosine(_ a: [Float], _ b: [Float]) -> Double {
  precondition(a.count == b.count, "cosine: vectors of different lengths")
  var dot = 0.0, na = 0.0, nb = 0.0
  for i in a.indices {
    dot += Double(a[i]) * Double(b[i])
    na += Double(a[i]) * Double(a[i])
    nb += Double(b[i]) * Double(b[i])
  }
  guard na > 0, nb > 0 else { return na == nb ? 1 : 0 }
  return dot / (na.squareRoot() * nb.squareRoot())
}
