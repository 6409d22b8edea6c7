import Foundation
import JobFitCore

/// Reads the labelled evaluation datasets (the folders of `../shared/data`) into
/// `EvaluationTask`s.
///
/// Each dataset folder holds CSV files and a PROVENANCE.md that describes the columns, the
/// direction of the grades and the known problems; every reader here follows that file and
/// records in the task's `notes` what it dropped or changed. The readers only parse CSV and
/// build `Document`s, so loading every task takes well under a second in a release build.
///
/// Nothing here copies dataset text anywhere: documents live in memory for the run only.
public struct EvaluationData: Sendable {
  /// The folder holding one sub-folder per dataset (e.g. `…/shared/data`).
  public var root: URL

  public init(root: URL) {
    self.root = root
  }

  /// Every task of every dataset, loading the livecareer résumés once.
  ///
  /// - Throws: the first `JobFitError` of any dataset (a missing or malformed file).
  public func allTasks() throws -> [EvaluationTask] {
    let resumes = try livecareerResumes()
    var tasks = try dsinwildTasks(resumes: resumes)
    tasks += try googleTasks(resumes: resumes)
    tasks.append(try ferrTask(resumes: resumes))
    tasks.append(try gulpTask())
    tasks.append(try vanetikTask())
    return tasks
  }

  /// The name of every task `allTasks()` returns, in that order.
  public static let taskNames = [
    "dsinwild:posting→resume", "dsinwild:resume→posting", "google:posting→resume",
    "google:resume→posting", "ferr:posting→resume", "gulp:resume→posting",
    "vanetik:resume→posting",
  ]

  /// The tasks selected by `selectors`, reading only the datasets they need, in `taskNames`
  /// order.
  ///
  /// A selector is a task name ("ferr:posting→resume") or the part before its colon ("google"
  /// selects both Google tasks).
  ///
  /// - Throws: `JobFitError.invalidParameter` for a selector that matches no task, or the
  ///   first error of a dataset read.
  public func tasks(named selectors: [String]) throws -> [EvaluationTask] {
    var wanted: Set<String> = []
    for selector in selectors {
      let matches = Self.taskNames.filter {
        $0 == selector || $0.split(separator: ":").first.map(String.init) == selector
      }
      guard !matches.isEmpty else {
        let prefixes = Self.taskNames.compactMap { $0.split(separator: ":").first }
        throw JobFitError.invalidParameter(
          name: "task", value: selector,
          expected: "a task name or one of \(Array(Set(prefixes)).sorted().joined(separator: ", "))"
        )
      }
      wanted.formUnion(matches)
    }
    let needsResumes = wanted.contains {
      $0.hasPrefix("dsinwild:") || $0.hasPrefix("google:") || $0.hasPrefix("ferr:")
    }
    let resumes = needsResumes ? try livecareerResumes() : nil
    var tasks: [EvaluationTask] = []
    if wanted.contains(where: { $0.hasPrefix("dsinwild:") }) {
      tasks += try dsinwildTasks(resumes: resumes)
    }
    if wanted.contains(where: { $0.hasPrefix("google:") }) {
      tasks += try googleTasks(resumes: resumes)
    }
    if wanted.contains("ferr:posting→resume") { tasks.append(try ferrTask(resumes: resumes)) }
    if wanted.contains("gulp:resume→posting") { tasks.append(try gulpTask()) }
    if wanted.contains("vanetik:resume→posting") { tasks.append(try vanetikTask()) }
    return tasks.filter { wanted.contains($0.name) }
  }

  /// The URL of `file` in `dataset`'s folder.
  func url(_ dataset: String, _ file: String) -> URL {
    root.appendingPathComponent(dataset, isDirectory: true).appendingPathComponent(file)
  }

  /// Reads `file` of `dataset` as a CSV table that must have `columns`.
  func table(_ dataset: String, _ file: String, columns: [String]) throws -> CSVTable {
    try CSVTable(url: url(dataset, file), required: columns)
  }
}

/// A CSV file with a header row, checked once when read.
///
/// Every row has as many fields as the header; the required columns exist. Errors name the
/// file (and line) and never quote a field's content.
struct CSVTable {
  let path: String
  /// Header names, trimmed.
  let header: [String]
  /// The data rows (header excluded).
  let records: [CSVReader.Record]
  private let index: [String: Int]

