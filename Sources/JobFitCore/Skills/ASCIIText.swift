/// Byte-level stand-ins for the Unicode-aware string tests the profiler runs on every line.
///
/// Each test either gives exactly the answer of the `String`/Foundation operation it replaces or
/// says it cannot (`nil`), and the caller then runs the original operation. They exist because
/// `line.lowercased().contains("must")`, `trimmingCharacters(in:)` and friends were most of the
/// cost of a posting's profile (issue 5: 70 % of the instructions went to per-mention
/// `lowercased`/`contains` and regular expressions).
///
/// Why a byte answer can be exact: an ASCII needle found in the ASCII-lower-cased bytes, with an
/// ASCII byte (or the end of the text) on each side, lies on `Character` boundaries (grapheme
/// breaks are never suppressed between two ASCII scalars other than CR LF, and a needle never
/// starts with LF), so `Character`-wise `contains` finds it too. Conversely the `Character`-wise
/// search can only find what the bytes hold, provided no non-ASCII scalar lower-cases, case-folds
/// or canonically decomposes to ASCII letters ("K" KELVIN SIGN → "k", "ſ" → "s", "ß" → "ss",
/// "İ" → "i̇", the "ﬁ" ligatures, …) and no non-ASCII digit can meet a regex `\d`: `isFoldSafe`
/// accepts only scalars known to do neither (ASCII, Latin-1 except "ß", Latin Extended-A except
/// "İ", "ŉ" and "ſ", and U+2000–U+20FF punctuation, dashes, bullets and currency signs).
enum ASCIIText {
  /// Whether every non-ASCII scalar of `bytes` is one that cannot pass for ASCII (see above).
  static func isFoldSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0xC0 {
        i += 1  // ASCII or a continuation byte
        continue
      }
      let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
      switch b {
      case 0xC2: break
      case 0xC3: if next == 0x9F { return false }  // ß
      case 0xC4: if next == 0xB0 { return false }  // İ
      case 0xC5: if next == 0x89 || next == 0xBF { return false }  // ŉ ſ
      case 0xE2: if next < 0x80 || next > 0x83 { return false }  // U+2000–U+20FF only
      default: return false
      }
      i += 2
    }
    return true
  }

  /// Where an ASCII needle occurs in a text.
  enum Occurrence {
    /// Nowhere (exact when the text is fold-safe).
    case absent
    /// Somewhere with ASCII (or nothing) on both sides: a `Character`-wise match too.
    case found
    /// Only next to non-ASCII bytes: ask the `String` operation.
    case unsure
  }

  /// Finds `needle` (lower-case ASCII) in `bytes`, comparing ASCII letters case-insensitively
  /// when `foldCase`.
  ///
  /// - Complexity: O(*n* × *m*) worst case; O(*n*) for the short needles used here.
  static func occurrence(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, foldCase: Bool = true
  ) -> Occurrence {
    let n = bytes.count
    let m = needle.count
    guard m > 0, m <= n else { return m == 0 ? .found : .absent }
    let first = needle[0]
    var result = Occurrence.absent
    var i = 0
    while i + m <= n {
      if lower(bytes[i], foldCase) == first {
        var j = 1
        while j < m && lower(bytes[i + j], foldCase) == needle[j] { j += 1 }
        if j == m {
          let beforeOK = i == 0 || bytes[i - 1] < 0x80
          let afterOK = i + m == n || bytes[i + m] < 0x80
          if beforeOK && afterOK { return .found }
          result = .unsure
        }
      }
      i += 1
    }
    return result
  }

  @inline(__always)
  static func lower(_ b: UInt8, _ foldCase: Bool) -> UInt8 {
    foldCase && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
  }

  /// Whether `bytes`, lower-cased, contain any of `needles` (lower-case ASCII, not empty) as
  /// `Character`s would; nil when only the `String` operation can tell.
  ///
  /// One pass over the bytes: a bitmap of the needles' first bytes skips most positions.
  static func containsAny(_ needles: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard isFoldSafe(bytes) else { return nil }
    var firsts: (low: UInt64, high: UInt64) = (0, 0)
    for needle in needles {
      guard let f = needle.first, f < 0x80 else { continue }
      if f < 64 { firsts.low |= 1 << f } else { firsts.high |= 1 << (f - 64) }
    }
    let n = bytes.count
    var unsure = false
    for i in 0..<n {
      let b = lower(bytes[i], true)
      guard b < 0x80, (b < 64 ? firsts.low >> b : firsts.high >> (b - 64)) & 1 == 1 else {
        continue
      }
      for needle in needles where needle.first == b && i + needle.count <= n {
        let m = needle.count
        var j = 1
        while j < m && lower(bytes[i + j], true) == needle[j] { j += 1 }
        guard j == m else { continue }
        if (i == 0 || bytes[i - 1] < 0x80) && (i + m == n || bytes[i + m] < 0x80) { return true }
        unsure = true
      }
    }
    return unsure ? nil : false
  }

  /// Whether any of `needles` may occur in `text`, case-insensitively; false only when none can
  /// (a necessary condition for a case-insensitive regular expression that requires one of them).
  static func mayContain(anyOf needles: [[UInt8]], in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard isFoldSafe(bytes) else { return true }
      return needles.contains { occurrence(of: $0, in: bytes) != .absent }
    }
  }

  /// Byte arrays of lower-case ASCII words.
  static func needles(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
}

// MARK: - Letter classes of short surfaces

extension ASCIIText {
  /// Whether `surface` has a Character with `property` — on bytes when it is all ASCII, where a
  /// letter is A–Z/a–z, upper case A–Z and lower case a–z, exactly as `Character` says; else by
  /// `Character`. Building the skill index asks this of 100k+ aliases at every start-up.
  static func contains(_ surface: String, _ property: LetterClass) -> Bool {
    guard surface.utf8.allSatisfy({ $0 < 0x80 }) else {
      switch property {
      case .letter: return surface.contains(where: \.isLetter)
      case .upper: return surface.contains(where: \.isUppercase)
      case .lower: return surface.contains(where: \.isLowercase)
      }
    }
    return surface.utf8.contains { property.matches($0) }
  }

  enum LetterClass {
    case letter, upper, lower

    func matches(_ byte: UInt8) -> Bool {
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isLower = byte >= 0x61 && byte <= 0x7A
      switch self {
      case .letter: return isUpper || isLower
      case .upper: return isUpper
      case .lower: return isLower
      }
    }
  }
}
