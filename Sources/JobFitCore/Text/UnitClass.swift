/// What one character (a "unit": an ASCII byte or a whole non-ASCII scalar) means to the tokenizer.
///
/// ASCII is classified by a 128-entry table; everything else decodes the scalar and asks Unicode
/// properties, so the common case costs one load.
enum UnitClass: UInt8 {
  case separator, letter, digit, mark, cjk
  case dot, hyphen, slash, ampersand, apostrophe, underscore, plus, hash, at, colon

  /// Letters, digits and marks: the units a word is made of.
  @inline(__always) var isWord: Bool { rawValue >= UnitClass.letter.rawValue && rawValue <= UnitClass.mark.rawValue }

  /// Classes of the 128 ASCII bytes.
  static let ascii: [UnitClass] = (0..<128).map { byte -> UnitClass in
    switch UInt8(byte) {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): .letter
    case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
    case UInt8(ascii: "."): .dot
    case UInt8(ascii: "-"): .hyphen
    case UInt8(ascii: "/"): .slash
    case UInt8(ascii: "&"): .ampersand
    case UInt8(ascii: "'"): .apostrophe
    case UInt8(ascii: "_"): .underscore
    case UInt8(ascii: "+"): .plus
    case UInt8(ascii: "#"): .hash
    case UInt8(ascii: "@"): .at
    case UInt8(ascii: ":"): .colon
    default: .separator
    }
  }

  /// The class of a non-ASCII scalar.
  static func of(scalar value: UInt32) -> UnitClass {
    // Full-width ASCII variants (U+FF01…U+FF5E) behave like the ASCII they fold to under NFKC,
    // so "ＣＩ／ＣＤ" tokenizes like "CI/CD".
    if value >= 0xFF01 && value <= 0xFF5E { return ascii[Int(value - 0xFEE0)] }
    if isCJK(value) { return .cjk }
    switch value {
    case 0x2019, 0x02BC: return .apostrophe  // ’ and modifier apostrophe
    case 0x2010, 0x2011: return .hyphen  // Unicode hyphen, non-breaking hyphen
    case 0x00AD, 0x200C, 0x200D: return .mark  // soft hyphen, ZWNJ, ZWJ: continue a word only
    default: break
    }
    guard let scalar = Unicode.Scalar(value) else { return .separator }
    let properties = scalar.properties
    if properties.isAlphabetic { return .letter }
    switch properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber: return .digit
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    default: return .separator
    }
  }

  /// Han, Hiragana, Katakana and Hangul: the scripts written without spaces between words that
  /// the tokenizer splits into overlapping character bigrams (as Lucene's CJKBigramFilter does).
  static func isCJK(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x11FF,  // Hangul Jamo
      0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
      0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035,  // 々〆〇, Hangzhou numerals, kana repeats
      0x3040...0x309F,  // Hiragana
      0x30A1...0x30FA, 0x30FC...0x30FF,  // Katakana without ゠ and the middle dot ・
      0x3130...0x318F,  // Hangul compatibility Jamo
      0x31F0...0x31FF,  // Katakana phonetic extensions
      0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK unified ideographs (+ extension A)
      0xA960...0xA97F, 0xAC00...0xD7FF,  // Hangul Jamo extended A, syllables, extended B
      0xF900...0xFAFF,  // CJK compatibility ideographs
      0xFF66...0xFF9F, 0xFFA0...0xFFDC,  // half-width Katakana and Hangul
      0x20000...0x323AF:  // CJK extensions B–H, compatibility supplement
      return true
    default:
      return false
    }
  }
}
