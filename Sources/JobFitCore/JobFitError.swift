import Foundation

/// Every error the engine throws.
///
/// Messages are one line, name the offending file or value, and say what was expected, so the CLI
/// can print them as they are. Nothing from a document's *content* goes into a message: résumés
/// are personal data.
public enum JobFitError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Documents
  /// The path does not exist or cannot be opened.
  case fileNotFound(path: String)
  /// The file exists but could not be read (permissions, I/O error).
  case unreadable(path: String, reason: String)
  /// The file is larger than the per-document limit; checked before reading it whole.
  case tooLarge(path: String, bytes: Int, limit: Int)
  /// The file looks binary (NUL bytes, mostly control characters) and has no known binary format.
  case binaryFile(path: String)
  /// The file's extension or content is not a format JobFit reads.
  case unsupportedFormat(path: String, detail: String)
  /// The file is in a known format but malformed (bad JSON, broken ZIP, PDF without text, …).
  case invalidDocument(path: String, reason: String)
  /// After extraction the document holds no text to match on.
  case emptyDocument(path: String)
  /// A helper program (such as poppler's `pdftotext`) is missing or failed.
  case externalTool(tool: String, path: String, reason: String)

  // MARK: Models and parameters
  /// Analysis left no terms to build a vocabulary from.
  case emptyCorpus
  case dimensionMismatch(expected: Int, actual: Int)
  case invalidParameter(name: String, value: String, expected: String)
  /// A saved model or index could not be loaded.
  case corruptModel(path: String, reason: String)
  /// No Snowball stemmer exists for the requested language.
  case unsupportedLanguage(String)
  /// A file JobFit ships in its data folder (stop words, taxonomy) is missing.
  case missingDataFile(relativePath: String)

  public var description: String {
    switch self {
    case let .fileNotFound(path): "\(path): no such file or directory"
    case let .unreadable(path, reason): "\(path): cannot read: \(reason)"
    case let .tooLarge(path, bytes, limit):
      "\(path): \(bytes) bytes exceeds the per-document limit of \(limit) bytes (see --max-document-size)"
    case let .binaryFile(path): "\(path): binary file, not a document JobFit can read"
    case let .unsupportedFormat(path, detail): "\(path): unsupported format: \(detail)"
    case let .invalidDocument(path, reason): "\(path): \(reason)"
    case let .emptyDocument(path): "\(path): no text to match on"
    case let .externalTool(tool, path, reason): "\(path): \(tool): \(reason)"
    case .emptyCorpus: "no terms left after analysis; check stop words, --min-df and --max-df"
    case let .dimensionMismatch(e, a): "vector has \(a) dimensions; the model expects \(e)"
    case let .invalidParameter(n, v, x): "\(n) = \(v) is invalid; expected \(x)"
    case let .corruptModel(path, reason): "\(path): cannot load model: \(reason)"
    case let .unsupportedLanguage(l): "no Snowball stemmer for language '\(l)'"
    case let .missingDataFile(relativePath):
      "data file \(relativePath) not found in \(DataDirectory.url?.path ?? "any data folder")"
        + "; set JOBFIT_DATA to JobFit's data/ folder"
    }
  }
}
