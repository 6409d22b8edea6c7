import Foundation

/// A reader for the safetensors format (Hugging Face), memory-mapped.
///
/// Layout: an 8-byte little-endian header length `n`, then `n` bytes of UTF-8 JSON mapping each
/// tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to the byte
/// after the header), then the raw little-endian tensor bytes. An optional `__metadata__` entry
/// holds strings. Every size and offset is checked before a byte is read, so a truncated or
/// tampered file throws `JobFitError.corruptModel` instead of crashing.
public struct SafeTensors: @unchecked Sendable {
  /// One tensor's entry in the header.
  public struct TensorInfo: Sendable, Equatable {
    /// The element type as written: "F32", "F16", "BF16", "I64", …
    public var dtype: String
    public var shape: [Int]
    /// Byte range inside the data section (after the header).
    public var byteRange: Range<Int>
    /// Number of elements: the product of `shape` (1 for a scalar).
    public var count: Int { shape.reduce(1, *) }
  }

  /// The file this came from, for error messages.
  public let path: String
  /// Tensors by name.
  public let tensors: [String: TensorInfo]
  /// The `__metadata__` strings, if any.
  public let metadata: [String: String]
  // `Data` is a value type whose mapped storage is never mutated; sharing it across threads
  // for reading is safe, hence `@unchecked Sendable`.
  let data: Data
  let dataStart: Int

  /// Maps `url` and parses its header.
  ///
  /// - Throws: `JobFitError.fileNotFound` / `.unreadable` when the file cannot be opened,
  ///   `.corruptModel` when its structure is inconsistent.
  public init(contentsOf url: URL) throws {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw JobFitError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
    }
    try self.init(data: data, path: url.path)
  }

  /// Parses safetensors bytes already in memory; `path` only names them in errors.
  public init(data: Data, path: String) throws {
    func corrupt(_ reason: String) -> JobFitError { .corruptModel(path: path, reason: reason) }
    guard data.count >= 8 else { throw corrupt("file has \(data.count) bytes; a header needs 8") }
    var headerLength: UInt64 = 0
    for i in 0..<8 {
      headerLength |= UInt64(data[data.startIndex + i]) << (8 * UInt64(i))
    }
    guard headerLength >= 2, headerLength <= UInt64(data.count - 8) else {
      throw corrupt("header length \(headerLength) does not fit a file of \(data.count) bytes")
    }
    let start = data.startIndex + 8
    let headerBytes = data.subdata(in: start..<(start + Int(headerLength)))
    guard let object = try? JSONSerialization.jsonObject(with: headerBytes),
      let header = object as? [String: Any]
    else { throw corrupt("header is not a JSON object") }

    let dataStart = 8 + Int(headerLength)
    let dataSize = data.count - dataStart
    var tensors: [String: TensorInfo] = [:]
    var metadata: [String: String] = [:]
    for (name, value) in header {
      if name == "__metadata__" {
        guard let meta = value as? [String: Any] else {
          throw corrupt("__metadata__ is not an object")
        }
        for (k, v) in meta { metadata[k] = v as? String ?? "\(v)" }
        continue
      }
      guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
        let shapeValues = entry["shape"] as? [Any],
        let offsetValues = entry["data_offsets"] as? [Any],
        offsetValues.count == 2
      else { throw corrupt("tensor \(name): entry needs dtype, shape and two data_offsets") }
      let shape = try shapeValues.map { v -> Int in
        guard let n = Self.integer(v), n >= 0 else { throw corrupt("tensor \(name): bad shape") }
        return n
      }
      guard let begin = Self.integer(offsetValues[0]), let end = Self.integer(offsetValues[1]),
        begin >= 0, begin <= end, end <= dataSize
      else {
        throw corrupt(
          "tensor \(name): data_offsets \(offsetValues) outside the \(dataSize)-byte data section")
      }
      var count = 1
      for dim in shape {
        let (product, overflow) = count.multipliedReportingOverflow(by: dim)
        guard !overflow else { throw corrupt("tensor \(name): shape \(shape) overflows") }
        count = product
      }
      if let size = Self.elementSize(dtype) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, bytes == end - begin else {
          throw corrupt(
            "tensor \(name): \(dtype) \(shape) needs \(count * size) bytes; offsets give \(end - begin)"
          )
        }
      }
      tensors[name] = TensorInfo(dtype: dtype, shape: shape, byteRange: begin..<end)
    }
    self.path = path
    self.tensors = tensors
    self.metadata = metadata
    self.data = data
    self.dataStart = dataStart
  }

  /// Bytes per element of the dtypes we know; `nil` for others (they are listed but not read).
  static func elementSize(_ dtype: String) -> Int? {
    switch dtype {
    case "F64", "I64", "U64": 8
    case "F32", "I32", "U32": 4
    case "F16", "BF16", "I16", "U16": 2
    case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2": 1
    default: nil
    }
  }

  private static func integer(_ value: Any) -> Int? {
    if let n = value as? Int { return n }
    if let d = value as? Double, d >= 0, d == d.rounded(), d < 9.0e15 { return Int(d) }
    return nil
  }
}
