import Foundation

/// Recognises the JSON shapes JobFit reads and renders them as text.
///
/// - A JSON Resume object → one `.jsonResume` document.
/// - A schema.org `JobPosting` (alone, inside `@graph`, or in an array) or a JSON Resume
///   job-schema object → one `.jobPosting` document each.
/// - An array of such objects is a collection: one document per element, with the element's
///   `id`/`identifier` as id when present, else `file.json#INDEX`.
/// Any other JSON is refused with a reason naming what was expected.
enum JSONDocuments {
  /// Deeper nesting is refused before parsing.
  static let maxNesting = 256

  /// A recognised object before it becomes a `Document`.
  struct Rendered {
    var format: DocumentFormat
    var text: String
    var title: String?
    var id: String?
  }

  /// Parses JSON text, refusing hostile nesting.
  ///
  /// - Throws: `JobFitError.invalidDocument` with `path`.
  static func parse(_ text: String, path: String) throws -> Any {
    try parse(Array(text.utf8)[...], path: path)
  }

  /// Parses the UTF-8 bytes of JSON text (a JSONL row), refusing hostile nesting.
  ///
  /// - Throws: `JobFitError.invalidDocument` with `path`.
  static func parse(_ bytes: ArraySlice<UInt8>, path: String) throws -> Any {
    if JSONValues.nestingExceeds(bytes, limit: maxNesting) {
      throw JobFitError.invalidDocument(
        path: path, reason: "JSON nested deeper than \(maxNesting) levels")
    }
    do {
      return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      throw JobFitError.invalidDocument(path: path, reason: "invalid JSON (\(shortReason(error)))")
    }
  }

  /// Renders `object` when it is a résumé or posting, else nil.
  static func render(_ object: [String: Any]) -> Rendered? {
    if JobPostingText.isSchemaOrg(object) || JobPostingText.isJobSchema(object) {
      let (text, title) = JobPostingText.render(object)
      return Rendered(format: .jobPosting, text: text, title: title, id: identifier(object))
    }
    if JSONResumeText.matches(object) {
      let (text, title) = JSONResumeText.render(object)
      let meta = JSONValues.object(object["meta"])
      return Rendered(
        format: .jsonResume, text: text, title: title,
        id: JSONValues.string(object["id"]) ?? JSONValues.string(meta?["id"]))
    }
    return nil
  }

  /// The objects a JSON value holds: itself, the members of a top-level array or of `@graph`.
  ///
  /// - Returns: `nil` when `value` is neither an object nor an array.
  static func candidates(in value: Any) -> [Any]? {
    if let array = value as? [Any] { return array }
    guard let object = value as? [String: Any] else { return nil }
    if render(object) == nil, let graph = object["@graph"] as? [Any] {
      let postings = graph.filter {
        ($0 as? [String: Any]).map(JobPostingText.isSchemaOrg) ?? false
      }
      if !postings.isEmpty { return postings }
    }
    return [object]
  }

  /// The documents of one JSON file; unrecognised array elements become failures.
  static func documents(from text: String, path: String, fileID: String) throws
    -> (documents: [Document], failures: [DocumentLoadFailure])
  {
    let value = try parse(text, path: path)
    guard let items = candidates(in: value) else {
      throw JobFitError.invalidDocument(
        path: path, reason: "JSON is not an object or array of JSON Resume or JobPosting objects")
    }
    let isCollection = value is [Any] || items.count > 1
    if items.isEmpty { throw JobFitError.emptyDocument(path: path) }
    var documents: [Document] = []
    var failures: [DocumentLoadFailure] = []
    for (index, item) in items.enumerated() {
      let itemPath = isCollection ? "\(path)#\(index)" : path
      guard let object = item as? [String: Any], let rendered = render(object) else {
        let error = JobFitError.invalidDocument(path: itemPath, reason: unrecognisedReason)
        failures.append(DocumentLoadFailure(path: itemPath, error: error))
        continue
      }
      let id = isCollection ? (rendered.id ?? "\(fileID)#\(index)") : fileID
      do {
        documents.append(
          try DocumentReader.makeDocument(
            id: id, path: path, errorPath: itemPath, format: rendered.format, text: rendered.text,
            title: rendered.title))
      } catch let error as JobFitError {
        failures.append(DocumentLoadFailure(path: itemPath, error: error))
      }
    }
    if documents.isEmpty, failures.count == 1, !isCollection, let only = failures.first {
      throw only.error
    }
    return (documents, failures)
  }

  static let unrecognisedReason =
    "JSON is neither a JSON Resume (basics, work, education, …) nor a JobPosting (\"@type\": \"JobPosting\", or title with description/company)"

  /// A posting's `identifier` (text or schema.org PropertyValue) or `id`.
  static func identifier(_ object: [String: Any]) -> String? {
    JSONValues.string(object["identifier"])
      ?? JSONValues.string(JSONValues.object(object["identifier"])?["value"])
      ?? JSONValues.string(object["id"]) ?? JSONValues.string(object["@id"])
  }

  /// The first line of a parser error, without the document text it may quote.
  static func shortReason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String {
      return String(detail.split(separator: "\n").first?.prefix(160) ?? "")
    }
    return "parse error"
  }
}
