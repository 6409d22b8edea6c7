/// Limits and field names used when reading documents.
public struct DocumentLoadOptions: Sendable, Equatable {
  /// Largest document file, in bytes, checked with the file size before reading (default 10 MiB).
  /// For JSONL/CSV collections it applies to each row's text instead.
  public var maxDocumentBytes: Int
  /// Largest JSONL/CSV collection file, in bytes (default 1 GiB); the file is read whole.
  public var maxCollectionBytes: Int
  /// Seconds `pdftotext` may run on one PDF before it is killed (default 30).
  public var pdfTimeout: Double
  /// Field (JSONL) or column (CSV) holding a row's id; `nil` means "id". Rows without it get
  /// `file:LINE` as id.
  public var idField: String?
  /// Field or column holding a row's text; `nil` means "text" with fallbacks (see
  /// `DocumentLoader`). When set explicitly it is required.
  public var textField: String?

  public static let defaultMaxDocumentBytes = 10_485_760

  public init(
    maxDocumentBytes: Int = DocumentLoadOptions.defaultMaxDocumentBytes,
    maxCollectionBytes: Int = 1 << 30,
    pdfTimeout: Double = 30, idField: String? = nil, textField: String? = nil
  ) {
    self.maxDocumentBytes = maxDocumentBytes
    self.maxCollectionBytes = maxCollectionBytes
    self.pdfTimeout = pdfTimeout
    self.idField = idField
    self.textField = textField
  }

  var resolvedIDField: String { idField ?? "id" }
}

/// One input that could not be loaded: a file, or a row (`file.jsonl:12`, `file.json#3`).
public struct DocumentLoadFailure: Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var error: JobFitError

  public init(path: String, error: JobFitError) {
    self.path = path
    self.error = error
  }

  /// The error's one-line message, which names the path.
  public var description: String { error.description }
}

/// What a batch load produced: the documents in input order, and what went wrong on the way.
public struct DocumentLoadResult: Sendable, Equatable {
  public var documents: [Document]
  public var failures: [DocumentLoadFailure]
  /// Batch-level notes (duplicate ids dropped, files skipped); per-document warnings stay on
  /// each `Document`.
  public var warnings: [String]

  public init(
    documents: [Document] = [], failures: [DocumentLoadFailure] = [], warnings: [String] = []
  ) {
    self.documents = documents
    self.failures = failures
    self.warnings = warnings
  }
}
