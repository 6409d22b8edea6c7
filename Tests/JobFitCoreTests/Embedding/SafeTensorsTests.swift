import Foundation
import JobFitCore
import Testing

/// Builds safetensors bytes: 8-byte little-endian header length, JSON header, data.
func safetensorsBytes(header: String, data: [UInt8]) -> Data {
  let json = Array(header.utf8)
  var bytes: [UInt8] = []
  var length = UInt64(json.count)
  for _ in 0..<8 {
    bytes.append(UInt8(length & 0xFF))
    length >>= 8
  }
  return Data(bytes + json + data)
}

func littleEndian(_ values: [Float]) -> [UInt8] {
  values.flatMap { v -> [UInt8] in
    let bits = v.bitPattern
    return (0..<4).map { UInt8((bits >> (8 * UInt32($0))) & 0xFF) }
  }
}

@Suite("SafeTensors reader")
struct SafeTensorsTests {
  static let header = """
    {"__metadata__":{"format":"pt"},\
    "w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},\
    "h":{"dtype":"F16","shape":[4],"data_offsets":[24,32]},\
    "b":{"dtype":"BF16","shape":[1],"data_offsets":[32,34]},\
    "i":{"dtype":"I64","shape":[1],"data_offsets":[34,42]}}
    """
  static let payload: [UInt8] =
    littleEndian([1, -2, 3.5, 0, 1e-3, -7])
    + [0x00, 0x3C, 0x00, 0xC0, 0x01, 0x00, 0x00, 0x7C]  // F16: 1, −2, 2^-24, +∞
    + [0x40, 0x40]  // BF16: 3
    + [7, 0, 0, 0, 0, 0, 0, 0]

  @Test("a file written here reads back: F32 as is, F16 and BF16 converted, metadata kept")
  func roundTrip() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-safetensors-\(UUID().uuidString).safetensors")
    try safetensorsBytes(header: Self.header, data: Self.payload).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let file = try SafeTensors(contentsOf: url)
    #expect(file.metadata == ["format": "pt"])
    #expect(file.tensors["w"]?.shape == [2, 3])
    #expect(try file.floats("w", shape: [2, 3]) == [1, -2, 3.5, 0, 1e-3, -7])
    #expect(
      try file.floats("h") == [1, -2, Float(sign: .plus, exponent: -24, significand: 1), .infinity])
    #expect(try file.floats("b") == [3])
    #expect(throws: JobFitError.self) { try file.floats("w", shape: [3, 2]) }
    #expect(throws: JobFitError.self) { try file.floats("i") }
    #expect(throws: JobFitError.self) { try file.floats("missing") }
  }

  @Test(
    "corrupt files throw corruptModel, never crash",
    arguments: [
      ("too short", Data([1, 2, 3])),
      ("header longer than file", Data([0xFF, 0xFF, 0, 0, 0, 0, 0, 0]) + Data("{}".utf8)),
      ("header not JSON", safetensorsBytes(header: "{nope", data: [])),
      ("header an array", safetensorsBytes(header: "[1,2]", data: [])),
      (
        "offsets past the end",
        safetensorsBytes(
          header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, data: [0, 0, 0, 0])
      ),
      (
        "size disagrees with shape",
        safetensorsBytes(
          header: #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#,
          data: Array(repeating: 0, count: 8))
      ),
      (
        "reversed offsets",
        safetensorsBytes(
          header: #"{"w":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}}"#,
          data: Array(repeating: 0, count: 8))
      ),
      (
        "negative dimension",
        safetensorsBytes(
          header: #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
          data: Array(repeating: 0, count: 4))
      ),
      (
        "overflowing shape",
        safetensorsBytes(
          header: #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#,
          data: Array(repeating: 0, count: 4))
      ),
      (
        "missing dtype",
        safetensorsBytes(
          header: #"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, data: Array(repeating: 0, count: 4))
      ),
    ])
  func corrupt(name: String, data: Data) {
    do {
      _ = try SafeTensors(data: data, path: "model.safetensors")
      Issue.record("\(name): expected an error")
    } catch let error as JobFitError {
      guard case let .corruptModel(path, reason) = error else {
        Issue.record("\(name): unexpected \(error)")
        return
      }
      #expect(path == "model.safetensors")
      #expect(!reason.isEmpty)
    } catch {
      Issue.record("\(name): unexpected \(error)")
    }
  }

  @Test("every truncation of a valid file throws corruptModel")
  func truncations() {
    let full = safetensorsBytes(header: Self.header, data: Self.payload)
    for length in 0..<full.count {
      let data = full.prefix(length)
      #expect(throws: JobFitError.self) { try SafeTensors(data: Data(data), path: "t") }
    }
  }

  @Test("a missing file is fileNotFound")
  func missingFile() {
    #expect(throws: JobFitError.fileNotFound(path: "/nonexistent/model.safetensors")) {
      try SafeTensors(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors"))
    }
  }
}
