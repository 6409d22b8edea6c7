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

  /// Character → the byte 0x80–0xBF whose Windows-1252 image it is.
  private static let continuationByte: [UInt32: UInt32] = {
    var table: [UInt32: UInt32] = [:]
    for (offset, scalar) in windows1252High.enumerated() { table[scalar] = 0x80 + UInt32(offset) }
    for byte in UInt32(0xA0)...0xBF { table[byte] = byte }
    return table
  }()

  /// The repaired text and the number of repairs made.
  ///
  /// - Complexity: O(*n*) in the length of `text`; texts without U+00C2–U+00EF (no byte 0xC3
  ///   in their UTF-8) are returned unchanged without copying.
  static func repair(_ text: String) -> (text: String, repairs: Int) {
    var current = text
    var total = 0
    for _ in 0..<3 {
      let (repaired, repairs) = repairOnce(current)
      guard repairs > 0 else { break }
      current = repaired
      total += repairs
    }
    return (current, total)
  }

  /// One left-to-right pass of the three rules.
  private static func repairOnce(_ text: String) -> (text: String, repairs: Int) {
    guard text.utf8.contains(0xC3) else { return (text, 0) }
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    output.reserveCapacity(scalars.count)
    var repairs = 0
    var i = 0
    while i < scalars.count {
      if scalars[i].value == 0xC2,
        i + 1 == scalars.count || scalars[i + 1] == " " || scalars[i + 1].value == 0x200B
      {
        repairs += 1
        i += 1
        continue
      }
      if scalars[i].value == 0xE2, i + 2 < scalars.count, scalars[i + 1].value == 0x20AC,
        scalars[i + 2].value == 0x200B
      {
        output.append("\u{201D}")
        repairs += 1
        i += 3
        continue
      }
      if let (scalar, width) = decoded(scalars, at: i) {
        output.append(scalar)
        repairs += 1
        i += width
        continue
      }
      output.append(scalars[i])
      i += 1
    }
    return (String(output), repairs)
  }

  /// The scalar a mojibake sequence starting at `i` stands for, and the sequence's length.
  private static func decoded(
    _ scalars: [Unicode.Scalar], at i: Int
  ) -> (Unicode.Scalar, Int)? {
    let lead = scalars[i].value
    let count: Int
    switch lead {
    case 0xC2...0xDF: count = 1
    case 0xE0...0xEF: count = 2
    default: return nil
    }
    guard i + count < scalars.count else { return nil }
    var value = count == 1 ? lead & 0x1F : lead & 0x0F
    for k in 1...count {
      guard let byte = continuationByte[scalars[i + k].value] else { return nil }
      value = value << 6 | (byte & 0x3F)
    }
    let minimum: UInt32 = count == 1 ? 0x80 : 0x800
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, count + 1)
  }
}
