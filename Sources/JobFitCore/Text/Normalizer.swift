import Foundation

/// Turns the source text of one token into a term.
///
/// Applied per token, after tokenizing, so offsets keep pointing into the source:
///
/// 1. Unicode NFKC (compatibility composition): `ﬁ` → `fi`, `ＰＹＴＨＯＮ` → `PYTHON`, `²` → `2`.
/// 2. Lowercasing with `String.lowercased()`: the Unicode default, locale-independent lowercase
///    mapping (`ÄRZTIN` → `ärztin`, `İ` → `i̇`). This is *not* full case folding: `ß` stays `ß` and
///    final sigma stays `ς`, so German and Greek stop lists and stemmers see the real spelling.
/// 3. Clean-up: `’` and `ʼ` become `'`, Unicode hyphens become `-`, default-ignorable characters
///    (soft hyphen, zero-width joiners, variation selectors) are removed, and acronyms written with
///    single-letter parts and dots lose the dots (`e.g.` → `eg`, `U.S.` → `us`).
///
/// Diacritic folding (``foldDiacritics(_:)``: canonical decomposition, drop non-spacing marks,
/// recompose; `café` → `cafe`) is a separate step the analyzer applies last, after stemming, so
/// stop lists and stemmers see accented words. Letters without a decomposition (`ø`, `ł`, `ß`)
/// are kept.
///
/// ASCII tokens take a fast path: NFKC is the identity on ASCII, so they are lowercased byte by
/// byte into the new string; only tokens with non-ASCII bytes use Foundation.
public struct Normalizer: Sendable, Hashable, Codable {
  /// Apply Unicode NFKC.
  public var compatibilityComposition: Bool
  /// Lowercase with `String.lowercased()`.
  public var lowercase: Bool

  public init(compatibilityComposition: Bool = true, lowercase: Bool = true) {
    self.compatibilityComposition = compatibilityComposition
    self.lowercase = lowercase
  }

  /// The term for the source text `raw` of one token (steps 1–3 above).
  public func normalize(_ raw: String) -> String {
    var raw = raw
    let ascii = raw.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? normalizeASCII(bytes) : nil }
    if let ascii { return ascii }
    var text = raw
    if compatibilityComposition { text = text.precomposedStringWithCompatibilityMapping }
    if lowercase { text = text.lowercased() }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2019, 0x02BC: scalars.append("'")
      case 0x2010, 0x2011: scalars.append("-")
      default: if !scalar.properties.isDefaultIgnorableCodePoint { scalars.append(scalar) }
      }
    }
    return Self.removingAcronymDots(String(scalars))
  }

  /// Removes diacritics: NFD, drop non-spacing marks, NFC (`café` → `cafe`, `Straße` unchanged).
  public func foldDiacritics(_ term: String) -> String {
    guard term.utf8.contains(where: { $0 >= 0x80 }) else { return term }
    var scalars = String.UnicodeScalarView()
    for scalar in term.decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      scalars.append(scalar)
    }
    return String(scalars).precomposedStringWithCanonicalMapping
  }

  private func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let lower = lowercase
    let term = String(unsafeUninitializedCapacity: bytes.count) { out in
      for (k, b) in bytes.enumerated() {
        out[k] = lower && b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
      }
      return bytes.count
    }
    return bytes.count >= 3 && bytes[1] == UInt8(ascii: ".") ? Self.removingAcronymDots(term) : term
  }

  /// `x.y` or `x.y.z` (single letters joined by dots) without the dots; anything else unchanged.
  static func removingAcronymDots(_ term: String) -> String {
    var letters = String.UnicodeScalarView()
    var expectLetter = true
    for scalar in term.unicodeScalars {
      if expectLetter {
        guard scalar.properties.isAlphabetic else { return term }
        letters.append(scalar)
      } else if scalar != "." {
        return term
      }
      expectLetter.toggle()
    }
    return letters.count >= 2 && !expectLetter ? String(letters) : term
  }
}
