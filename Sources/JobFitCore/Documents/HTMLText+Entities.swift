extension HTMLText {
  /// The named character references worth knowing in postings and résumés; others stay literal.
  static let namedEntities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "ndash": "–", "mdash": "—", "hellip": "…", "bull": "•", "middot": "·",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
    "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™", "deg": "°",
    "plusmn": "±", "times": "×", "divide": "÷", "euro": "€", "pound": "£", "yen": "¥",
    "cent": "¢", "sect": "§", "para": "¶", "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    "ensp": " ", "emsp": " ", "thinsp": " ", "larr": "←", "rarr": "→", "check": "✓",
    "eacute": "é", "egrave": "è", "ecirc": "ê", "aacute": "á", "agrave": "à", "acirc": "â",
    "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
    "ccedil": "ç", "ntilde": "ñ", "oacute": "ó", "iacute": "í", "uacute": "ú", "Eacute": "É",
    "oslash": "ø", "aring": "å", "aelig": "æ", "iuml": "ï", "euml": "ë", "ocirc": "ô",
  ]

  /// Decodes the character reference starting at `bytes[start] == "&"` into `out`.
  ///
  /// Numeric references may omit the `;` (as browsers accept); named ones need it. Code points
  /// that are not scalars (0, surrogates, > U+10FFFF) become U+FFFD. An unknown or malformed
  /// reference is copied as is.
  ///
  /// - Returns: the index just past the reference (or past the `&` when copied).
  static func decodeEntity(_ bytes: [UInt8], at start: Int, into out: inout [UInt8]) -> Int {
    var i = start + 1
    if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
      i += 1
      var hex = false
      if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "x") {
        hex = true
        i += 1
      }
      var value: UInt32 = 0
      var digits = 0
      while i < bytes.count, let digit = digitValue(bytes[i], hex: hex), digits < 8 {
        value = value * (hex ? 16 : 10) + digit
        digits += 1
        i += 1
      }
      guard digits > 0 else {
        out.append(bytes[start])
        return start + 1
      }
      if i < bytes.count, bytes[i] == UInt8(ascii: ";") { i += 1 }
      let scalar = value == 0 ? nil : Unicode.Scalar(value)
      out.append(contentsOf: Array(String(scalar ?? "\u{FFFD}").utf8))
      return i
    }
    var name: [UInt8] = []
    while i < bytes.count, name.count < 10,
      isLetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39)
    {
      name.append(bytes[i])
      i += 1
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ";"),
      let replacement = namedEntities[String(decoding: name, as: UTF8.self)]
    {
      out.append(contentsOf: Array(replacement.utf8))
      return i + 1
    }
    out.append(bytes[start])
    return start + 1
  }

  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case 0x30...0x39: UInt32(byte - 0x30)
    case 0x61...0x66 where hex: UInt32(byte - 0x61 + 10)
    case 0x41...0x46 where hex: UInt32(byte - 0x41 + 10)
    default: nil
    }
  }
}
