import Foundation

/// The **title** channel: how well the posting's job title matches the titles a résumé gives
/// its holder.
///
/// Recruiters read the title first: "Staff Accountant" against a résumé headed "Senior
/// Accountant" says more than any single line of the body, and the body's TF-IDF vector dilutes
/// it among hundreds of terms. The channel compares short *title texts* only:
///
/// - a posting's title text is its `Document.title` (the schema.org / JSON `title`, else its
///   first heading or line);
/// - a résumé's title text is its `Document.title` plus the short lines that open it — the
///   header block where a résumé states its name and headline ("James Carter" / "Account
///   Executive | B2B SaaS Sales"): up to `headerLines` non-empty lines of at most
///   `maxHeaderLineLength` characters, stopping at the first longer line or at a heading of a
///   known section ("Summary", "EXPERIENCE"; a Markdown `# Name` heading does not stop it).
///   A name or a place in the header costs little: postings rarely carry it in their title, and
///   the channel's idf is fitted on the run's title texts.
///
/// Score: cosine of the two title texts' TF-IDF vectors (same analyzer as the lexical channel,
/// sublinear tf, smoothed idf fitted on the run's title texts, l2 norm), in [0, 1].
public enum TitleChannel {
  /// At most this many header lines of a résumé join its title text.
  public static let headerLines = 3
  /// Longer lines are prose (a summary), not a headline; the header stops there.
  public static let maxHeaderLineLength = 80

  /// Markdown marks around a header line ("# Name", "**Headline**").
  private static let decoration = CharacterSet(charactersIn: "#*_ ")

  /// The analyzer for title texts: `choice`'s analyzer without stemming, because stems merge
  /// different jobs ("Accountant" and "Account Executive" share the English stem "account"), with
  /// plurals folded (`PluralFolding`), so O*NET's "Software Developers" meets a résumé's
  /// "Software Developer". On the dev half the unstemmed title channel (before plural folding and
  /// occupations) scored as well as the stemmed one (nDCG@10 macro 0.636 vs 0.630 alone, 0.701 in
  /// the default blend either way); plural folding was measured together with the occupations.
  static func analyzer(for choice: AnalyzerChoice) throws -> any TextAnalyzer {
    guard case let .standard(language) = choice else { return try choice.makeAnalyzer() }
    let plain = try Analyzer(
      configuration: Analyzer.Configuration(
        stopWords: StopWords.defaultList(for: language), stemmer: nil))
    return language == "english" ? PluralFolding(base: plain) : plain
  }

  /// The occupation table the title channel uses with `choice`: O*NET's titles are English, so
  /// only the standard English analyzer gets one.
  ///
  /// - Throws: `JobFitError.missingDataFile` when the table is not in the data folder.
  static func occupations(for choice: AnalyzerChoice) throws -> OccupationTitles? {
    guard choice == .default else { return nil }
    return try OccupationTitles.bundled()
  }

  /// Recognised occupations add at most this many O*NET titles to a title text…
  public static let maxOccupations = 5
  /// …each naming at least this share of it (see `OccupationTitles.classify`).
  public static let minimumOccupationShare = 0.1

  /// The occupations whose O*NET titles join the title text `text` (see `TitleVectors`).
  static func occupations(in text: String, using table: OccupationTitles)
    -> [OccupationTitles.Occupation]
  {
    table.classify(text).prefix(maxOccupations)
      .filter { $0.share >= minimumOccupationShare }.map(\.occupation)
  }

  /// The text the title channel compares for `document` in `role`.
  public static func text(of document: Document, as role: DocumentRole) -> String {
    guard role == .resume else { return document.title }
    var lines = [document.title]
    var added = 0
    var rest = document.text[...]
    // Only the opening lines are read: the loop stops at the header's end, not the text's.
    while added < headerLines, !rest.isEmpty {
      let end = rest.utf8.firstIndex(of: 0x0A) ?? rest.endIndex
      let line = rest[..<end]
      rest = end < rest.endIndex ? rest[rest.utf8.index(after: end)...] : rest[rest.endIndex...]
      // A UTF-8 character is at most 4 bytes: a longer line cannot be a short one.
      if line.utf8.count > 4 * maxHeaderLineLength { break }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if trimmed.count > maxHeaderLineLength { break }
      if let found = SectionSplitter.heading(in: trimmed), found.kind != .other { break }
      let cleaned = trimmed.trimmingCharacters(in: Self.decoration)
      added += 1
      if cleaned != document.title { lines.append(cleaned) }
    }
    return lines.joined(separator: "\n")
  }
}

/// The title channel's vectors of one scoring run.
///
/// A document's row is the TF-IDF vector of its title text (`TitleChannel.text`, "IT" spelled
/// out) followed by the O*NET titles of the occupations it names (`TitleChannel.occupations`):
/// "Recruiter" becomes "Recruiter / Human Resources Specialists", "HR Manager" becomes "HR
/// Manager / Human Resources Managers", and the two now share "human resource".
struct TitleVectors {
  /// The title vocabulary (column → term), for explanations.
  let terms: [String]
  let items: CSRMatrix
  let queries: CSRMatrix
  /// The occupations recognised in each item's and each query's title text.
  let itemOccupations: [[OccupationTitles.Occupation]]
  let queryOccupations: [[OccupationTitles.Occupation]]

  /// Title texts of `items` and `queries` as TF-IDF rows of one model fitted on them all. When no
  /// title has a term left after analysis, every row is empty (the channel scores 0).
  init(
    items: [Document], itemRole: DocumentRole, queries: [Document], queryRole: DocumentRole,
    configuration: TFIDFConfiguration, analyzer: any TextAnalyzer,
    occupations table: OccupationTitles? = nil
  ) throws {
    let titles = items.map { TitleChannel.text(of: $0, as: itemRole) }
      + queries.map { TitleChannel.text(of: $0, as: queryRole) }
    var found = [[OccupationTitles.Occupation]](repeating: [], count: titles.count)
    if let table {
      found.withUnsafeMutableBufferPointer { buffer in
        let out = UncheckedSendable(buffer)
        DispatchQueue.concurrentPerform(iterations: titles.count) { i in
          out.value[i] = TitleChannel.occupations(in: titles[i], using: table)
        }
      }
    }
    let texts = zip(titles, found).map { title, occupations in
      ([OccupationTitles.spellingOut(title)] + occupations.map(\.title)).joined(separator: "\n")
    }
    itemOccupations = Array(found[..<items.count])
    queryOccupations = Array(found[items.count...])
    do {
      let fitted = try configuration.fitTransform(texts, analyzer: analyzer)
      terms = fitted.model.terms
      self.items = fitted.matrix.rowSlice(0..<items.count)
      self.queries = fitted.matrix.rowSlice(items.count..<texts.count)
    } catch JobFitError.emptyCorpus {
      terms = []
      self.items = CSRMatrix(zeros: items.count, columns: 0)
      self.queries = CSRMatrix(zeros: queries.count, columns: 0)
    }
  }
}
