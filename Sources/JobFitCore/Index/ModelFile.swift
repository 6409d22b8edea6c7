internal import CZlib
import Foundation

/// The on-disk frame shared by saved models: one ASCII header line, then the payload.
///
///     <MAGIC> <field> … <CRC-32 of payload, 8 hex digits>\n<payload>
///
/// Writing is atomic (a temporary file renamed over the target). Reading checks the file, the
/// header line and the magic, and hands back the fields between magic and checksum; each model
/// validates its own fields (version, lengths) and then the checksum, so its messages stay its
/// own.
package enum ModelFile {
  /// Writes `payload` under a header of `magic`, `fields` and the payload's CRC-32.
  ///
  /// - Throws: `JobFitError.unreadable` when the file cannot be written.
  package static func write(magic: String, fields: [String], payload: Data, to url: URL) throws {
    let header = ([magic] + fields + [checksumHex(payload)]).joined(separator: " ")
    var data = Data((header + "\n").utf8)
    data.append(payload)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw JobFitError.unreadable(
        path: url.path, reason: "cannot write model: \(error.localizedDescription)")
    }
  }

  /// The header fields between magic and checksum, the stated checksum, and the payload.
  ///
  /// - Throws: `JobFitError.fileNotFound`, `unreadable`, or `corruptModel` ("missing MAGIC
  ///   header") when no header line starts with `magic` within `headerLimit` bytes.
  package static func read(_ url: URL, magic: String, headerLimit: Int) throws -> (
    fields: [String], checksum: UInt32, payload: Data
  ) {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw JobFitError.fileNotFound(path: url.path)
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw JobFitError.unreadable(path: url.path, reason: error.localizedDescription)
    }
    let missing = JobFitError.corruptModel(path: url.path, reason: "missing \(magic) header")
    guard let newline = data.prefix(headerLimit).firstIndex(of: UInt8(ascii: "\n")) else {
      throw missing
    }
    let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
      .split(separator: " ").map(String.init)
    guard fields.count >= 2, fields[0] == magic,
      let checksum = fields.last.flatMap({ UInt32($0, radix: 16) })
    else { throw missing }
    return (Array(fields.dropFirst().dropLast()), checksum, Data(data[(newline + 1)...]))
  }

  package static func checksumHex(_ data: Data) -> String {
    let hex = String(crc32(of: data), radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// zlib's CRC-32 of `data`.
  package static func crc32(of data: Data) -> UInt32 {
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
