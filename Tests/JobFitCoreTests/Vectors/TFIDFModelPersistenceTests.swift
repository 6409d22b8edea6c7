import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

@Suite("TFIDFModel save and load")
struct TFIDFModelPersistenceTests {
  static func temporaryFile() -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-tfidf-\(UUID().uuidString).model")
  }

  static func model() throws -> TFIDFModel {
    try TFIDFConfiguration(minDocumentFrequency: 1, maxFeatures: 50, sublinearTermFrequency: true)
      .fit(["Senior nurse, ward 3", "Swift engineer: iOS, Linux", "nurse practitioner", "Café"])
  }

  @Test("A saved model loads equal and transforms identically")
  func roundTrip() throws {
    let model = try Self.model()
    let url = Self.temporaryFile()
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try TFIDFModel.load(from: url)
    #expect(loaded == model)
    #expect(loaded.vocabulary == model.vocabulary)
    let documents = ["nurse in Linux ward", "café swift"]
    #expect(try loaded.transform(documents) == model.transform(documents))
  }

  @Test("A truncated, altered or foreign file throws corruptModel", arguments: [
    "truncated", "flipped", "garbage", "empty",
  ])
  func corrupt(kind: String) throws {
    let url = Self.temporaryFile()
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.model().save(to: url)
    var data = try Data(contentsOf: url)
    switch kind {
    case "truncated": data = data.prefix(data.count - 10)
    case "flipped": data[data.count - 20] ^= 0x01
    case "garbage": data = Data("not a model at all\n{}".utf8)
    default: data = Data()
    }
    try data.write(to: url)
    #expect {
      _ = try TFIDFModel.load(from: url)
    } throws: { error in
      guard case let .corruptModel(path, _) = error as? JobFitError else { return false }
      return path == url.path
    }
  }

  @Test("A file of another format version throws corruptModel naming both versions")
  func wrongVersion() throws {
    let url = Self.temporaryFile()
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.model().save(to: url)
    var text = try #require(String(data: Data(contentsOf: url), encoding: .utf8))
    text = text.replacingOccurrences(of: "JOBFIT-TFIDF 1 ", with: "JOBFIT-TFIDF 2 ")
    try Data(text.utf8).write(to: url)
    #expect(throws: JobFitError.corruptModel(
      path: url.path, reason: "format version 2 is not supported; expected 1")) {
      try TFIDFModel.load(from: url)
    }
  }

  @Test("Decoding rejects a payload whose version or terms are wrong")
  func decodingValidates() throws {
    let json = try JSONEncoder().encode(Self.model())
    var object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
    object["formatVersion"] = 7
    let newer = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(TFIDFModel.self, from: newer) }
    object["formatVersion"] = 1
    object["terms"] = ["b", "a"]
    let unsorted = try JSONSerialization.data(withJSONObject: object)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(TFIDFModel.self, from: unsorted) }
  }

  @Test("A missing file throws fileNotFound")
  func missing() {
    let url = Self.temporaryFile()
    #expect(throws: JobFitError.fileNotFound(path: url.path)) { try TFIDFModel.load(from: url) }
  }
}
