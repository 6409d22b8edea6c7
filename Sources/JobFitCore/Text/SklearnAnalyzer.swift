/// scikit-learn's default word analyzer: lowercase, then every run of two or more word characters.
///
/// Reproduces `TfidfVectorizer()` analysis exactly: `str.lower()` on the whole document, then
/// `re.findall(r"(?u)\b\w\w+\b", doc)`. No stemming, no stop words, no accent stripping.
///
/// - A *word character* is Python's `\w` for `str` patterns: `str.isalnum()` (general category
///   `L*`, or any character with a numeric value: `Nd`, `Nl`, `No` and numeric ideographs) or `_`.
/// - Because `\b\w\w+\b` is greedy and anchored at word boundaries, the matches are exactly the
///   maximal runs of word characters that are at least two Unicode scalars long.
/// - Lowercasing is Python's full mapping, including `Σ` → `ς` at the end of a word
///   (Unicode's Final_Sigma context) and one-to-many mappings such as `İ` → `i̇` (`i` + U+0307).
///   It happens *before* the word scan, as in Python, so `İstanbul` yields `stanbul`: U+0307 is a
///   combining mark, not a word character.
///
/// Offsets point into the source text: a token spans the source scalars whose lowercase forms it
/// holds. When one source scalar lowercases to several and the token holds only part of them,
/// the token still covers that whole source scalar, so `text[start..<end]` may then be a little
/// longer than `term` (rare: `İ` expands to `i` + a combining mark, which ends the word anyway).
///
/// Divergence: character properties come from the Unicode version of the Swift runtime, which may
/// be newer than the one in the Python that ran scikit-learn; only characters assigned in between
/// can differ.
public struct SklearnAnalyzer: TextAnalyzer, Hashable {
  /// The identifier stored in fitted models (`TFIDFModel.analyzerIdentifier`).
  public static let identifier = "sklearn-default"

  public init() {}

  public func tokens(in text: String) -> [Token] {
    let buffer = TermBuffer(capacity: text.utf8.count * 2 + 16)
    buffer.sourceRanges = []
    appendTerms(of: text, to: buffer)
    let ranges = buffer.sourceRanges ?? []
    return (0..<buffer.count).map { index in
      Token(term: String(decoding: buffer[index], as: UTF8.self), start: ranges[2 * index],
            end: ranges[2 * index + 1], position: index)
    }
  }

  /// Appends the lowercased terms of `text` to `buffer` (and their source byte ranges when
  /// `buffer.sourceRanges` is not nil).
  ///
  /// The allocation-free path used by `TFIDFConfiguration.fit` and `TFIDFModel.transform`.
  package func appendTerms(of text: String, to buffer: TermBuffer) {
    var text = text
    text.withUTF8 { source in
      // Lowercasing grows UTF-8 by at most 3/2 (for example U+023A → U+2C65); each term holds
      // at least one source byte.
      buffer.reserve(bytes: source.count * 2 + 8, terms: source.count + 1)
      // ASCII text needs no state beyond the current run: the fast scan handles it, and hands
      // over to the full scanner at the run holding the first non-ASCII byte.
      let resume = buffer.sourceRanges == nil ? scanASCIIPrefix(source, into: buffer) : 0
      guard resume < source.count else { return }
      var scanner = WordScanner(source: source, buffer: buffer)
      scanner.run(from: resume)
    }
  }
}

