import Foundation
import JobFitCore

extension EvaluationData {
  static let vanetikDataset = "vanetik-vacancy-resume-ranking"

  /// "vanetik:resume→posting": per annotator and labelled CV, rank the 5 software-developer
  /// vacancies.
  ///
  /// Each annotation array lists vacancy numbers (1–5, the rows of `vacancies.csv` in order)
  /// from best to worst, so the vacancy at array position *p* (1-based) gets gain 5 − *p*: 4 for
  /// the best, 0 for the worst. An array that is not a permutation of the vacancy numbers is
  /// dropped and named in the notes. Query ids are "vanetik-a<annotator>-cv<id>" with split key
  /// "cv<id>", so both annotators' copies of a CV fall on the same side; groups are the
  /// annotator ("annotator 1"). Items are the vacancies ("vanetik-v<n>": title, blank line,
  /// description); every query ranks all of them.
  ///
  /// The dataset is GPL-3.0: it is read at run time from the data folder and never copied.
  ///
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming the vanetik file, or when
  ///   an annotation names a CV with no text.
  public func vanetikTask() throws -> EvaluationTask {
    let vacancies = try table(
      Self.vanetikDataset, "vacancies.csv", columns: ["job_description", "job_title"])
    let cvs = try table(Self.vanetikDataset, "cvs.csv", columns: ["cv_id", "text"])
    let annotations = try table(
      Self.vanetikDataset, "annotations_long.csv",
      columns: ["annotator", "cv_id", "array_position", "value"])
    var items: [Document] = []
    for (index, record) in vacancies.records.enumerated() {
      let title = vacancies.value("job_title", record)
        .trimmedField
      let body = DatasetText.normalizeLineEndings(vacancies.value("job_description", record))
      items.append(
        DatasetText.document(
          id: "vanetik-v\(index + 1)", path: vacancies.path, text: "\(title)\n\n\(body)",
          title: title))
    }
    var cvText: [String: String] = [:]
    for record in cvs.records {
      cvText[cvs.value("cv_id", record).trimmedField] =
        DatasetText.normalizeLineEndings(cvs.value("text", record))
    }
    // (annotator, cv) → position → vacancy number, in file order of first appearance.
    var arrays: [String: [Int: Int]] = [:]
    var keys: [(annotator: String, cv: String)] = []
    for record in annotations.records {
      let annotator = annotations.value("annotator", record).trimmedField
      let cv = annotations.value("cv_id", record).trimmedField
      let position = try annotations.integer("array_position", record)
      let vacancy = try annotations.integer("value", record)
      let key = "\(annotator)\u{1F}\(cv)"
      if arrays[key] == nil { keys.append((annotator, cv)) }
      guard arrays[key]?[position] == nil else {
        throw JobFitError.invalidDocument(
          path: "\(annotations.path):\(record.line)",
          reason: "annotator \(annotator), CV \(cv): position \(position) given twice")
      }
      arrays[key, default: [:]][position] = vacancy
    }
    let count = items.count
    var queries: [Document] = []
    var gains: [String: [String: Double]] = [:]
    var groups: [String: String] = [:]
    var splitKeys: [String: String] = [:]
    var droppedArrays: [String] = []
    for (annotator, cv) in keys {
      let array = arrays["\(annotator)\u{1F}\(cv)"] ?? [:]
      let ranked = (1...max(count, 1)).compactMap { array[$0] }
      guard array.count == count, ranked.count == count, Set(ranked) == Set(1...count) else {
        droppedArrays.append("annotator \(annotator) CV \(cv)")
        continue
      }
      guard let text = cvText[cv], DatasetText.hasContent(text) else {
        throw JobFitError.invalidDocument(
          path: annotations.path, reason: "CV \(cv) has no text in cvs.csv")
      }
      let query = "vanetik-a\(annotator)-cv\(cv)"
      queries.append(DatasetText.document(id: query, path: cvs.path, text: text, title: nil))
      var row: [String: Double] = [:]
      for (offset, vacancy) in ranked.enumerated() {
        row["vanetik-v\(vacancy)"] = Double(count - 1 - offset)
      }
      gains[query] = row
      groups[query] = "annotator \(annotator)"
      splitKeys[query] = "cv\(cv)"
    }
    let notes = [
      "vanetik: \(keys.count) annotation arrays; dropped \(droppedArrays.count) that are not "
        + "permutations (\(droppedArrays.joined(separator: ", "))); \(queries.count) queries",
      "vanetik: gain = 5 − position in the best-to-worst array; the 5 vacancies are near-identical "
        + "\"software developer\" ads and the two annotators barely agree (mean Kendall τ 0.08): "
        + "a very weak signal, for a final held-out check only",
      "vanetik: GPL-3.0 data, read at run time only",
    ]
    return EvaluationTask(
      name: "vanetik:resume→posting", dataset: Self.vanetikDataset, queryRole: .resume,
      queries: queries, items: items, gains: gains, groups: groups, splitKeys: splitKeys,
      graded: true, notes: notes)
  }
}
