import CZlib
import Foundation

/// ZIP archives built in memory for tests (stored or raw-deflate entries, no external tools).
public enum ZipFixtures {
  /// A .docx-shaped archive whose `word/document.xml` inflates to `inflatedBytes` of spaces while
  /// the file stays small: the classic single-entry zip bomb.
  public static func bomb(inflatedBytes: Int) -> Data {
    let chunk = Data(repeating: 0x20, count: 1 << 20)
    var stream = z_stream()
    deflateInit2_(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    var compressed = Data()
    var out = [UInt8](repeating: 0, count: 1 << 16)
    var remaining = inflatedBytes
    var crc: uLong = crc32(0, nil, 0)
    while remaining > 0 {
      let n = min(remaining, chunk.count)
      remaining -= n
      chunk.withUnsafeBytes { raw in
        let base = raw.bindMemory(to: Bytef.self).baseAddress
        crc = crc32(crc, base, uInt(n))
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(n)
        let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
        repeat {
          out.withUnsafeMutableBufferPointer { o in
            stream.next_out = o.baseAddress
            stream.avail_out = uInt(o.count)
            deflate(&stream, flush)
            compressed.append(o.baseAddress!, count: o.count - Int(stream.avail_out))
          }
        } while stream.avail_out == 0
      }
    }
    deflateEnd(&stream)
    return archive([
      Entry(name: "[Content_Types].xml", stored: Data("<Types/>".utf8)),
      Entry(name: "word/document.xml", method: 8, payload: compressed, crc: UInt32(crc), size: inflatedBytes),
    ])
  }

  public struct Entry {
    var name: String
    var method: UInt16
    var payload: Data
    var crc: UInt32
    var size: Int

    public init(name: String, method: UInt16, payload: Data, crc: UInt32, size: Int) {
      self.name = name
      self.method = method
      self.payload = payload
      self.crc = crc
      self.size = size
    }

    public init(name: String, stored data: Data) {
      let crc = data.withUnsafeBytes { crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt(data.count)) }
      self.init(name: name, method: 0, payload: data, crc: UInt32(crc), size: data.count)
    }
  }

  /// A ZIP file of `entries` (local headers, data, central directory, end record).
  public static func archive(_ entries: [Entry]) -> Data {
    var body = Data()
    var central = Data()
    for entry in entries {
      let offset = body.count
      let name = Data(entry.name.utf8)
      body.append(le32(0x0403_4B50)); body.append(le16(20)); body.append(le16(0))
      body.append(le16(entry.method)); body.append(le16(0)); body.append(le16(0))
      body.append(le32(entry.crc)); body.append(le32(UInt32(entry.payload.count)))
      body.append(le32(UInt32(truncatingIfNeeded: entry.size))); body.append(le16(UInt16(name.count)))
      body.append(le16(0)); body.append(name); body.append(entry.payload)
      central.append(le32(0x0201_4B50)); central.append(le16(20)); central.append(le16(20))
      central.append(le16(0)); central.append(le16(entry.method)); central.append(le16(0))
      central.append(le16(0)); central.append(le32(entry.crc)); central.append(le32(UInt32(entry.payload.count)))
      central.append(le32(UInt32(truncatingIfNeeded: entry.size))); central.append(le16(UInt16(name.count)))
      central.append(le16(0)); central.append(le16(0)); central.append(le16(0)); central.append(le16(0))
      central.append(le32(0)); central.append(le32(UInt32(offset))); central.append(name)
    }
    var data = body
    data.append(central)
    data.append(le32(0x0605_4B50)); data.append(le16(0)); data.append(le16(0))
    data.append(le16(UInt16(entries.count))); data.append(le16(UInt16(entries.count)))
    data.append(le32(UInt32(central.count))); data.append(le32(UInt32(body.count))); data.append(le16(0))
    return data
  }

  private static func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
  private static func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
}