/// Appends the terms of the ASCII part of `source` to `buffer` (whose capacity is reserved), and
/// returns where the full scanner must resume: `source.count` when all is done, else the start of
/// the word run (or the byte) holding the first non-ASCII byte.
///
/// Only locals in the loop. Inside a word, eight ASCII bytes are classified and lowercased at
/// once with word arithmetic; elsewhere one table lookup per byte does both.
private func scanASCIIPrefix(_ source: UnsafeBufferPointer<UInt8>, into buffer: TermBuffer) -> Int {
  let count = source.count
  guard let base = source.baseAddress else { return count }
  let map = asciiWordLowercase
  let output = buffer.bytes
  let ends = buffer.ends
  var written = buffer.byteCount
  var terms = buffer.count
  var index = 0
  while index < count {
    let byte = base[index]
    if map[Int(byte)] == 0 {
      if byte >= 0x80 { break }
      index &+= 1
      continue
    }
    let start = index
    let outputStart = written
    while index < count {
      // Eight bytes at a time while they are ASCII: classify, lowercase and copy them at once
      // (stores past the run's end land in reserved space and are overwritten later).
      if index &+ 8 <= count {
        let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if chunk & asciiHighBits == 0 {
          let word = bytes(of: chunk | 0x2020_2020_2020_2020, in: 0x61...0x7A)
            | bytes(of: chunk, in: 0x30...0x39) | bytes(of: chunk, in: 0x5F...0x5F)
          let lowered = chunk | bytes(of: chunk, in: 0x41...0x5A) &>> 2
          UnsafeMutableRawPointer(output + written).storeBytes(of: lowered, as: UInt64.self)
          let run = (~word & asciiHighBits).trailingZeroBitCount &>> 3
          written &+= run
          index &+= run
          if run == 8 { continue }
          break
        }
      }
      let next = map[Int(base[index])]
      if next == 0 { break }
      output[written] = next
      written &+= 1
      index &+= 1
    }
    if index < count && base[index] >= 0x80 {
      // The run may continue with non-ASCII word characters: rescan it in full.
      written = outputStart
      index = start
      break
    }
    if index &- start >= 2 {
      ends[terms] = written
      terms &+= 1
    } else {
      written = outputStart
    }
  }
  buffer.setContents(terms: terms, bytes: written)
  return index
}

/// The state of one scan over a document's UTF-8 bytes.
private struct WordScanner {
  let source: UnsafeBufferPointer<UInt8>
  let buffer: TermBuffer
  /// The output position, `buffer.bytes`; capacity was reserved by the caller.
  let output: UnsafeMutablePointer<UInt8>
  var written: Int
  /// Where the current run of word characters starts in the output.
  var runOutputStart: Int
  /// Number of scalars in the current run.
  var scalarCount = 0
  var runStart = 0
  var runEnd = 0
  /// Whether `buffer.sourceRanges` collects the terms' source ranges.
  let recordsRanges: Bool

  init(source: UnsafeBufferPointer<UInt8>, buffer: TermBuffer) {
    self.source = source
    self.buffer = buffer
    recordsRanges = buffer.sourceRanges != nil
    output = buffer.bytes
    written = buffer.byteCount
    runOutputStart = written
  }

