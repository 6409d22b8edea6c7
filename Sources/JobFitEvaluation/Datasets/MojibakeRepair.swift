/// Undoes the "UTF-8 read as Windows-1252" mojibake of the livecareer résumé text.
///
/// The livecareer pages were UTF-8, decoded once as Windows-1252 somewhere upstream, so a
/// non-ASCII character of *n* UTF-8 bytes shows as *n* Windows-1252 characters: "é" (C3 A9) as
/// "Ã©", "–" (E2 80 93) as "â€“", "·" (C2 B7) as "Â·", and a non-breaking space (C2 A0) as "Â"
/// plus U+00A0. The corpus builder then collapsed whitespace, which turned that U+00A0 into an
/// ordinary space, leaving "AccessÂ Peachtree".
///
/// Three rules, applied left to right:
/// 1. "Â" followed by a space, a zero-width space or the end of the text is dropped (it was the
///    lead byte of a non-breaking space).
/// 2. "â€" followed by a zero-width space is "”": the page's decoder lost the byte 0x9D (which
///    Windows-1252 leaves undefined) and the extractor shows it as U+200B; of the characters
///    E2 80 xx with an undefined xx, only "”" is common in résumés.
/// 3. A lead character U+00C2–U+00DF followed by one character, or U+00E0–U+00EF followed by
///    two, that are the Windows-1252 images of bytes 0x80–0xBF, is replaced by the character
///    those bytes encode in UTF-8, provided it is a valid, non-overlong scalar.
///
/// The pass is repeated (at most three times) while it changes something, which undoes text that
/// was mis-decoded twice ("Ã‚Â®" → "Â®" → "®"). Anything else is left as written (e.g. "Ã"
/// before a zero-width space, where the lost byte could be one of several). The rules cannot fire on ordinary English or German
/// text: a letter such as "Ä" or "é" is never followed by "©", "–", "¢" … in real words.
enum MojibakeRepair {
  /// Windows-1252 characters of the bytes 0x80–0x9F (the bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are
  /// undefined there and mapped to the C1 controls, as most decoders do).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// The byte 0x80–0xBF whose Windows-1252 image is `scalar`, if any.
  private static func continuationByte(_ scalar: UInt32) -> UInt8? {
    if (0xA0...0xBF).contains(scalar) { return UInt8(scalar) }
    guard let offset = windows1252High.firstIndex(of: scalar) else { return nil }
    return 0x80 + UInt8(offset)
  }

  /// The repaired text and the number of repairs made.
  ///
  /// - Complexity: O(*n*) in the UTF-8 length of `text`; texts without U+00C2–U+00EF (no byte
  ///   0xC3 in their UTF-8) are returned unchanged without copying.
  static func repair(_ text: String) -> (text: String, repairs: Int) {
    guard text.utf8.contains(0xC3) else { return (text, 0) }
    var bytes = Array(text.utf8)
    var total = 0
    for _ in 0..<3 {
      let (repaired, repairs) = repairOnce(bytes)
      guard repairs > 0 else { break }
      bytes = repaired
      total += repairs
    }
    return total == 0 ? (text, 0) : (String(decoding: bytes, as: UTF8.self), total)
  }

  /// One left-to-right pass of the three rules over UTF-8 bytes.
  ///
  /// The candidates U+00C2–U+00EF are the two-byte sequences C3 82 … C3 AF, so everything else
  /// is copied byte by byte; output is valid UTF-8 because every replacement is checked to be a
  /// valid, non-overlong encoding.
  private static func repairOnce(_ b: [UInt8]) -> (bytes: [UInt8], repairs: Int) {
    var output: [UInt8] = []
    output.reserveCapacity(b.count)
    var repairs = 0
    var i = 0
    let n = b.count
    while i < n {
      // Copy the run up to the next 0xC3 in one go.
      guard let candidate = b[i...].firstIndex(of: 0xC3) else {
        output += b[i...]
        break
      }
      output += b[i..<candidate]
      i = candidate
      guard i + 1 < n, (0x82...0xAF).contains(b[i + 1]) else {
        output.append(b[i])
        i += 1
        continue
      }
      let lead = UInt32(b[i + 1]) + 0x40  // U+00C2 … U+00EF
      let next = i + 2
      // Rule 1: "Â" before a space, a zero-width space (E2 80 8B) or the end.
      if lead == 0xC2, next == n || b[next] == 0x20 || b[next...].starts(with: [0xE2, 0x80, 0x8B]) {
        repairs += 1
        i = next
        continue
      }
      // Rule 2: "â€" (C3 A2, E2 82 AC) before a zero-width space is a closing quote.
      if lead == 0xE2, b[next...].starts(with: [0xE2, 0x82, 0xAC, 0xE2, 0x80, 0x8B]) {
        output += [0xE2, 0x80, 0x9D]
        repairs += 1
        i = next + 6
        continue
      }
      // Rule 3: a lead and its continuation characters, decoded as the UTF-8 they stand for.
      if let (encoded, end) = decoded(lead: lead, in: b, from: next) {
        output += encoded
        repairs += 1
        i = end
        continue
      }
      output.append(b[i])
      i += 1
    }
    return (output, repairs)
  }

  /// The UTF-8 bytes a mojibake sequence with `lead` stands for, when the characters from byte
  /// `start` are its continuation images; and the byte offset after them.
  private static func decoded(
    lead: UInt32, in b: [UInt8], from start: Int
  ) -> ([UInt8], Int)? {
    let count = lead <= 0xDF ? 1 : 2
    var encoded = [UInt8(lead)]
    var value = count == 1 ? lead & 0x1F : lead & 0x0F
    var position = start
    for _ in 0..<count {
      guard let (scalar, length) = scalar(in: b, at: position),
        let byte = continuationByte(scalar)
      else { return nil }
      encoded.append(byte)
      value = value << 6 | UInt32(byte & 0x3F)
      position += length
    }
    let minimum: UInt32 = count == 1 ? 0x80 : 0x800
    guard value >= minimum, Unicode.Scalar(value) != nil else { return nil }
    return (encoded, position)
  }

  /// The scalar whose UTF-8 starts at `i` (2- and 3-byte forms only: every continuation image
  /// is U+0080 … U+2122), and its length in bytes.
  private static func scalar(in b: [UInt8], at i: Int) -> (UInt32, Int)? {
    guard i < b.count else { return nil }
    let first = UInt32(b[i])
    if first & 0xE0 == 0xC0, i + 1 < b.count {
      return ((first & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
    }
    if first & 0xF0 == 0xE0, i + 2 < b.count {
      return ((first & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    return nil
  }
}
