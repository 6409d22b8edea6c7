import ArgumentParser
import Foundation
import JobFitCore

/// How input files are read (shared by every subcommand that reads documents).
struct LoadOptions: ParsableArguments {
  @Option(help: "Largest document to read, in bytes (checked before reading).")
  var maxDocumentSize = 10 * 1024 * 1024

  @Option(help: "Seconds to wait for pdftotext on one PDF.")
  var pdfTimeout: Double = 30

  @Option(help: "JSONL/CSV field holding the document id (default: id; else FILE:LINE).")
  var idField: String?

  @Option(
    help: ArgumentHelp(
      "JSONL/CSV field holding the document text (required when given).",
      discussion: "Default: text, else a JSON Resume or JobPosting object, else the first of "
        + "description, job_description, resume, resume_text, content, body."))
  var textField: String?

  func validate() throws {
    guard maxDocumentSize > 0 else {
      throw ValidationError("--max-document-size must be positive (got \(maxDocumentSize)).")
    }
    guard pdfTimeout > 0, pdfTimeout.isFinite else {
      throw ValidationError("--pdf-timeout must be a positive number of seconds (got \(pdfTimeout)).")
    }
  }

  var loader: DocumentLoader {
    DocumentLoader(
      options: DocumentLoadOptions(
        maxDocumentBytes: maxDocumentSize, pdfTimeout: pdfTimeout, idField: idField,
        textField: textField))
  }
}

/// How text becomes terms.
struct AnalysisOptions: ParsableArguments {
  enum AnalyzerName: String, ExpressibleByArgument, CaseIterable {
    case standard, sklearn
  }

  @Option(help: "Analyzer: standard (stemming, stop words, technical tokens) or sklearn (parity baseline).")
  var analyzer: AnalyzerName = .standard

  @Option(help: "Language for stop words and Snowball stemming (e.g. english, german, french).")
  var language = "english"

  @Option(
    help: ArgumentHelp(
      "Channels to blend, comma-separated: lexical, skills, title_match, resume_coverage, encoder, lsa (default: lexical, skills, title_match).",
      discussion: "Default weights (chosen by jobfit eval): lexical 0.68, skills 0.12, title_match 0.20; encoder joins at 0.4, lsa at 0.2, "
        + "resume_coverage at 0.08; renormalised over the channels chosen."))
  var channels: String?

  func validate() throws {
    _ = try weights()
  }

  func weights() throws -> ChannelWeights {
    guard let channels else { return .default }
    var chosen = Set<Channel>()
    for name in channels.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
      guard let channel = Channel(rawValue: name) else {
        let known = Channel.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--channels: unknown channel '\(name)' (known: \(known)).")
      }
      chosen.insert(channel)
    }
    guard !chosen.isEmpty else { throw ValidationError("--channels: name at least one channel.") }
    return try ChannelWeights.restricted(to: chosen)
  }

  var configuration: MatchConfiguration {
    let weights = (try? weights()) ?? .default
    return switch analyzer {
    case .standard:
      MatchConfiguration(analyzer: .standard(language: language.lowercased()), weights: weights)
    case .sklearn: MatchConfiguration(analyzer: .sklearn, tfidf: TFIDFConfiguration(), weights: weights)
    }
  }
}

/// Loads a batch, reporting skipped inputs on stderr; exits 65 when nothing usable is left.
func loadBatch(_ paths: [String], role: String, with loader: DocumentLoader) throws -> (
  documents: [Document], skipped: Int
) {
  let result = loader.load(paths)
  for failure in result.failures { Terminal.warn("warning: skipped \(failure.error)") }
  for warning in result.warnings { Terminal.warn("warning: \(warning)") }
  for document in result.documents {
    for warning in document.warnings { Terminal.warn("warning: \(document.sourcePath): \(warning)") }
  }
  guard !result.documents.isEmpty else {
    let reason = result.failures.isEmpty ? "no documents found" : "every input failed"
    Terminal.warn("error: no usable \(role) in \(paths.joined(separator: ", ")): \(reason)")
    if result.failures.allSatisfy({ if case .fileNotFound = $0.error { true } else { false } })
      && !result.failures.isEmpty
    {
      throw ExitStatus.noInput
    }
    throw ExitStatus.dataError
  }
  return (result.documents, result.failures.count)
}

/// Loads exactly one document (the résumé of `rank`), or exits with the error's status.
func loadSingle(_ path: String, role: String, with loader: DocumentLoader) throws -> Document {
  do {
    let documents = try loader.loadDocument(at: path)
    guard let first = documents.first else { throw JobFitError.emptyDocument(path: path) }
    if documents.count > 1 {
      Terminal.warn("warning: \(path) holds \(documents.count) documents; using the first as the \(role)")
    }
    for warning in first.warnings { Terminal.warn("warning: \(path): \(warning)") }
    return first
  } catch let error as JobFitError {
    Terminal.warn("error: \(error)")
    throw exitStatus(for: error)
  }
}

/// The documented exit status for an engine error.
func exitStatus(for error: JobFitError) -> ExitCode {
  switch error {
  case .fileNotFound: ExitStatus.noInput
  case .externalTool, .missingDataFile: ExitStatus.unavailable
  case .invalidParameter, .unsupportedLanguage: ExitStatus.usage
  default: ExitStatus.dataError
  }
}

/// Runs `body`, turning engine errors into a one-line message and the documented status.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as JobFitError {
    Terminal.warn("error: \(error)")
    throw exitStatus(for: error)
  }
}
