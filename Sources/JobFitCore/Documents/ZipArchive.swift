/// A minimal, defensive reader of ZIP archives held in memory (enough for .docx).
///
/// Reads the End of Central Directory record, the central directory and local headers; entries
/// are stored (method 0) or deflated (method 8, inflated with zlib's raw inflate). Refused with a
/// clear reason: ZIP64, encryption, other methods, more than `Limits.maxEntries` entries, entries
/// larger than `Limits.maxEntryBytes` or than they declare, and entries whose compression ratio
/// passes `Limits.maxCompressionRatio` (zip bombs), all checked before or while inflating.
struct ZipArchive {
  /// Resource limits, checked before any entry is inflated and during inflation.
  struct Limits: Sendable {
    /// More entries than this and the archive is refused (a .docx has a few dozen).
    var maxEntries = 10_000
    /// Largest inflated entry, in bytes (64 MiB).
    var maxEntryBytes = 64 << 20
    /// Largest inflated/compressed ratio; zip bombs reach 1000:1, real XML about 10:1.
    var maxCompressionRatio = 200
    /// Ratios are only judged past this many output bytes, so tiny repetitive entries pass.
    var ratioGraceBytes = 1 << 20
  }

  /// Why an archive or entry was refused; `reason` is one line without content.
  struct Failure: Error, Equatable {
    enum Kind: Equatable { case malformed, unsupported, tooLarge, ratio }
    var kind: Kind
    var reason: String
    /// Bytes produced when inflation stopped (0 when refused before inflating).
    var inflatedBytes = 0
  }

  struct Entry: Equatable {
    var name: String
    var method: UInt16
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
  }

  let bytes: [UInt8]
  let limits: Limits
  let entries: [Entry]

  /// Parses the central directory of `bytes`.
  ///
  /// - Throws: `ZipArchive.Failure`.
  init(bytes: [UInt8], limits: Limits = Limits()) throws {
    self.bytes = bytes
    self.limits = limits
    let eocd = try Self.findEndOfCentralDirectory(bytes)
    let total = Int(Self.u16(bytes, eocd + 10))
    let directorySize = Int(Self.u32(bytes, eocd + 12))
    let directoryOffset = Int(Self.u32(bytes, eocd + 16))
    if total == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
      || (eocd >= 20 && Self.u32(bytes, eocd - 20) == 0x0706_4B50)
    {
      throw Failure(kind: .unsupported, reason: "ZIP64 archives are not supported")
    }
    guard total <= limits.maxEntries else {
      throw Failure(
        kind: .tooLarge, reason: "ZIP has \(total) entries; the limit is \(limits.maxEntries)")
    }
    guard directoryOffset + directorySize <= eocd else {
      throw Failure(kind: .malformed, reason: "ZIP central directory lies outside the file")
    }
    var entries: [Entry] = []
    entries.reserveCapacity(total)
    var p = directoryOffset
    for _ in 0..<total {
      guard p + 46 <= eocd, Self.u32(bytes, p) == 0x0201_4B50 else {
        throw Failure(kind: .malformed, reason: "ZIP central directory entry is corrupt")
      }
      let nameLength = Int(Self.u16(bytes, p + 28))
      let extraLength = Int(Self.u16(bytes, p + 30))
      let commentLength = Int(Self.u16(bytes, p + 32))
      guard p + 46 + nameLength <= eocd else {
        throw Failure(kind: .malformed, reason: "ZIP entry name runs past the directory")
      }
      entries.append(
        Entry(
          name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
          method: Self.u16(bytes, p + 10), flags: Self.u16(bytes, p + 8),
          crc32: Self.u32(bytes, p + 16), compressedSize: Int(Self.u32(bytes, p + 20)),
          uncompressedSize: Int(Self.u32(bytes, p + 24)),
          localHeaderOffset: Int(Self.u32(bytes, p + 42))))
      p += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// The entry called `name`, if any.
  func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

  /// The inflated bytes of `entry`, after every limit and the CRC-32 are checked.
  ///
  /// - Throws: `ZipArchive.Failure`.
  func contents(of entry: Entry) throws -> [UInt8] {
    if entry.flags & 1 != 0 {
      throw Failure(kind: .unsupported, reason: "\(entry.name) is encrypted")
    }
    if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF {
      throw Failure(kind: .unsupported, reason: "ZIP64 entries are not supported")
    }
    guard entry.method == 0 || entry.method == 8 else {
      throw Failure(
        kind: .unsupported,
        reason:
          "\(entry.name) uses ZIP compression method \(entry.method); only stored and deflate are supported"
      )
    }
    guard entry.uncompressedSize <= limits.maxEntryBytes else {
      throw Failure(
        kind: .tooLarge,
        reason:
          "\(entry.name) inflates to \(entry.uncompressedSize) bytes; the limit is \(limits.maxEntryBytes)"
      )
    }
    if entry.uncompressedSize > limits.ratioGraceBytes,
      entry.uncompressedSize > limits.maxCompressionRatio * max(1, entry.compressedSize)
    {
      throw Failure(kind: .ratio, reason: ratioReason(entry.name))
    }
    let h = entry.localHeaderOffset
    guard h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else {
      throw Failure(kind: .malformed, reason: "ZIP local header of \(entry.name) is corrupt")
    }
    let start = h + 30 + Int(Self.u16(bytes, h + 26)) + Int(Self.u16(bytes, h + 28))
    guard start + entry.compressedSize <= bytes.count else {
      throw Failure(kind: .malformed, reason: "ZIP entry \(entry.name) is truncated")
    }
    let data = bytes[start..<(start + entry.compressedSize)]
    let output: [UInt8]
    if entry.method == 0 {
      guard entry.compressedSize == entry.uncompressedSize else {
        throw Failure(
          kind: .malformed, reason: "stored ZIP entry \(entry.name) has inconsistent sizes")
      }
      output = Array(data)
    } else {
      output = try Inflater.inflate(
        data, entryName: entry.name, declaredSize: entry.uncompressedSize, limits: limits)
    }
    guard Inflater.crc32(output) == entry.crc32 else {
      throw Failure(kind: .malformed, reason: "ZIP entry \(entry.name) fails its CRC-32 check")
    }
    return output
  }

  func ratioReason(_ name: String) -> String {
    "\(name) expands more than \(limits.maxCompressionRatio):1; refusing a possible zip bomb"
  }

  // MARK: - Records

  /// The offset of the End of Central Directory record, searched backwards over the last
  /// 22 + 65 535 bytes (the record plus the longest comment).
  static func findEndOfCentralDirectory(_ bytes: [UInt8]) throws -> Int {
    guard bytes.count >= 22 else {
      throw Failure(kind: .malformed, reason: "not a ZIP archive (too short)")
    }
    var p = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while p >= lowest {
      if u32(bytes, p) == 0x0605_4B50 { return p }
      p -= 1
    }
    throw Failure(kind: .malformed, reason: "not a ZIP archive (no end of central directory)")
  }

  static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
    guard i >= 0, i + 2 <= b.count else { return 0 }
    return UInt16(b[i]) | UInt16(b[i + 1]) << 8
  }

  static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
    guard i >= 0, i + 4 <= b.count else { return 0 }
    return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
  }
}
