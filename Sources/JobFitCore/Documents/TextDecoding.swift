import Foundation

/// Turns the bytes of a text-format file into a `String` with "\n" line endings.
///
/// Accepted encodings: UTF-8 with or without a byte-order mark, and UTF-16 LE/BE *with* a BOM.
/// Other legacy encodings (Latin-1, Windows-1252) are read as UTF-8 with invalid sequences
/// replaced by U+FFFD, and the count is reported as a warning so nothing is lost silently.
enum TextDecoding {
  /// The share of control characters in the first `sniffLength` bytes above which a file is binary.
  static let maxControlShare = 0.30
  static let sniffLength = 8192

  /// The decoded text and any warnings (never containing document content).
  struct Decoded {
    var text: String
    var warnings: [String]
  }

  /// Decodes `bytes`, refusing binary content.
  ///
  /// A file is binary when it holds a NUL byte (and is not UTF-16 with a BOM), or when more than
  /// 30 % of its first 8 KiB are C0 control characters other than tab, line feed, carriage
  /// return and form feed.
  ///
  /// - Throws: `JobFitError.binaryFile(path:)`.
  static func decode(_ bytes: [UInt8], path: String) throws -> Decoded {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return normalized(decodeUTF16(bytes.dropFirst(2), bigEndian: false), encoding: "UTF-16")
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return normalized(decodeUTF16(bytes.dropFirst(2), bigEndian: true), encoding: "UTF-16")
    }
    if isBinary(bytes) { throw JobFitError.binaryFile(path: path) }
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    return normalized(decodeUTF8(hasBOM ? bytes[3...] : bytes[...]), encoding: "UTF-8")
  }

  /// Whether `bytes` look like a binary file rather than text (see `decode`).
  static func isBinary(_ bytes: [UInt8]) -> Bool {
    if bytes.contains(0) { return true }
    let head = bytes.prefix(sniffLength)
    guard !head.isEmpty else { return false }
    var control = 0
    for byte in head where byte < 0x20 || byte == 0x7F {
      if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { control += 1 }
    }
    return Double(control) > maxControlShare * Double(head.count)
  }

  /// Decodes UTF-8, replacing each maximal invalid subsequence by U+FFFD and counting them.
  static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (String, invalid: Int) {
    if let valid = String(validating: bytes, as: UTF8.self) { return (valid, 0) }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var scalars = String.UnicodeScalarView()
    var invalid = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
      case .error:
        invalid += 1
        scalars.append("\u{FFFD}")
      case .emptyInput: break loop
      }
    }
    return (String(scalars), invalid)
  }

  /// Decodes UTF-16 code units (after the BOM), counting unpaired surrogates and an odd last byte.
  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (String, invalid: Int) {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
      index += 2
    }
    var invalid = bytes.count % 2
    var parser = Unicode.UTF16.ForwardParser()
    var iterator = units.makeIterator()
    var scalars = String.UnicodeScalarView()
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): scalars.append(Unicode.UTF16.decode(encoded))
      case .error:
        invalid += 1
        scalars.append("\u{FFFD}")
      case .emptyInput: break loop
      }
    }
    return (String(scalars), invalid)
  }

  /// Whether `utf8` holds a scalar that NFC could combine with the one before it.
  static func mayNeedComposition(_ utf8: String.UTF8View) -> Bool {
    if let answer = utf8.withContiguousStorageIfAvailable(mayNeedComposition(bytes:)) {
      return answer
    }
    var previous: UInt8 = 0
    for byte in utf8 {
      switch (previous, byte) {
      case (_, 0xCC), (_, 0xCD): return true  // U+0300–U+037F leading bytes
      case (0xE1, 0x84...0x87), (0xE1, 0xB7), (0xE2, 0x83), (0xEF, 0xB8): return true
      default: previous = byte
      }
    }
    return false
  }

  /// `mayNeedComposition` on contiguous bytes, skipping eight ASCII bytes at a time (an ASCII
  /// byte is never the lead of a pattern, so the answer is the same). Reading JSONL collections
  /// spent 5 % of an end-to-end run in the byte-by-byte loop.
  private static func mayNeedComposition(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    let n = bytes.count
    var previous: UInt8 = 0
    var i = 0
    while i < n {
      if i + 8 <= n,
        UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        previous = 0
        i += 8
        continue
      }
      let byte = base[i]
      switch (previous, byte) {
      case (_, 0xCC), (_, 0xCD): return true
      case (0xE1, 0x84...0x87), (0xE1, 0xB7), (0xE2, 0x83), (0xEF, 0xB8): return true
      default: previous = byte
      }
      i += 1
    }
    return false
  }

  /// Whether `utf8` holds a carriage return (`memchr` on contiguous storage).
  private static func containsCarriageReturn(_ utf8: String.UTF8View) -> Bool {
    utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, 0x0D, bytes.count) != nil
    } ?? utf8.contains(0x0D)
  }

  private static func normalized(_ decoded: (String, invalid: Int), encoding: String) -> Decoded {
    var warnings: [String] = []
    if decoded.invalid > 0 {
      let noun = decoded.invalid == 1 ? "sequence" : "sequences"
      warnings.append("\(decoded.invalid) invalid \(encoding) \(noun) replaced")
    }
    return Decoded(text: normalizeLineEndings(decoded.0), warnings: warnings)
  }

  /// Replaces "\r\n" and lone "\r" by "\n", and composes the text to Unicode NFC so that
  /// "é" typed two ways matches itself.
  ///
  /// NFC runs only when the text holds a combining mark that composition could absorb (U+0300–
  /// U+036F, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F) or conjoining Hangul jamo
  /// (U+1100–U+11FF): already-composed text, the usual case, skips the costly pass.
  static func normalizeLineEndings(_ text: String) -> String {
    let utf8 = text.utf8
    var composed = text
    if containsCarriageReturn(utf8) {
      var out: [UInt8] = []
      out.reserveCapacity(utf8.count)
      var previousCR = false
      for byte in utf8 {
        if byte == 0x0D {
          out.append(0x0A)
          previousCR = true
        } else {
          if !(byte == 0x0A && previousCR) { out.append(byte) }
          previousCR = false
        }
      }
      composed = String(decoding: out, as: UTF8.self)
    }
    if mayNeedComposition(composed.utf8) {
      composed = composed.precomposedStringWithCanonicalMapping
    }
    return composed
  }
}
