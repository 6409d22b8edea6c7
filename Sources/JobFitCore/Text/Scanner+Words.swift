/// Word scanning: the joiner and suffix rules documented on ``Tokenizer``.
extension Scanner {
  /// Counts of the current part of a word (the units since the last joiner).
  struct Part {
    var units = 0
    var letters = 0
    var firstIsDigit = false

    var isSingleLetter: Bool { units == 1 && letters == 1 }
  }

  /// The word units starting at `i`, without consuming them.
  @inline(__always) func peekPart(at i: Int) -> (part: Part, bytes: Int) {
    var part = Part()
    var j = i
    while true {
      let (kind, length) = unit(at: j)
      guard kind.isWord else { break }
      if part.units == 0 { part.firstIsDigit = kind == .digit }
      part.units += 1
      if kind == .letter { part.letters += 1 }
      j += length
    }
    return (part, j - i)
  }

  /// Scans the word starting at `start`: returns where it ends and where scanning resumes. An
  /// e-mail address or URL is skipped whole and reported as empty (`end == start`).
  func scanWord(from start: Int) -> (end: Int, resume: Int) {
    var i = start
    var part = Part()
    var segmentUnits = 0  // units since the token start or the last `/` or `&`
    var joined = false  // a joiner was consumed (suffixes only attach to plain words)
    var asciiLettersOnly = true
    var previous = UnitClass.separator
    if bytes[i] == UInt8(ascii: ".") {
      i += 1
      segmentUnits = 1
      joined = true
    }

    scan: while true {
      // Fast path: a run of ASCII letters and digits, the bulk of any text.
      while i < count, bytes[i] < 0x80 {
        let kind = table[Int(bytes[i])]
        guard kind == .letter || kind == .digit else { break }
        if part.units == 0 { part.firstIsDigit = kind == .digit }
        part.units += 1
        if kind == .letter { part.letters += 1 } else { asciiLettersOnly = false }
        segmentUnits += 1
        previous = kind
        i += 1
      }
      let (kind, length) = unit(at: i)
      segmentUnits += 1
      switch kind {
      case .letter, .digit, .mark:
        if part.units == 0 { part.firstIsDigit = kind == .digit }
        part.units += 1
        if kind == .letter { part.letters += 1 }
        if kind != .letter || length > 1 { asciiLettersOnly = false }
        i += length

      case .dot:
        guard unit(at: i + 1).0.isWord else { break scan }
        if i - start == 3 && matchesLowercased(start, "www") { return (start, skipURL(from: i)) }
        i += 1
        part = Part()
        joined = true

      case .hyphen:
        let (next, _) = peekPart(at: i + length)
        let keep =
          next.units > 0
          && (part.isSingleLetter || next.isSingleLetter || (part.letters > 0 && next.firstIsDigit))
        guard keep else { break scan }
        i += length
        part = Part()
        joined = true

      case .slash, .ampersand:
        let next = peekPart(at: i + length).part
        guard next.units > 0, next.units <= 3, segmentUnits - 1 <= 3 else { break scan }
        i += length
        segmentUnits = 0
        part = Part()
        joined = true

      case .apostrophe:
        guard previous == .letter, unit(at: i + length).0 == .letter else { break scan }
        i += length
        joined = true

      case .underscore:
        guard unit(at: i + 1).0.isWord else { break scan }
        i += 1
        part = Part()
        joined = true

      case .plus:
        var end = i
        while isASCII(end, UInt8(ascii: "+")) { end += 1 }
        let pluses = end - i
        let attaches =
          !joined && asciiLettersOnly && !unit(at: end).0.isWord
          && (pluses == 2 || (pluses == 1 && i - start <= 2))
        if attaches { i = end }
        break scan

      case .hash:
        if !joined && asciiLettersOnly && i - start <= 2 && !unit(at: i + 1).0.isWord { i += 1 }
        break scan

      case .at:
        guard previous.isWord, unit(at: i + 1).0.isWord else { break scan }
        return (start, skipEmail(from: i))

      case .colon:
        let scheme = matchesLowercased(start, "http") && i - start == 4
          || matchesLowercased(start, "https") && i - start == 5
          || matchesLowercased(start, "ftp") && i - start == 3
        guard scheme, isASCII(i + 1, UInt8(ascii: "/")), isASCII(i + 2, UInt8(ascii: "/")) else {
          break scan
        }
        return (start, skipURL(from: i))

      case .separator, .cjk:
        break scan
      }
      previous = kind
    }
    return (i, i)
  }

  /// Whether the bytes at `i` spell `word` (lowercase ASCII) in any case.
  private func matchesLowercased(_ i: Int, _ word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    guard i + length <= count else { return false }
    let letters = word.utf8Start
    for k in 0..<length where bytes[i + k] | 0x20 != letters[k] { return false }
    return true
  }

  /// Skips the rest of an e-mail address: word characters, `.`, `-`, `_`, `+`.
  private func skipEmail(from i: Int) -> Int {
    var i = i + 1
    while true {
      let (kind, length) = unit(at: i)
      switch kind {
      case .letter, .digit, .mark, .dot, .hyphen, .underscore, .plus: i += length
      default: return i
      }
    }
  }

  /// Skips the rest of a URL: everything up to whitespace, a quote, `<>[]{}` or non-ASCII text
  /// (parentheses belong to URLs often enough, and a dropped `)` costs nothing).
  private func skipURL(from i: Int) -> Int {
    var i = i
    while i < count {
      switch bytes[i] {
      case 0x00...0x20, 0x7F...0xFF, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"),
        UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
        return i
      default:
        i += 1
      }
    }
    return i
  }
}
