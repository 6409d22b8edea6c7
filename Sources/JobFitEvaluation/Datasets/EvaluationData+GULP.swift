import Foundation
import JobFitCore

extension EvaluationData {
  static let gulpDataset = "gulp-cv-project-matching-de"

  /// "gulp:resume→posting": per freelancer CV, rerank the German IT project posts it was graded
  /// against.
  ///
  /// Labels run 1–5 with **1 the best fit** (German school grades; PROVENANCE.md checks the
  /// direction), so gain = 5 − label: 4 for the best, 0 for the worst. A (CV, post) pair that
  /// appears more than once gets the mean of its labels, so conflicting grades give a
  /// fractional gain. Query ids are "gulp-cv-<id>", items "gulp-post-<id>"; every post is an
  /// item (the unjudged ones only add to the corpus), and a CV's pool is its judged posts in
  /// file order. Groups are the CV's language ("de", "en"); the split key is the query id, one
  /// per CV.
  ///
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming the GULP file, when a label
  ///   is outside 1–5, or when a pair names a CV or post with no text.
  public func gulpTask() throws -> EvaluationTask {
    let pairs = try table(Self.gulpDataset, "pairs.csv", columns: ["cv", "jobpost", "label"])
    let cvs = try table(Self.gulpDataset, "cvs.csv", columns: ["cv_id", "text", "lang"])
    let posts = try table(Self.gulpDataset, "jobposts.csv", columns: ["jobpost_id", "text"])
    var cvText: [String: (text: String, lang: String)] = [:]
    for record in cvs.records {
      let id = cvs.value("cv_id", record).trimmedField
      cvText[id] = (
        cvs.value("text", record), cvs.value("lang", record).trimmedField
      )
    }
    var items: [Document] = []
    var postIDs: Set<String> = []
    for record in posts.records {
      let id = posts.value("jobpost_id", record).trimmedField
      let text = DatasetText.normalizeLineEndings(posts.value("text", record))
      guard DatasetText.hasContent(text) else { continue }
      postIDs.insert(id)
      items.append(
        DatasetText.document(id: "gulp-post-\(id)", path: posts.path, text: text, title: nil))
    }
    var labels: [String: [String: [Int]]] = [:]
    var order: [String: [String]] = [:]
    var cvOrder: [String] = []
    for record in pairs.records {
      let cv = pairs.value("cv", record).trimmedField
      let post = pairs.value("jobpost", record).trimmedField
      let label = try pairs.integer("label", record)
      let place = "\(pairs.path):\(record.line)"
      guard (1...5).contains(label) else {
        throw JobFitError.invalidDocument(path: place, reason: "label \(label) is outside 1–5")
      }
      guard let cvEntry = cvText[cv], DatasetText.hasContent(cvEntry.text) else {
        throw JobFitError.invalidDocument(path: place, reason: "CV \(cv) has no text in cvs.csv")
      }
      guard postIDs.contains(post) else {
        throw JobFitError.invalidDocument(
          path: place, reason: "post \(post) has no text in jobposts.csv")
      }
      if labels[cv] == nil { cvOrder.append(cv) }
      if labels[cv]?[post] == nil { order[cv, default: []].append(post) }
      labels[cv, default: [:]][post, default: []].append(label)
    }
    var queries: [Document] = []
    var gains: [String: [String: Double]] = [:]
    var pools: [String: [String]] = [:]
    var groups: [String: String] = [:]
    var repeatedPairs = 0
    var conflicting = 0
    for cv in cvOrder {
      guard let entry = cvText[cv], let judged = labels[cv] else { continue }
      let query = "gulp-cv-\(cv)"
      queries.append(
        DatasetText.document(
          id: query, path: cvs.path, text: DatasetText.normalizeLineEndings(entry.text),
          title: nil))
      groups[query] = entry.lang.isEmpty ? "unknown" : entry.lang
      pools[query] = (order[cv] ?? []).map { "gulp-post-\($0)" }
      var row: [String: Double] = [:]
      for (post, grades) in judged {
        if grades.count > 1 { repeatedPairs += 1 }
        if Set(grades).count > 1 { conflicting += 1 }
        let mean = Double(grades.reduce(0, +)) / Double(grades.count)
        row["gulp-post-\(post)"] = 5 - mean
      }
      gains[query] = row
    }
    let uniquePairs = gains.values.reduce(0) { $0 + $1.count }
    let notes = [
      "gulp: \(pairs.records.count) graded pairs, \(uniquePairs) distinct; \(repeatedPairs) "
        + "pair(s) graded more than once (\(conflicting) with conflicting labels) averaged; "
        + "gain = 5 − label (1 = best fit)",
      "gulp: \(queries.count) CVs with judged pools (1 to \(pools.values.map(\.count).max() ?? 0) "
        + "posts each); \(items.count) posts as items; mostly German IT freelancing, with GULP "
        + "page furniture (\"Kontaktieren\", \"Auf die Merkliste\") left in the CV text",
      "gulp: grades probably by one person (the thesis author); no rater information",
    ]
    return EvaluationTask(
      name: "gulp:resume→posting", dataset: Self.gulpDataset, queryRole: .resume,
      queries: queries, items: items, gains: gains, pools: pools, groups: groups,
      graded: true, notes: notes)
  }
}