  mutating func run(from start: Int = 0) {
    var index = start
    let count = source.count
    guard index < count, let base = source.baseAddress else { return }
    let map = asciiWordLowercase
    while index < count {
      let byte = base[index]
      let mapped = map[Int(byte)]
      if mapped != 0 {
        // Fast path: a run of ASCII word bytes, lowercased as they are copied; locals only.
        if scalarCount == 0 { runStart = index }
        let first = index
        var out = written
        output[out] = mapped
        out &+= 1
        index &+= 1
        while index < count {
          let next = map[Int(base[index])]
          if next == 0 { break }
          output[out] = next
          out &+= 1
          index &+= 1
        }
        written = out
        scalarCount &+= index &- first
        runEnd = index
        continue
      }
      if byte < 0x80 {
        if scalarCount > 0 { flush() }
        index &+= 1
        continue
      }
      let (scalar, length) = decodeScalar(at: index)
      let end = index + length
      if scalar.properties.changesWhenLowercased {
        if scalar.value == 0x3A3 {
          let lowered: Unicode.Scalar = isFinalSigma(at: index, length: length) ? "\u{3C2}" : "\u{3C3}"
          append(lowered, start: index, end: end)
        } else {
          for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            append(lowered, start: index, end: end)
          }
        }
      } else {
        append(scalar, start: index, end: end)
      }
      index = end
    }
    flush()
    buffer.byteCount = written
  }

  private mutating func append(_ scalar: Unicode.Scalar, start: Int, end: Int) {
    guard isPythonWordCharacter(scalar) else {
      flush()
      return
    }
    if scalarCount == 0 { runStart = start }
    UTF8.encode(scalar) { byte in
      output[written] = byte
      written += 1
    }
    scalarCount += 1
    runEnd = end
  }

  /// Ends the current run: a term if it has two or more scalars, dropped otherwise.
  @inline(__always)
  private mutating func flush() {
    if scalarCount >= 2 {
      buffer.byteCount = written
      buffer.endTerm()
      if recordsRanges {
        buffer.sourceRanges?.append(runStart)
        buffer.sourceRanges?.append(runEnd)
      }
    } else {
      written = runOutputStart
    }
    runOutputStart = written
    scalarCount = 0
  }

  /// Decodes the scalar starting at `index`; the bytes are valid UTF-8 (they come from a String).
  private func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(source[index])
    var value: UInt32
    var length: Int
    if lead < 0x80 {
      return (Unicode.Scalar(UInt8(lead)), 1)
    } else if lead & 0xE0 == 0xC0 {
      value = lead & 0x1F; length = 2
    } else if lead & 0xF0 == 0xE0 {
      value = lead & 0x0F; length = 3
    } else {
      value = lead & 0x07; length = 4
    }
    for offset in 1..<length {
      value = value << 6 | (UInt32(source[index + offset]) & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// The scalar that ends just before byte `index`, and its start.
  private func decodeScalar(endingAt index: Int) -> (Unicode.Scalar, Int) {
    var start = index - 1
    while start > 0, source[start] & 0xC0 == 0x80 { start -= 1 }
    return (decodeScalar(at: start).0, start)
  }

  /// Python's Final_Sigma test for the capital sigma at `index`, on the *source* text:
  /// `\p{cased} \p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})`.
  private func isFinalSigma(at index: Int, length: Int) -> Bool {
    var cursor = index
    var precededByCased = false
    while cursor > 0 {
      let (scalar, start) = decodeScalar(endingAt: cursor)
      if !scalar.properties.isCaseIgnorable {
        precededByCased = scalar.properties.isCased
        break
      }
      cursor = start
    }
    guard precededByCased else { return false }
    cursor = index + length
    while cursor < source.count {
      let (scalar, scalarLength) = decodeScalar(at: cursor)
      if !scalar.properties.isCaseIgnorable { return !scalar.properties.isCased }
      cursor += scalarLength
    }
    return true
  }
}

/// Python's `\w` for `str` patterns: `str.isalnum()` or `_`.
///
/// `isalnum()` is `isalpha()` (general category Lu, Ll, Lt, Lm, Lo) or any numeric value
/// (`isdecimal`, `isdigit`, `isnumeric`: Numeric_Type Decimal, Digit or Numeric).
package func isPythonWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
  if scalar.isASCII { return isASCIIWord(UInt8(scalar.value)) }
  let properties = scalar.properties
  switch properties.generalCategory {
  case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
    return true
  default:
    return properties.numericType != nil
  }
}

private let asciiHighBits: UInt64 = 0x8080_8080_8080_8080

/// The high bit of each byte of `chunk` (all bytes below 0x80) that lies in `range`.
///
/// Per byte, `b + 0x80 − lo` has its high bit set iff `b ≥ lo`, and `b + 0x7F − hi` iff
/// `b > hi`; both sums stay below 0x100, so no carry crosses into the next byte.
@inline(__always)
private func bytes(of chunk: UInt64, in range: ClosedRange<UInt8>) -> UInt64 {
  let ones: UInt64 = 0x0101_0101_0101_0101
  let atLeastLow = chunk &+ ones &* UInt64(0x80 &- range.lowerBound)
  let aboveHigh = chunk &+ ones &* UInt64(0x7F &- range.upperBound)
  return atLeastLow & ~aboveHigh & asciiHighBits
}

/// Byte → its lowercase form when it is an ASCII word character (`[0-9A-Za-z_]`), else 0 (all
/// other ASCII bytes and every byte of a multi-byte UTF-8 sequence). Built once, never freed.
nonisolated(unsafe) private let asciiWordLowercase: UnsafePointer<UInt8> = {
  let map = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
  for byte in 0..<256 {
    let value = UInt8(byte)
    map[byte] = value < 0x80 && isASCIIWord(value) ? (value &- 0x41 < 26 ? value | 0x20 : value) : 0
  }
  return UnsafePointer(map)
}()

/// `[0-9A-Za-z_]`, branch-light: the fast path for ASCII bytes.
@inline(__always)
private func isASCIIWord(_ byte: UInt8) -> Bool {
  (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x5F
}
