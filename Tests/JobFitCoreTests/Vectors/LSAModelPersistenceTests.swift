import Foundation
import JobFitCore
import JobFitTestSupport
import LinearAlgebra
import Testing

@Suite("LSA model persistence")
struct LSAModelPersistenceTests {
  static func model() throws -> LSAModel {
    try LSAModel.fit(try LSAReference.trainingMatrix(), components: 12, powerIterations: 2)
  }

  func temporaryURL(_ name: String) -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-lsa-\(UUID().uuidString)-\(name)")
  }

  @Test func saveAndLoadRoundTrip() throws {
    let model = try Self.model()
    let url = temporaryURL("model.lsa")
    defer { try? FileManager.default.removeItem(at: url) }
    try model.save(to: url)
    let loaded = try LSAModel.load(from: url)
    #expect(loaded == model)
    let a = try LSAReference.trainingMatrix()
    #expect(try loaded.transform(a) == model.transform(a))
  }

  @Test func codableRoundTrip() throws {
    let model = try Self.model()
    let data = try JSONEncoder().encode(model)
    #expect(try JSONDecoder().decode(LSAModel.self, from: data) == model)
  }

  @Test func missingFileIsNotFound() throws {
    let url = temporaryURL("absent.lsa")
    #expect(throws: JobFitError.fileNotFound(path: url.path)) { try LSAModel.load(from: url) }
  }

  /// Damages a saved model and expects `corruptModel`.
  @Test(arguments: ["truncated", "flipped byte", "bad magic", "newer version", "empty", "json only"])
  func damagedFilesAreCorrupt(damage: String) throws {
    let url = temporaryURL("damaged.lsa")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.model().save(to: url)
    var data = try Data(contentsOf: url)
    let newline = try #require(data.firstIndex(of: UInt8(ascii: "\n")))
    var header = String(decoding: data[..<newline], as: UTF8.self)
    switch damage {
    case "truncated": data = data.prefix(data.count - 7)
    case "flipped byte": data[data.count - 3] ^= 0x40
    case "bad magic": data.replaceSubrange(0..<6, with: Data("JOBFAT".utf8))
    case "newer version":
      header = header.replacingOccurrences(of: "JOBFIT-LSA 1 ", with: "JOBFIT-LSA 2 ")
      data.replaceSubrange(..<newline, with: Data(header.utf8))
    case "empty": data = Data()
    default:
      // A well-formed header and checksum over JSON claiming more values than are stored.
      let fields = header.split(separator: " ")
      let json = data[(newline + 1)...].prefix(Int(fields[2]) ?? 0)
      var text = String(decoding: json, as: UTF8.self)
      text = text.replacingOccurrences(of: "\"componentCount\":12", with: "\"componentCount\":13")
      let payload = Data(text.utf8) + data[(newline + 1 + json.count)...]
      let crc = LSATestChecksum.crc32Hex(payload)
      data = Data("JOBFIT-LSA 1 \(text.utf8.count) \(fields[3]) \(crc)\n".utf8) + payload
    }
    try data.write(to: url)
    #expect {
      try LSAModel.load(from: url)
    } throws: { error in
      guard case let .corruptModel(path, reason) = error as? JobFitError else { return false }
      return path == url.path && !reason.isEmpty
    }
  }
}

/// CRC-32 (zlib's polynomial) for rewriting a header in tests, computed bitwise.
enum LSATestChecksum {
  static func crc32Hex(_ data: Data) -> String {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    let hex = String(crc ^ 0xFFFF_FFFF, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}
