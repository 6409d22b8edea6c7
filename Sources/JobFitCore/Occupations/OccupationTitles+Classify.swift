import Foundation

// MARK: - Recognising occupations in a title

extension OccupationTitles {
  /// The occupations `title` names, largest share first (ties by code); empty when no part of
  /// it is a known title.
  ///
  /// The title is cut into parts at punctuation (`, / | ; : ( ) [ ]`, a spaced dash, a line
  /// break) and at the words "at" and "for": "Software Engineer, Machine Learning" and
  /// "Account Executive | B2B SaaS" name a job in their first part and its field or employer in
  /// the rest. Words of rank ("Senior", "II") are ignored. In each part the longest run of terms
  /// that is a known title wins (the leftmost of equal length); a lone word counts only when it
  /// is the whole part (after rank words are dropped) and a specific job noun ("Recruiter",
  /// "Accountant"; not the "Manager" of "Partner Manager", nor "Manager", "Developer" or "Owner"
  /// alone — see `bestVotes`). A part's occupations share it in proportion to O*NET's votes (how
  /// many title lists give that form for the occupation; its own title counts twice), and the
  /// parts' shares are averaged.
  ///
  /// - Complexity: O(*w*²) dictionary lookups for a part of *w* terms (*w* ≤ a few).
  public func classify(_ title: String) -> [Match] {
    let text = Self.spellingOut(title)
    let bytes = Array(text.utf8)
    let tokens = analyzer.tokens(in: text)
    var totals: [Int32: Double] = [:]
    var parts = 0
    var segment: [String] = []
    var previousEnd = 0

    func close() {
      defer { segment.removeAll(keepingCapacity: true) }
      guard let votes = bestVotes(segment) else { return }
      let sum = votes.reduce(0) { $0 + Double($1.weight) }
      for vote in votes { totals[vote.occupation, default: 0] += Double(vote.weight) / sum }
      parts += 1
    }

    for token in tokens {
      if !segment.isEmpty, Self.isBreak(bytes[previousEnd..<max(previousEnd, token.start)]) {
        close()
      }
      previousEnd = token.end
      if !Self.levelWords.contains(token.term) { segment.append(token.term) }
    }
    close()
    guard parts > 0 else { return [] }
    return totals.map {
      Match(occupation: occupations[Int($0.key)], share: $0.value / Double(parts))
    }
    .sorted { ($0.share, $1.occupation.code) > ($1.share, $0.occupation.code) }
  }

  /// A lone word names an occupation only when it heads the titles of at most this many
  /// occupations ("accountant" 5, "nurse" 17, "auditor" 21; not "developer" 45, "manager" 191).
  static let maxLoneWordHeads = 25

  /// Lone words that name a position or a relation to the employer, not an occupation, whatever
  /// O*NET's lists say ("Owner" is an alternate title of Urologists there).
  static let positionWords: Set<String> = [
    "owner", "intern", "trainee", "apprentice", "volunteer", "partner", "founder", "president",
    "head", "lead", "principal", "staff", "associate", "assistant", "member", "employee",
    "worker", "contractor", "consultant", "freelancer", "director", "officer", "executive",
  ]

  /// The votes of the longest known title among the runs of `terms`. A lone word must be a
  /// specific head noun (`maxLoneWordHeads`, not a `positionWords` entry) with at least two
  /// votes for its leading occupation.
  private func bestVotes(_ terms: [String]) -> [Vote]? {
    guard !terms.isEmpty else { return nil }
    if terms.count == 1 {
      let word = terms[0]
      guard !Self.positionWords.contains(word), headCounts[word, default: 0] <= Self.maxLoneWordHeads,
        let votes = index[word], votes.contains(where: { $0.weight >= 2 })
      else { return nil }
      return votes
    }
    for length in stride(from: min(terms.count, Self.maxTerms), through: 2, by: -1) {
      for start in 0...(terms.count - length) {
        if let votes = index[terms[start..<(start + length)].joined(separator: " ")] {
          return votes
        }
      }
    }
    return nil
  }

  /// Whether the text between two tokens separates parts of a title.
  static func isBreak(_ gap: ArraySlice<UInt8>) -> Bool {
    guard !gap.isEmpty else { return false }
    for byte in gap {
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "|"), UInt8(ascii: ";"),
        UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: "@"), 0x0A, 0x0D:
        return true
      default: continue
      }
    }
    let words = String(decoding: gap, as: UTF8.self).lowercased()
    // A spaced hyphen, an en or em dash, or the words "at" / "for".
    if words.contains(" - ") || words.contains("\u{2013}") || words.contains("\u{2014}")
      || words.contains("\u{00B7}") || words.contains("\u{2022}")
    {
      return true
    }
    return words.split(whereSeparator: { !$0.isLetter }).contains { $0 == "at" || $0 == "for" }
  }
}
