import Foundation

/// The occupations of O*NET 29.2 and the titles people use for them (about 70,000 title forms
/// of 1,016 occupations), for recognising the occupation a job title names.
///
/// Two titles that share no word can name one occupation: "Recruiter" and "Talent Acquisition
/// Partner" are both Human Resources Specialists, "Programmer Analyst" and "Software Engineer"
/// both Software Developers. The title channel adds the recognised occupation's own title to a
/// document's title text (see `TitleChannel`), so such pairs meet, and says so in explanations.
///
/// Data: `data/occupations/onet_titles.tsv`, derived by `scripts/build_occupations.py` from the
/// O*NET 29.2 Database (USDOL/ETA, CC BY 4.0): rows `code <TAB> kind <TAB> title`. Titles are
/// normalised with the analyzer given at load (the title channel's: no stemming, plurals
/// folded), so the table and the documents go through one normaliser.
public struct OccupationTitles: Sendable {
  /// One O*NET-SOC occupation.
  public struct Occupation: Sendable, Hashable {
    /// The O*NET-SOC code, e.g. "15-1252.00".
    public let code: String
    /// O*NET's title of the occupation, e.g. "Software Developers".
    public let title: String
  }

  /// An occupation a title names, with its share of the title (shares of one title sum to 1).
  public struct Match: Sendable, Equatable {
    public let occupation: Occupation
    public let share: Double
  }

  /// How a title form is known to O*NET.
  public enum Kind: String, Sendable {
    /// The occupation's own title; counts twice.
    case occupation
    /// An alternate title or its short form.
    case alternate
    /// A title reported by workers in the occupation.
    case reported

    var weight: Float { self == .occupation ? 2 : 1 }
  }

  /// A normalised title form's votes: occupation index and weight.
  struct Vote: Sendable {
    let occupation: Int32
    let weight: Float
  }

  public let occupations: [Occupation]
  /// Normalised title (its terms joined by a space) → votes, one per occupation.
  let index: [String: [Vote]]
  /// Term → how many occupations have an indexed title ending in it ("manager": 191,
  /// "recruiter": 4): how generic the word is as a job's head noun.
  let headCounts: [String: Int]
  let analyzer: any TextAnalyzer

  /// Title forms longer than this many terms are not indexed (a title is matched by its longest
  /// run of at most this many terms that is a known title).
  static let maxTerms = 8

  /// Words of rank and grade, which say how senior a job is, not which job it is.
  static let levelWords: Set<String> = [
    "senior", "sr", "junior", "jr", "entry", "level", "i", "ii", "iii", "iv", "v", "vi",
    "1", "2", "3", "4", "5",
  ]

  /// - Parameters:
  ///   - rows: (code, kind, title) rows; every code must have one `occupation` row.
  ///   - analyzer: the normaliser for titles (the title channel's analyzer).
  /// - Throws: `JobFitError.invalidParameter` when a code has no `occupation` row.
  public init(
    rows: [(code: String, kind: Kind, title: String)], analyzer: any TextAnalyzer
  ) throws {
    var numbers: [String: Int32] = [:]
    var occupations: [Occupation] = []
    for row in rows where row.kind == .occupation && numbers[row.code] == nil {
      numbers[row.code] = Int32(occupations.count)
      occupations.append(Occupation(code: row.code, title: row.title))
    }
    // All titles are analysed as one text (one call, not 70,000), then cut by line offsets.
    var text = ""
    var starts: [Int] = []
    starts.reserveCapacity(rows.count)
    for row in rows {
      starts.append(text.utf8.count)
      text += Self.spellingOut(row.title)
      text += "\n"
    }
    let tokens = analyzer.tokens(in: text)
    var index: [String: [Vote]] = [:]
    var heads: [String: Set<Int32>] = [:]
    var t = 0
    for (r, row) in rows.enumerated() {
      guard let occupation = numbers[row.code] else {
        throw JobFitError.invalidParameter(
          name: "occupation rows", value: row.code, expected: "a code with an occupation row")
      }
      let end = r + 1 < rows.count ? starts[r + 1] : text.utf8.count
      var terms: [String] = []
      while t < tokens.count, tokens[t].start < end {
        terms.append(tokens[t].term)
        t += 1
      }
      guard !terms.isEmpty, terms.count <= Self.maxTerms, Self.isIndexable(row.title, terms: terms)
      else { continue }
      if let last = terms.last { heads[last, default: []].insert(occupation) }
      for key in Self.keys(terms) {
        var votes = index[key, default: []]
        if let k = votes.firstIndex(where: { $0.occupation == occupation }) {
          votes[k] = Vote(occupation: occupation, weight: votes[k].weight + row.kind.weight)
        } else {
          votes.append(Vote(occupation: occupation, weight: row.kind.weight))
        }
        index[key] = votes
      }
    }
    self.occupations = occupations
    self.index = index
    self.headCounts = heads.mapValues(\.count)
    self.analyzer = analyzer
  }

  /// Whether a table row can be matched as written, so it may vote. Not indexed: a row that
  /// `classify` would cut into parts ("Managers, All Other", "Commission for the Blind
  /// Director": a document title is never matched across such a break, so the row would only
  /// vote through its fragments, e.g. "Managers"); a row with a rank word ("Entry Writer",
  /// "Level Designer", whose remainder is a generic word); and a row that lost a capitalised
  /// short form to the stop words ("IS Manager", "OR Nurse" would otherwise be "manager",
  /// "nurse").
  static func isIndexable(_ title: String, terms: [String]) -> Bool {
    // Spelling out "IT" adds no break, so the title's own bytes decide.
    if isBreak(Array(title.utf8)[...]) { return false }
    if terms.contains(where: levelWords.contains) { return false }
    let kept = Set(terms)
    for word in title.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
      guard word.count >= 2, word != "IT", word.allSatisfy({ $0.isASCII && $0.isUppercase })
      else { continue }
      if !kept.contains(word.lowercased()) { return false }
    }
    return true
  }

  /// The index keys of a title form: its terms joined by spaces, and the same with each pair of
  /// short words written as one ("Back End Engineer" is also "backend engineer", "Full Stack
  /// Developer" also "fullstack developer"), as titles write them either way.
  static func keys(_ terms: [String]) -> [String] {
    var keys = [terms.joined(separator: " ")]
    for i in terms.indices.dropLast() {
      let (a, b) = (terms[i], terms[i + 1])
      guard a.utf8.count <= 5, b.utf8.count <= 5,
        (a + b).utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
      else { continue }
      keys.append((terms[..<i] + [a + b] + terms[(i + 2)...]).joined(separator: " "))
    }
    return keys
  }

  /// `title` with the upper-case word "IT" spelled out as "Information Technology": in a job
  /// title it always means that, and analyzers drop "it" as a stop word.
  static func spellingOut(_ title: String) -> String {
    var hasIT = false
    var previous: UInt8 = 0
    for byte in title.utf8 {
      if previous == UInt8(ascii: "I"), byte == UInt8(ascii: "T") {
        hasIT = true
        break
      }
      previous = byte
    }
    guard hasIT else { return title }
    var result = ""
    var rest = title[...]
    while let range = rest.range(of: "IT") {
      // The character before is read from the whole title: after a match `rest` starts there.
      let before = title[..<range.lowerBound].last
      let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
      result += rest[..<range.lowerBound]
      if before?.isLetter != true, after?.isLetter != true {
        result += "Information Technology"
      } else {
        result += "IT"
      }
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
