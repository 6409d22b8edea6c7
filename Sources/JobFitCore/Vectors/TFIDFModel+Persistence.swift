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
    try ModelFile.write(
      magic: Self.magic, fields: [String(formatVersion), String(payload.count)], payload: payload,
      to: url)
  }

  /// Reads a model written by `save(to:)`.
  ///
  /// - Throws: `JobFitError.fileNotFound` when there is no file; `JobFitError.corruptModel` when
  ///   the header, length, checksum, format version or content is wrong.
  public static func load(from url: URL) throws -> TFIDFModel {
    let (fields, checksum, payload) = try ModelFile.read(url, magic: magic, headerLimit: 128)
    func corrupt(_ reason: String) -> JobFitError { .corruptModel(path: url.path, reason: reason) }
    guard fields.count == 2, let version = Int(fields[0]), let length = Int(fields[1]) else {
      throw corrupt("missing \(magic) header")
    }
    guard version == currentFormatVersion else {
      throw corrupt("format version \(version) is not supported; expected \(currentFormatVersion)")
    }
    guard payload.count == length else {
      throw corrupt("payload is \(payload.count) bytes; header says \(length) (truncated file?)")
    }
    guard ModelFile.crc32(of: payload) == checksum else { throw corrupt("checksum mismatch") }
    do {
      return try JSONDecoder().decode(TFIDFModel.self, from: payload)
    } catch let DecodingError.dataCorrupted(context) {
      throw corrupt(context.debugDescription)
    } catch {
      throw corrupt("invalid model JSON")
    }
  }
}
