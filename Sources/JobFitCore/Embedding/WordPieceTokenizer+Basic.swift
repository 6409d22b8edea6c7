import Foundation

// MARK: - BERT's basic tokenizer

extension WordPieceTokenizer {
  /// Splits `text` into words the way BERT's uncased basic tokenizer does, as UTF-8 bytes.
  ///
  /// The steps and their order follow Hugging Face `tokenizers`' `BertNormalizer` and
  /// `BertPreTokenizer` (the fast tokenizer sentence-transformers uses):
  /// 1. clean: drop U+0000, U+FFFD and every `C*` scalar except tab, LF and CR; map White_Space
  ///    scalars to a space;
  /// 2. put spaces around CJK ideographs, so each becomes a word of its own;
  /// 3. strip accents: canonical decomposition (NFD), then drop nonspacing marks (`Mn`);
  /// 4. lowercase (full Unicode mapping, per scalar);
  /// 5. split on spaces, and isolate each punctuation scalar: ASCII 33–47, 58–64, 91–96,
  ///    123–126, plus every Unicode `P*` category.
  ///
  /// Bytes rather than `String`s, because Swift compares strings up to canonical equivalence,
  /// while the vocabulary lookup must be exact (a decomposed Hangul syllable is not the syllable).
  func basicWords(_ text: String) -> [[UInt8]] {
    // Steps 1–2 on the original scalars.
    var cleaned = String.UnicodeScalarView()
    var isASCII = true
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x20 {
          cleaned.append(" ")
        } else if v >= 0x21 && v < 0x7F {
          cleaned.append(scalar)
        }
        continue
      }
      isASCII = false
      if v == 0xFFFD || Self.isControl(scalar) { continue }
      if scalar.properties.isWhitespace {
        cleaned.append(" ")
      } else if Self.isCJK(v) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
      } else {
        cleaned.append(scalar)
      }
    }
    // Step 3: NFD only matters outside ASCII.
    let decomposed =
      isASCII ? String(cleaned) : String(cleaned).decomposedStringWithCanonicalMapping

    // Steps 3 (drop Mn), 4 and 5 in one pass.
    var words: [[UInt8]] = []
    var word: [UInt8] = []
    func flush() {
      if !word.isEmpty {
        words.append(word)
        word.removeAll(keepingCapacity: true)
      }
    }
    for scalar in decomposed.unicodeScalars {
      let v = scalar.value
      if v < 0x80 {
        let byte = UInt8(v)
        if byte == 0x20 {
          flush()
        } else if Self.isASCIIPunctuation(byte) {
          flush()
          words.append([byte])
        } else {
          word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        continue
      }
      let properties = scalar.properties
      switch properties.generalCategory {
      case .nonspacingMark:
        continue
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        flush()
        words.append(Array(String(scalar).utf8))
      default:
        if properties.changesWhenLowercased {
          word.append(contentsOf: properties.lowercaseMapping.utf8)
        } else {
          word.append(contentsOf: String(scalar).utf8)
        }
      }
    }
    flush()
    return words
  }

  /// `C*` scalars other than tab, LF and CR (`tokenizers`' `is_control`: Cc, Cf, Cs, Co, Cn).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned: true
    default: false
    }
  }

  /// BERT's ASCII punctuation: `!` … `/`, `:` … `@`, `[` … `` ` ``, `{` … `~`.
  @inline(__always)
  static func isASCIIPunctuation(_ b: UInt8) -> Bool {
    (b >= 33 && b <= 47) || (b >= 58 && b <= 64) || (b >= 91 && b <= 96) || (b >= 123 && b <= 126)
  }

  /// CJK Unified Ideographs and their extensions and compatibility blocks, as BERT defines
  /// "Chinese characters" (Hangul and kana are not among them).
  static func isCJK(_ v: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
      || (0x20000...0x2A6DF).contains(v) || (0x2A700...0x2B73F).contains(v)
      || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
      || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
  }
}
