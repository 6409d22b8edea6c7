import Foundation

/// Years of experience, degrees and spoken languages, read from text with small patterns.
public enum ExperienceExtractor {
  /// A stated experience requirement: "7+ years" → 7...nil, "2–4 years" → 2...4.
  public struct YearRange: Codable, Sendable, Equatable {
    public var minimum: Double
    public var maximum: Double?

    public init(minimum: Double, maximum: Double?) {
      self.minimum = minimum
      self.maximum = maximum
    }
  }

  static let numberWords: [String: Double] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
  ]

  // "2-4 years", "2 to 4 years", "2–4 yrs"
  static let rangePattern = try? NSRegularExpression(
    pattern: #"\b(\d{1,2}|[a-z]+)\s*(?:-|–|—|to)\s*(\d{1,2}|[a-z]+)\s*\+?\s*(?:years?|yrs?)\b"#,
    options: [.caseInsensitive])
  // "7+ years", "at least five years", "minimum of 3 years", "5 years"
  static let minimumPattern = try? NSRegularExpression(
    pattern: #"(?:\b(at least|minimum of|min\.?|over|more than)\s+)?\b(\d{1,2}|[a-z]+)\s*(\+)?\s*(?:years?|yrs?)\b"#,
    options: [.caseInsensitive])

  static let yearWords = ASCIIText.needles(["yr", "year"])

  static func number(_ text: String) -> Double? {
    Double(text) ?? numberWords[text.lowercased()]
  }

  /// Every experience requirement stated in `text`, in order.
  ///
  /// The patterns run only over the stretches of text around "yr"/"year" that a match can span
  /// (`yearSegments`); the result is the same as running them over the whole text.
  public static func yearRequirements(in text: String) -> [YearRange] {
    // Both patterns need "yr" or "year"; most lines have neither (see `ASCIIText`).
    guard ASCIIText.mayContain(anyOf: yearWords, in: text) else { return [] }
    guard let segments = yearSegments(in: text) else {
      guard text.range(of: "y", options: .caseInsensitive) != nil else { return [] }
      let found = yearMatches(in: text)
      return found.ranges + found.minimums
    }
    var ranges: [YearRange] = []
    var minimums: [YearRange] = []
    for segment in segments {
      let found = yearMatches(in: segment)
      ranges += found.ranges
      minimums += found.minimums
    }
    return ranges + minimums
  }

  /// The range requirements, then the minimum requirements not overlapping a range, of `text`.
  static func yearMatches(in text: String) -> (ranges: [YearRange], minimums: [YearRange]) {
    guard let rangePattern, let minimumPattern else { return ([], []) }
    let ns = text as NSString
    var ranges: [YearRange] = []
    var minimums: [YearRange] = []
    var covered: [NSRange] = []
    for m in rangePattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      guard let lo = number(ns.substring(with: m.range(at: 1))),
        let hi = number(ns.substring(with: m.range(at: 2))), lo <= hi, hi <= 40
      else { continue }
      ranges.append(YearRange(minimum: lo, maximum: hi))
      covered.append(m.range)
    }
    for m in minimumPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      guard !covered.contains(where: { NSIntersectionRange($0, m.range).length > 0 }),
        let n = number(ns.substring(with: m.range(at: 2))), n > 0, n <= 40
      else { continue }
      minimums.append(YearRange(minimum: n, maximum: nil))
    }
    return (ranges, minimums)
  }

  // MARK: - Degrees

  /// Academic levels, lowest first.
  public enum Degree: String, Codable, Sendable, CaseIterable, Comparable {
    case highSchool = "high school", associate, bachelor, master, doctorate

    public static func < (a: Degree, b: Degree) -> Bool {
      (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    static let patterns: [(Degree, NSRegularExpression?)] = ([
      (.doctorate, #"\b(ph\.?\s?d|doctorate|doctoral|d\.phil)\b"#),
      (.master, #"\b(master'?s|master of|master degree|m\.?sc|msc|m\.s\.|ms in|mba|m\.eng|meng|m\.a\.)(?![a-z-])"#),
      (.bachelor, #"\b(bachelor'?s?(?![a-z])|b\.?sc|bsc|b\.s\.|bs in|bs/ms|ba/bs|b\.a\.|ba in|b\.eng|beng|undergraduate degree)\b"#),
      (.associate, #"\b(associate'?s? degree|associate of)\b"#),
      (.highSchool, #"\b(high school|ged|secondary school diploma)\b"#),
    ] as [(Degree, String)]).map {
      ($0.0, try? NSRegularExpression(pattern: $0.1, options: [.caseInsensitive]))
    }

    /// Words each pattern needs one of (case-insensitively): a text without any of them cannot
    /// match, so the regular expression is skipped.
    static let needles: [Degree: [[UInt8]]] = [
      .doctorate: ASCIIText.needles(["ph", "doctor"]),
      .master: ASCIIText.needles(["master", "sc", "m.s.", "ms in", "mba", "eng", "m.a."]),
      .bachelor: ASCIIText.needles([
        "bachelor", "sc", "b.s.", "bs in", "bs/ms", "ba/bs", "b.a.", "ba in", "eng",
        "undergraduate degree",
      ]),
      .associate: ASCIIText.needles(["associate"]),
      .highSchool: ASCIIText.needles(["high school", "ged", "secondary school diploma"]),
    ]
  }

  /// Degree levels named in `text`, highest first.
  public static func degrees(in text: String) -> [Degree] {
    let range = NSRange(location: 0, length: (text as NSString).length)
    return Degree.patterns.compactMap { degree, pattern in
      guard ASCIIText.mayContain(anyOf: Degree.needles[degree] ?? [], in: text) else { return nil }
      return pattern?.firstMatch(in: text, range: range) == nil ? nil : degree
    }
  }

  // MARK: - Spoken languages

  static let languageNames = [
    "English", "Spanish", "French", "German", "Italian", "Portuguese", "Dutch", "Polish",
    "Czech", "Slovak", "Russian", "Ukrainian", "Arabic", "Hebrew", "Turkish", "Greek", "Hindi",
    "Urdu", "Bengali", "Punjabi", "Tamil", "Mandarin", "Cantonese", "Chinese", "Japanese",
    "Korean", "Vietnamese", "Thai", "Indonesian", "Malay", "Tagalog", "Swahili", "Yoruba",
    "Igbo", "Hausa", "Swedish", "Norwegian", "Danish", "Finnish", "Hungarian", "Romanian",
    "Bulgarian", "Serbian", "Croatian", "Persian", "Farsi",
  ]

  /// Spoken languages named in `text` (capitalised, as language names are written).
  public static func languages(in text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var copy = text
    let candidates = copy.withUTF8 { bytes in
      // A name whose bytes are absent cannot be found (see `ASCIIText`); the rest are checked.
      ASCIIText.isFoldSafe(bytes)
        ? languageNames.filter {
          ASCIIText.occurrence(of: Array($0.utf8), in: bytes, foldCase: false) != .absent
        }
        : languageNames
    }
    return candidates.filter { name in
      var search = text.startIndex..<text.endIndex
      while let r = text.range(of: name, range: search) {
        let beforeOK = r.lowerBound == text.startIndex || !text[text.index(before: r.lowerBound)].isLetter
        let afterOK = r.upperBound == text.endIndex || !text[r.upperBound].isLetter
        if beforeOK && afterOK { return true }
        search = r.upperBound..<text.endIndex
      }
      return false
    }
  }
}
