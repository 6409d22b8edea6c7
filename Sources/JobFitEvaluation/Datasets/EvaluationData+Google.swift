import Foundation
import JobFitCore

extension EvaluationData {
  static let googleDataset = "google-job-skills"

  /// The Google job postings, one document per distinct posting text, with their job family.
  ///
  /// A posting's text is its title, then "Responsibilities", "Minimum qualifications" and
  /// "Preferred qualifications" headings over the bullet lists (a heading is left out when its
  /// column is empty), so `SectionSplitter` tells requirements from preferred qualifications.
  /// Ids are "google-<n>", *n* the 1-based data row of `job_skills.csv`.
  ///
  /// Dropped, each counted in the returned notes: rows with all three text columns empty (only a
  /// title), and rows whose family and text equal an earlier row's: exact duplicate rows, and
  /// the same posting listed for another location (the location is not part of the text, so
  /// such copies would be identical queries or items).
  func googlePostings() throws -> (
    documents: [Document], families: [String: String], notes: [String]
  ) {
    let columns = [
      "Title", "Category", "Location", "Responsibilities", "Minimum Qualifications",
      "Preferred Qualifications",
    ]
    let table = try table(Self.googleDataset, "job_skills.csv", columns: columns)
    var documents: [Document] = []
    var families: [String: String] = [:]
    var seenRows: Set<[String]> = []
    var seenTexts: Set<String> = []
    var titleOnly = 0
    var exactDuplicates = 0
    var otherLocation = 0
    let sections = [
      ("Responsibilities", "Responsibilities"),
      ("Minimum Qualifications", "Minimum qualifications"),
      ("Preferred Qualifications", "Preferred qualifications"),
    ]
    for (index, record) in table.records.enumerated() {
      let isNewRow = seenRows.insert(record.fields).inserted
      let title = table.value("Title", record).trimmedField
      let family = table.value("Category", record).trimmedField
      var text = title
      var hasBody = false
      for (column, heading) in sections {
        let body = DatasetText.normalizeLineEndings(table.value(column, record))
          .trimmedField
        guard !body.isEmpty else { continue }
        hasBody = true
        text += "\n\n\(heading)\n\(body)"
      }
      guard hasBody else {
        if isNewRow { titleOnly += 1 } else { exactDuplicates += 1 }
        continue
      }
      guard seenTexts.insert("\(family)\u{1F}\(text)").inserted else {
        if isNewRow { otherLocation += 1 } else { exactDuplicates += 1 }
        continue
      }
      let id = "google-\(index + 1)"
      documents.append(DatasetText.document(id: id, path: table.path, text: text, title: title))
      families[id] = family
    }
    let notes = [
      "google: \(table.records.count) rows; dropped \(exactDuplicates) exact duplicate row(s), "
        + "\(otherLocation) repeat(s) of a posting's text for another location and \(titleOnly) "
        + "row(s) with no text but the title; \(documents.count) postings",
      "google: one employer, so its house style (\"BA/BS degree or equivalent practical "
        + "experience\") is in most postings",
    ]
    return (documents, families, notes)
  }

  /// The two Google category tasks through `GoogleCrosswalk`: "google:posting→resume" (each
  /// mapped posting ranks the livecareer résumés) and "google:resume→posting" (each livecareer
  /// résumé of a category the crosswalk reaches ranks the mapped postings).
  ///
  /// Gain is 1 when the résumé's category is in the crosswalk set of the posting's family.
  /// Postings of unmapped families are neither queries nor items. Groups are the family for
  /// postings and the category for résumés.
  ///
  /// - Parameter resumes: the livecareer résumés when already loaded; read when nil.
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming `job_skills.csv` or the
  ///   résumé file.
  public func googleTasks(resumes: LivecareerResumes? = nil) throws -> [EvaluationTask] {
    let resumes = try resumes ?? livecareerResumes()
    let all = try googlePostings()
    var postings: [Document] = []
    var postingCategories: [String: Set<String>] = [:]
    var postingFamily: [String: String] = [:]
    var unmappedCounts: [String: Int] = [:]
    for document in all.documents {
      guard let family = all.families[document.id] else { continue }
      guard let categories = GoogleCrosswalk.categories[family] else {
        unmappedCounts[family, default: 0] += 1
        continue
      }
      postings.append(document)
      postingCategories[document.id] = categories
      postingFamily[document.id] = family
    }
    let reached = Set(GoogleCrosswalk.categories.values.joined())
    let queries = resumes.documents(in: reached)
    let left = unmappedCounts.keys.sorted().map { family in
      let count = unmappedCounts[family] ?? 0
      return "\(family) (\(count)): \(GoogleCrosswalk.unmapped[family] ?? "not in the crosswalk")"
    }
    let mapping = GoogleCrosswalk.categories.keys.sorted().map { family in
      "\(family) → \((GoogleCrosswalk.categories[family] ?? []).sorted().joined(separator: "/"))"
    }
    let notes =
      all.notes + [
        "google: crosswalk (see GoogleCrosswalk.swift): " + mapping.joined(separator: "; "),
        "google: \(postings.count) postings of mapped families; left out "
          + "\(unmappedCounts.values.reduce(0, +)) of unmapped families: "
          + left.joined(separator: "; "),
      ] + resumes.notes
    let forward = EvaluationTask(
      name: "google:posting→resume", dataset: Self.googleDataset, queryRole: .posting,
      queries: postings, items: resumes.documents,
      gains: categoryGains(queries: postingCategories, items: resumes.categories, within: reached),
      groups: postingFamily, graded: false, notes: notes)
    let queryCategory = resumes.categories.filter { reached.contains($0.value) }
    var reverseGains: [String: [String: Double]] = [:]
    for (query, category) in queryCategory {
      var row: [String: Double] = [:]
      for (posting, categories) in postingCategories where categories.contains(category) {
        row[posting] = 1
      }
      reverseGains[query] = row
    }
    let reverse = EvaluationTask(
      name: "google:resume→posting", dataset: Self.googleDataset, queryRole: .resume,
      queries: queries, items: postings, gains: reverseGains, groups: queryCategory,
      graded: false, notes: notes)
    return [forward, reverse]
  }
}
