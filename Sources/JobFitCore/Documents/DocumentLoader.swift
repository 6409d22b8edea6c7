import Foundation

/// Loads documents from files, directories and JSONL/CSV collections.
///
/// ```swift
/// let result = DocumentLoader(options: .init(pdfTimeout: 10)).load(["cv.pdf", "postings/"])
/// for failure in result.failures { print(failure) }   // "postings/x.docx: invalid .docx: …"
/// ```
///
/// - Formats: .txt, .md/.markdown, .html/.htm, .json (JSON Resume, schema.org JobPosting, JSON
///   Resume job schema, or an array of them), .jsonl/.ndjson and .csv (one document per row),
///   .pdf (poppler's `pdftotext`), .docx. Other extensions are sniffed from the content; .doc,
///   .rtf, .odt and spreadsheets are refused with what to do instead.
/// - Directories are walked recursively in byte order of their paths; hidden entries (leading
///   ".") are skipped; only known extensions and extension-less files are read (extension-less
///   files that turn out binary are skipped with a warning); symbolic links are followed once.
/// - Ids: a file given directly is named by its file name; a file found in a directory by its
///   path relative to that directory ("senior/backend.md"); rows by their id field, else
///   `file:LINE`; elements of a JSON array by their `id`/`identifier`, else `file#INDEX`.
/// - Rows (JSONL, CSV): the text is the `textField` when set (then required); otherwise a
///   "text" field, else (JSONL) a JSON Resume or posting object rendered as text, else the first
///   of "description", "job_description", "resume", "resume_text", "content", "body". Other
///   fields are never concatenated. See `RecordDocuments`.
/// - Duplicate ids: the first document keeps its id and later ones are dropped with a warning
///   naming both sources (ids are keys for rankings and relevance labels, so renaming them
///   would silently break those).
/// - Files are read in parallel on all cores; the result keeps input order.
public struct DocumentLoader: Sendable {
  public var options: DocumentLoadOptions

  public init(options: DocumentLoadOptions = DocumentLoadOptions()) {
    self.options = options
  }

  /// Loads every document under `paths`, never stopping at a bad file.
  ///
  /// - Returns: the documents in input order, one failure per file or row that could not be
  ///   read, and batch warnings.
  public func load(_ paths: [String]) -> DocumentLoadResult {
    var result = DocumentLoadResult()
    var items: [WorkItem] = []
    for path in paths { expand(path, into: &items, result: &result) }

    let reader = DocumentReader(options: options)
    let work = items
    let outcomes = OutcomeSlots(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      let item = work[index]
      if let failure = item.failure {
        outcomes.set(index, .failure(failure))
        return
      }
      do {
        outcomes.set(index, .success(try reader.read(path: item.path, id: item.id)))
      } catch let error as JobFitError {
        outcomes.set(index, .failure(error))
      } catch {
        outcomes.set(index, .failure(.unreadable(path: item.path, reason: "\(error)")))
      }
    }

    var sources: [String: String] = [:]
    for (index, item) in items.enumerated() {
      switch outcomes.get(index) {
      case .success(let outcome):
        for document in outcome.documents {
          if let first = sources[document.id] {
            result.warnings.append(
              "duplicate id \"\(document.id)\" in \(document.sourcePath); kept the one from \(first)"
            )
            continue
          }
          sources[document.id] = document.sourcePath
          result.documents.append(document)
        }
        result.failures.append(contentsOf: outcome.failures)
      case .failure(.binaryFile(let path)) where item.sniffedInDirectory:
        result.warnings.append("skipped \(path): binary file without an extension")
      case .failure(let error):
        result.failures.append(DocumentLoadFailure(path: item.path, error: error))
      case nil: break
      }
    }
    return result
  }

  /// Loads the one file at `path`: strict, the first problem throws.
  ///
  /// - Returns: one document, or several for a collection (JSONL, CSV, JSON array).
  /// - Throws: `JobFitError` naming the file (or `file:LINE` for a bad row).
  public func loadDocument(at path: String) throws -> [Document] {
    let id = URL(fileURLWithPath: path).lastPathComponent
    let outcome = try DocumentReader(options: options).read(path: path, id: id)
    if let failure = outcome.failures.first { throw failure.error }
    return outcome.documents
  }
}

// MARK: - Parallel results

/// One slot per work item, written once by `concurrentPerform` workers.
private final class OutcomeSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<DocumentReader.Outcome, JobFitError>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<DocumentReader.Outcome, JobFitError>) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func get(_ index: Int) -> Result<DocumentReader.Outcome, JobFitError>? {
    lock.lock()
    defer { lock.unlock() }
    return slots[index]
  }
}