  /// - Throws: `JobFitError.fileNotFound` when the file is missing, `.unreadable` when it cannot
  ///   be read, `.invalidDocument` when it is empty, has an unterminated quote, lacks a required
  ///   column or has a row of the wrong width.
  init(url: URL, required: [String]) throws {
    path = url.path
    guard FileManager.default.fileExists(atPath: path) else {
      throw JobFitError.fileNotFound(path: path)
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw JobFitError.unreadable(path: path, reason: "\(error.localizedDescription)")
    }
    let parsed = CSVReader.parse([UInt8](data))
    if let line = parsed.unterminatedQuoteLine {
      throw JobFitError.invalidDocument(
        path: "\(path):\(line)", reason: "unterminated quoted field")
    }
    guard let first = parsed.records.first else {
      throw JobFitError.invalidDocument(path: path, reason: "empty CSV file, expected a header")
    }
    header = first.fields.map { $0.trimmedField }
    var index: [String: Int] = [:]
    for (position, name) in header.enumerated() where index[name] == nil {
      index[name] = position
    }
    self.index = index
    let missing = required.filter { index[$0] == nil }
    guard missing.isEmpty else {
      throw JobFitError.invalidDocument(
        path: path,
        reason: "missing column(s) \(missing.joined(separator: ", ")); expected "
          + required.joined(separator: ", "))
    }
    records = Array(parsed.records.dropFirst())
    for record in records where record.fields.count != header.count {
      throw JobFitError.invalidDocument(
        path: "\(path):\(record.line)",
        reason: "row has \(record.fields.count) fields; the header has \(header.count)")
    }
  }

  /// The value of `column` in `record`; `column` must be one of the required columns.
  func value(_ column: String, _ record: CSVReader.Record) -> String {
    guard let position = index[column] else {
      preconditionFailure("column \(column) was not declared required")
    }
    return record.fields[position]
  }

  /// The value of `column` as an integer.
  ///
  /// - Throws: `JobFitError.invalidDocument` naming the file, line and column.
  func integer(_ column: String, _ record: CSVReader.Record) throws -> Int {
    let text = value(column, record).trimmedField
    guard let number = Int(text) else {
      throw JobFitError.invalidDocument(
        path: "\(path):\(record.line)", reason: "column \(column) is not an integer")
    }
    return number
  }
}

extension String {
  /// The text without leading and trailing white space (Unicode White_Space, newlines
  /// included). Returns `self` without copying when there is none, the usual case for a CSV
  /// field; Foundation's `trimmingCharacters(in:)` costs far more per call on Linux.
  var trimmedField: String {
    let scalars = unicodeScalars
    guard let first = scalars.first, let last = scalars.last,
      first.properties.isWhitespace || last.properties.isWhitespace
    else { return self }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace {
      start = scalars.index(after: start)
    }
    while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
      end = scalars.index(before: end)
    }
    return String(scalars[start..<end])
  }
}

/// Small helpers the dataset readers share.
enum DatasetText {
  /// A record document with sections found by `SectionSplitter`.
  static func document(id: String, path: String, text: String, title: String?) -> Document {
    let cleanTitle = title.map { $0.trimmedField }
    return Document(
      id: id, sourcePath: path, format: .record, text: text,
      title: cleanTitle.flatMap { $0.isEmpty ? nil : String($0.prefix(120)) },
      sections: SectionSplitter.sections(in: text))
  }

  /// Whether `text` holds anything but whitespace.
  static func hasContent(_ text: String) -> Bool {
    text.unicodeScalars.contains { !$0.properties.isWhitespace }
  }

  /// "\r\n" and lone "\r" as "\n".
  static func normalizeLineEndings(_ text: String) -> String {
    guard text.utf8.contains(0x0D) else { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\r", with: "\n")
  }

  /// `ids` ordered by number when both are integers, else by text (for "keep the lower ID").
  static func idPrecedes(_ a: String, _ b: String) -> Bool {
    if let x = Int(a), let y = Int(b) { return x < y }
    return a < b
  }
}
