internal import CZlib
import Foundation

// MARK: - Save and load

/// File layout: one ASCII header line, then the model as JSON.
///
///     JOBFIT-TFIDF <format version> <payload bytes> <CRC-32 of payload, 8 hex digits>\n
///     {"formatVersion":1,"configuration":{…},"terms":[…],…}
///
/// The header lets `load` reject a truncated, altered or newer file before decoding it; JSON
/// keeps the model readable and diffable (idf values are written in shortest round-trip form).
extension TFIDFModel {
  static let magic = "JOBFIT-TFIDF"

  /// Writes the model to `url` atomically (a temporary file renamed over the target), so readers
  /// never see a half-written model.
  ///
  /// - Throws: `JobFitError.unreadable` when the file cannot be written.
  public func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let payload = try encoder.encode(self)
    let header = "\(Self.magic) \(formatVersion) \(payload.count) \(Self.checksumHex(payload))\n"
    var data = Data(header.utf8)
    data.append(payload)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw JobFitError.unreadable(
        path: url.path, reason: "cannot write model: \(error.localizedDescription)")
    }
  }

  /// Reads a model written by `save(to:)`.
  ///
  /// - Throws: `JobFitError.fileNotFound` when there is no file; `JobFitError.corruptModel` when
  ///   the header, length, checksum, format version or content is wrong.
  public static func load(from url: URL) throws -> TFIDFModel {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw JobFitError.unreadable(path: url.path, reason: error.localizedDescription)
    }
    func corrupt(_ reason: String) -> JobFitError { .corruptModel(path: url.path, reason: reason) }
    guard let newline = data.prefix(128).firstIndex(of: UInt8(ascii: "\n")) else {
      throw corrupt("missing \(magic) header")
    }
    let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
      .split(separator: " ").map(String.init)
    guard fields.count == 4, fields[0] == magic, let version = Int(fields[1]),
      let length = Int(fields[2]), let checksum = UInt32(fields[3], radix: 16)
    else { throw corrupt("missing \(magic) header") }
    guard version == currentFormatVersion else {
      throw corrupt("format version \(version) is not supported; expected \(currentFormatVersion)")
    }
    let payload = data[(newline + 1)...]
    guard payload.count == length else {
      throw corrupt("payload is \(payload.count) bytes; header says \(length) (truncated file?)")
    }
    guard crc32(of: payload) == checksum else { throw corrupt("checksum mismatch") }
    do {
      return try JSONDecoder().decode(TFIDFModel.self, from: payload)
    } catch let DecodingError.dataCorrupted(context) {
      throw corrupt(context.debugDescription)
    } catch {
      throw corrupt("invalid model JSON")
    }
  }

  static func checksumHex(_ data: Data) -> String {
    let hex = String(crc32(of: data), radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// zlib's CRC-32 of `data`.
  static func crc32(of data: Data) -> UInt32 {
    data.withUnsafeBytes { raw in
      var crc = CZlib.crc32(0, nil, 0)
      var remaining = UnsafeRawBufferPointer(raw)
      while !remaining.isEmpty {
        let count = min(remaining.count, Int(UInt32.max))
        let bytes = remaining.baseAddress?.assumingMemoryBound(to: Bytef.self)
        crc = CZlib.crc32(crc, bytes, uInt(count))
        remaining = UnsafeRawBufferPointer(rebasing: remaining[count...])
      }
      return UInt32(truncatingIfNeeded: crc)
    }
  }
}
