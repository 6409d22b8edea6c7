/// What lies between two words of a phrase: whether it separates two items of a list.
///
/// The analyzer drops stop words, so "product and design" reaches the matcher as the terms
/// "product", "design" with one position between them, exactly like the alias "product design"
/// written with a stop word inside. The gap's bytes tell the two apart: a conjunction ("and",
/// "or", "nor", "but", "&"), a list mark (`,` `;` `|` `•` `·`) or a line break separates items.
/// An alias may span such a gap only where the alias itself has one ("research and development",
/// "Search and rescue", "trust & safety"); gaps of other dropped words ("years of Python") are
/// unchanged.
extension SkillMatcher {
  /// Whether the text between two words of a phrase (`range`, byte offsets into `bytes`) holds a
  /// list separator.
  ///
  /// Runs of ASCII letters are compared with the conjunctions case-insensitively; a run touching
  /// a non-ASCII byte is a word of its own and never a conjunction.
  ///
  /// - Complexity: O(*n*) in the length of the gap, without allocating.
  static func hasSeparator(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var i = max(0, range.lowerBound)
    let end = min(bytes.count, range.upperBound)
    while i < end {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"), 0x0A, 0x0D:
        return true
      case 0xE2 where i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA2:
        return true  // • U+2022
      case 0xC2 where i + 1 < end && bytes[i + 1] == 0xB7:
        return true  // · U+00B7
      default:
        guard isWordByte(b) else {
          i += 1
          continue
        }
        let start = i
        while i < end, isWordByte(bytes[i]) { i += 1 }
        if isConjunction(bytes, start..<i) { return true }
      }
    }
    return false
  }

  /// The bit mask of `Phrase.separatedGaps` for an alias analysed into `tokens` (offsets into
  /// `surface`): bit *j* when a separator lies between tokens *j* − 1 and *j*.
  static func separatedGaps(of tokens: [Token], in surface: String) -> UInt64 {
    guard tokens.count > 1 else { return 0 }
    let bytes = Array(surface.utf8)
    var mask: UInt64 = 0
    for j in 1..<min(tokens.count, 64) where hasSeparator(bytes, tokens[j - 1].end..<tokens[j].start) {
      mask |= 1 << UInt64(j)
    }
    return mask
  }

  @inline(__always)
  private static func isWordByte(_ b: UInt8) -> Bool {
    (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
      || b == 0x27
  }

  /// "and", "or", "nor", "but", in any case.
  private static func isConjunction(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
    func lower(_ k: Int) -> UInt8 { bytes[word.lowerBound + k] | 0x20 }
    switch word.count {
    case 2: return lower(0) == UInt8(ascii: "o") && lower(1) == UInt8(ascii: "r")
    case 3:
      let (a, b, c) = (lower(0), lower(1), lower(2))
      return (a, b, c) == (UInt8(ascii: "a"), UInt8(ascii: "n"), UInt8(ascii: "d"))
        || (a, b, c) == (UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "r"))
        || (a, b, c) == (UInt8(ascii: "b"), UInt8(ascii: "u"), UInt8(ascii: "t"))
    default: return false
    }
  }
}

extension SkillMatcher.Phrase {
  /// Whether the text may have a list separator before term `j` (the alias has one there).
  @inline(__always)
  func allowsSeparator(before j: Int) -> Bool {
    j >= 64 || separatedGaps & (1 << UInt64(j)) != 0
  }
}
