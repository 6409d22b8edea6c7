import Foundation
import JobFitCore

extension EvaluationData {
  static let dsinwildDataset = "dsinwild-category-jds"

  /// Advocate titles dropped from the "advocate" JDs, matched case-insensitively as substrings.
  ///
  /// PROVENANCE.md says livecareer ADVOCATE résumés are mostly legal, but reading them says
  /// otherwise: their titles are patient, customer-service, victim, family, community and
  /// client advocates, and only about a dozen of 118 mention an attorney, paralegal or
  /// litigation. So the fair rule drops the JDs with no counterpart among those résumés, not the
  /// non-legal ones: "Developer Advocate" is developer relations (a software role). The kept
  /// customer, client, child (CASA) and clean-energy advocate JDs are the same kind of
  /// advocacy and service work as the résumés.
  static let dsinwildDroppedAdvocateTitles = ["developer advocate"]

  /// The two dsinwild category tasks: "dsinwild:posting→resume" (each kept JD ranks the
  /// livecareer résumés) and "dsinwild:resume→posting" (each livecareer résumé of the five JD
  /// categories ranks the kept JDs).
  ///
  /// Gain is 1 when the résumé's category equals the JD's category upper-cased
  /// ("information-technology" → "INFORMATION-TECHNOLOGY"), else 0. JD ids are
  /// "dsinwild-<n>", *n* the 1-based data row of `jd.csv`; a JD's text is its title line, a
  /// blank line and the description. Two "accountant" rows have title and company swapped; a
  /// row whose company names the category and whose title does not is swapped back.
  ///
  /// - Parameter resumes: the livecareer résumés when already loaded; read when nil.
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming `jd.csv` or the résumé file.
  public func dsinwildTasks(resumes: LivecareerResumes? = nil) throws -> [EvaluationTask] {
    let resumes = try resumes ?? livecareerResumes()
    let table = try table(
      Self.dsinwildDataset, "jd.csv", columns: ["category", "title", "company", "description"])
    var postings: [Document] = []
    var postingCategory: [String: String] = [:]
    var dropped: [String] = []
    var swapped = 0
    for (index, record) in table.records.enumerated() {
      let id = "dsinwild-\(index + 1)"
      let category = table.value("category", record).trimmedField
        .uppercased()
      var title = table.value("title", record).trimmedField
      let company = table.value("company", record).trimmedField
      let keyword = category.lowercased()
      if company.lowercased().contains(keyword), !title.lowercased().contains(keyword) {
        title = company
        swapped += 1
      }
      if category == "ADVOCATE",
        Self.dsinwildDroppedAdvocateTitles.contains(where: title.lowercased().contains)
      {
        dropped.append(id)
        continue
      }
      let description = DatasetText.normalizeLineEndings(table.value("description", record))
      guard DatasetText.hasContent(description) else {
        throw JobFitError.invalidDocument(
          path: "\(table.path):\(record.line)", reason: "empty description")
      }
      postings.append(
        DatasetText.document(
          id: id, path: table.path, text: "\(title)\n\n\(description)", title: title))
      postingCategory[id] = category
    }
    let categories = Set(postingCategory.values)
    let unknown = categories.subtracting(resumes.categories.values)
    guard unknown.isEmpty else {
      throw JobFitError.invalidDocument(
        path: table.path,
        reason: "categories with no livecareer résumés: \(unknown.sorted().joined(separator: ", "))"
      )
    }
    let queries = resumes.documents(in: categories)
    let notes =
      [
        "dsinwild: \(table.records.count) JDs; dropped \(dropped.count) \"Developer Advocate\" "
          + "JD(s) (\(dropped.joined(separator: ", "))): developer relations has no counterpart "
          + "among livecareer ADVOCATE résumés, which are patient/customer/victim/community "
          + "advocates, not lawyers",
        "dsinwild: swapped title and company back in \(swapped) JD(s) whose title held the company",
        "dsinwild: categories are the LinkedIn search keyword; \"finance\" mixes advisers and sales",
      ] + resumes.notes
    let forward = EvaluationTask(
      name: "dsinwild:posting→resume", dataset: Self.dsinwildDataset, queryRole: .posting,
      queries: postings, items: resumes.documents,
      gains: sameCategoryGains(
        queries: postingCategory, items: resumes.categories, within: categories),
      groups: postingCategory, graded: false, notes: notes)
    let queryCategory = resumes.categories.filter { categories.contains($0.value) }
    let reverse = EvaluationTask(
      name: "dsinwild:resume→posting", dataset: Self.dsinwildDataset, queryRole: .resume,
      queries: queries, items: postings,
      gains: sameCategoryGains(queries: queryCategory, items: postingCategory, within: categories),
      groups: queryCategory, graded: false, notes: notes)
    return [forward, reverse]
  }

  /// Gain 1 for every item whose category equals the query's (binary category relevance).
  ///
  /// - Parameter within: only these categories can be relevant (limits the work).
  func sameCategoryGains(
    queries: [String: String], items: [String: String], within: Set<String>
  ) -> [String: [String: Double]] {
    categoryGains(queries: queries.mapValues { [$0] }, items: items, within: within)
  }

  /// Gain 1 for every item whose category is one of the query's categories.
  func categoryGains(
    queries: [String: Set<String>], items: [String: String], within: Set<String>
  ) -> [String: [String: Double]] {
    var itemsByCategory: [String: [String]] = [:]
    for (id, category) in items where within.contains(category) {
      itemsByCategory[category, default: []].append(id)
    }
    var gains: [String: [String: Double]] = [:]
    for (query, categories) in queries {
      var row: [String: Double] = [:]
      for category in categories {
        for item in itemsByCategory[category] ?? [] { row[item] = 1 }
      }
      gains[query] = row
    }
    return gains
  }
}
