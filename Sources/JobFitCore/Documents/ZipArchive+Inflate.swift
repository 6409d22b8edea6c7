internal import CZlib

/// zlib's raw inflate behind limits: the only code in JobFitCore that calls zlib.
enum Inflater {
  /// Output is produced in chunks of this size, so memory grows with real output only.
  static let chunkSize = 64 << 10

  /// Inflates raw deflate `data` (no zlib header, window bits -15).
  ///
  /// Stops as soon as the output passes `declaredSize` or `limits.maxEntryBytes`, or when
  /// `output / input > limits.maxCompressionRatio` past `limits.ratioGraceBytes` of output.
  ///
  /// - Throws: `ZipArchive.Failure` with the bytes inflated so far.
  static func inflate(
    _ data: ArraySlice<UInt8>, entryName: String, declaredSize: Int, limits: ZipArchive.Limits
  ) throws -> [UInt8] {
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      throw ZipArchive.Failure(kind: .malformed, reason: "zlib inflateInit2 failed")
    }
    defer { inflateEnd(&stream) }
    let cap = min(declaredSize, limits.maxEntryBytes)
    var output: [UInt8] = []
    output.reserveCapacity(min(cap, 16 << 20))
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    return try data.withUnsafeBufferPointer { input -> [UInt8] in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = UInt32(input.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
          stream.next_out = buffer.baseAddress
          stream.avail_out = UInt32(buffer.count)
          return CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        let produced = chunkSize - Int(stream.avail_out)
        let consumed = input.count - Int(stream.avail_in)
        if output.count + produced > cap {
          let limit =
            declaredSize <= limits.maxEntryBytes
            ? "its declared size of \(declaredSize) bytes"
            : "the limit of \(limits.maxEntryBytes) bytes"
          throw ZipArchive.Failure(
            kind: .tooLarge, reason: "\(entryName) inflates past \(limit)",
            inflatedBytes: output.count + produced)
        }
        output.append(contentsOf: chunk[0..<produced])
        if output.count > limits.ratioGraceBytes,
          output.count > limits.maxCompressionRatio * max(1, consumed)
        {
          throw ZipArchive.Failure(
            kind: .ratio,
            reason:
              "\(entryName) expands more than \(limits.maxCompressionRatio):1; refusing a possible zip bomb",
            inflatedBytes: output.count)
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_OK: continue
        case Z_BUF_ERROR where produced > 0: continue
        default:
          throw ZipArchive.Failure(
            kind: .malformed, reason: "\(entryName) has corrupt deflate data",
            inflatedBytes: output.count)
        }
      }
    }
  }

  /// The CRC-32 of `bytes` as stored in ZIP headers.
  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
      var crc = CZlib.crc32(0, nil, 0)
      var offset = 0
      while offset < buffer.count {  // uInt is 32-bit: feed in slices
        let count = min(buffer.count - offset, 1 << 30)
        crc = CZlib.crc32(crc, buffer.baseAddress.map { $0 + offset }, UInt32(count))
        offset += count
      }
      return UInt32(truncatingIfNeeded: crc)
    }
  }
}
