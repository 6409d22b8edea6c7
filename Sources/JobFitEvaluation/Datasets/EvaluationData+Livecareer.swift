import Foundation
import JobFitCore

/// The livecareer example résumés (`kaggle-livecareer-resume-dataset`), cleaned once and shared
/// by the tasks that use them as items or queries.
public struct LivecareerResumes: Sendable {
  /// One document per kept row, in file order; ids are "livecareer-<ID>", titles the `Title`
  /// column.
  public var documents: [Document]
  /// Document id → category as written in the file (e.g. "INFORMATION-TECHNOLOGY").
  public var categories: [String: String]
  /// What cleaning did, for the notes of the tasks built on these résumés.
  public var notes: [String]

  public init(documents: [Document], categories: [String: String], notes: [String]) {
    self.documents = documents
    self.categories = categories
    self.notes = notes
  }

  /// The document id of livecareer row `id` ("livecareer-" + id).
  public static func documentID(_ id: String) -> String { "livecareer-\(id)" }

  /// The documents whose category is in `categories`, in file order.
  public func documents(in categories: Set<String>) -> [Document] {
    documents.filter { self.categories[$0.id].map(categories.contains) ?? false }
  }
}

extension EvaluationData {
  static let livecareerDataset = "kaggle-livecareer-resume-dataset"
  static let livecareerFile = "livecareer_resumes.csv"

  /// Reads and cleans the livecareer résumés.
  ///
  /// Cleaning, each counted in `notes`:
  /// - rows whose `Resume_str` is empty or whitespace are dropped (PDFs without a text layer);
  /// - rows whose text equals another row's exactly are dropped, keeping the lower `ID`;
  /// - the Windows-1252 mojibake ("AccessÂ Peachtree", "â€“") is repaired by `MojibakeRepair`.
  /// The anonymised placeholders "Company Name" and "City, State" stay in the text (they are in
  /// almost every row; stop-wording them is the engine's business, not the reader's).
  ///
  /// - Throws: `JobFitError.fileNotFound` / `.invalidDocument` naming `livecareer_resumes.csv`.
  public func livecareerResumes() throws -> LivecareerResumes {
    let table = try table(
      Self.livecareerDataset, Self.livecareerFile,
      columns: ["ID", "Category", "Title", "Resume_str"])
    struct Row {
      var id: String
      var category: String
      var title: String
      var text: String
    }
    var rows: [Row] = []
    var empty = 0
    // Exact duplicates by UTF-8 bytes: FNV-1a buckets, then a byte comparison (hashing the
    // Strings themselves would normalise 15 MB of text for nothing).
    var rowsByHash: [UInt64: [Int]] = [:]
    var duplicates = 0
    for record in table.records {
      let id = table.value("ID", record).trimmedField
      guard !id.isEmpty else {
        throw JobFitError.invalidDocument(
          path: "\(table.path):\(record.line)", reason: "empty ID")
      }
      let text = table.value("Resume_str", record)
      guard DatasetText.hasContent(text) else {
        empty += 1
        continue
      }
      let row = Row(
        id: id, category: table.value("Category", record).trimmedField,
        title: table.value("Title", record), text: text)
      let hash = fnv1a(text)
      if let earlier = rowsByHash[hash]?.first(where: {
        rows[$0].text.utf8.elementsEqual(text.utf8)
      }) {
        duplicates += 1
        if DatasetText.idPrecedes(id, rows[earlier].id) { rows[earlier] = row }
      } else {
        rowsByHash[hash, default: []].append(rows.count)
        rows.append(row)
      }
    }
    var documents: [Document] = []
    documents.reserveCapacity(rows.count)
    var categories: [String: String] = [:]
    var repairedRows = 0
    var seenIDs: Set<String> = []
    for row in rows {
      let documentID = LivecareerResumes.documentID(row.id)
      guard seenIDs.insert(documentID).inserted else {
        throw JobFitError.invalidDocument(path: table.path, reason: "duplicate ID \(row.id)")
      }
      let (text, repairs) = MojibakeRepair.repair(row.text)
      if repairs > 0 { repairedRows += 1 }
      documents.append(
        DatasetText.document(id: documentID, path: table.path, text: text, title: row.title))
      categories[documentID] = row.category
    }
    let notes = [
      "livecareer: \(table.records.count) rows; dropped \(empty) with empty text and "
        + "\(duplicates) exact duplicate text(s) (kept the lower ID); \(documents.count) résumés",
      "livecareer: repaired Windows-1252 mojibake (\"Â\" before collapsed non-breaking spaces, "
        + "\"â€“\", \"Ã©\" …) in \(repairedRows) résumés",
      "livecareer: the placeholders \"Company Name\" and \"City, State\" are left in the text; "
        + "categories are the scraper's search keyword, not curated labels",
    ]
    return LivecareerResumes(documents: documents, categories: categories, notes: notes)
  }
}
