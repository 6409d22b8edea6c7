import Foundation

/// Turns JSONL and CSV collections into one document per row.
///
/// Row rules, the same for both:
/// - id: the `idField` value (string or number); without one, `file:LINE`.
/// - text: the `textField` value. When `textField` is not set: a "text" field; else, for JSONL,
///   a JSON Resume or posting object is rendered (format `.jsonResume`/`.jobPosting`); else the
///   first of the common fields in `fallbackTextFields` ("description", "resume", …); else the
///   row fails. Other
///   fields are never concatenated: guessing which strings are content would index URLs and ids.
/// - title: a `title` field when present.
/// - A row longer than `maxDocumentBytes` fails as `tooLarge`; an empty text fails as
///   `emptyDocument`. A bad row never stops the others.
struct RecordDocuments {
  var options: DocumentLoadOptions

  /// Tried in order when no `textField` is given.
  static let fallbackTextFields = [
    "text", "description", "job_description", "resume", "resume_text", "content", "body",
  ]

  /// The row that became `text`, before it is checked and split into sections.
  private func makeRow(
    _ outcome: inout DocumentReader.Outcome, id: String?, path: String, fileID: String, line: Int,
    format: DocumentFormat = .record, text: String, title: String?, normalize: Bool = true
  ) {
    let rowPath = "\(path):\(line)"
    do {
      guard text.utf8.count <= options.maxDocumentBytes else {
        throw JobFitError.tooLarge(
          path: rowPath, bytes: text.utf8.count, limit: options.maxDocumentBytes)
      }
      // CSV fields come from an already normalised file; JSON strings may hold "\r\n" escapes.
      let normalized = normalize ? TextDecoding.normalizeLineEndings(text) : text
      outcome.documents.append(
        try DocumentReader.makeDocument(
          id: id ?? "\(fileID):\(line)", path: path, errorPath: rowPath, format: format,
          text: normalized, title: title))
    } catch let error as JobFitError {
      outcome.failures.append(DocumentLoadFailure(path: rowPath, error: error))
    } catch {}
  }

  // MARK: - JSONL

  /// One JSON object per line; blank lines skipped.
  ///
  /// Lines are cut at 0x0A bytes: `text` has "\n" line endings (`TextDecoding`), and a lone LF
  /// is always its own `Character`, so this is the `Character` split without its cost (24 % of
  /// an end-to-end run, issue 5).
  func jsonLines(_ text: String, path: String, fileID: String) -> DocumentReader.Outcome {
    var outcome = DocumentReader.Outcome()
    var lineNumber = 0
    let bytes = Array(text.utf8)
    var lineStart = 0
    for lineEnd in 0...bytes.count where lineEnd == bytes.count || bytes[lineEnd] == 0x0A {
      let line = bytes[lineStart..<lineEnd]
      lineStart = lineEnd + 1
      lineNumber += 1
      guard !Self.isBlank(line) else { continue }
      let rowPath = "\(path):\(lineNumber)"
      do {
        guard let object = try JSONDocuments.parse(line, path: rowPath) as? [String: Any]
        else {
          throw JobFitError.invalidDocument(path: rowPath, reason: "line is not a JSON object")
        }
        let id = JSONValues.string(object[options.resolvedIDField])
        let title = JSONValues.string(object["title"])
        let explicitOrText = try rowText(
          object.keys.contains, { object[$0] }, path: rowPath, fallbacks: ["text"])
        if let text = explicitOrText {
          makeRow(
            &outcome, id: id, path: path, fileID: fileID, line: lineNumber, text: text, title: title
          )
        } else if let rendered = JSONDocuments.render(object) {
          makeRow(
            &outcome, id: id ?? rendered.id, path: path, fileID: fileID, line: lineNumber,
            format: rendered.format, text: rendered.text, title: rendered.title)
        } else if let text = try rowText(
          object.keys.contains, { object[$0] }, path: rowPath, fallbacks: Self.fallbackTextFields)
        {
          makeRow(
            &outcome, id: id, path: path, fileID: fileID, line: lineNumber, text: text, title: title
          )
        } else {
          throw JobFitError.invalidDocument(
            path: rowPath,
            reason:
              "no \"\(options.textField ?? "text")\" field and not a JSON Resume or JobPosting object; pass --text-field"
          )
        }
      } catch let error as JobFitError {
        outcome.failures.append(DocumentLoadFailure(path: rowPath, error: error))
      } catch {}
    }
    return outcome
  }

  /// Whether `line` holds only white space (as `Character.isWhitespace` says), read on bytes
  /// while they are ASCII.
  static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
    for byte in line {
      if byte >= 0x80 {
        return !String(decoding: line, as: UTF8.self).contains { !$0.isWhitespace }
      }
      if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return false }
    }
    return true
  }

  /// The row's text: the explicit `textField` (required), else the first fallback present.
  ///
  /// - Returns: nil when no text field exists and the caller may try other rules.
  private func rowText(
    _ has: (String) -> Bool, _ value: (String) -> Any?, path: String, fallbacks: [String]
  ) throws -> String? {
    if let field = options.textField {
      guard has(field) else {
        throw JobFitError.invalidDocument(path: path, reason: "no \"\(field)\" field")
      }
      guard let text = value(field) as? String else {
        throw JobFitError.invalidDocument(path: path, reason: "field \"\(field)\" is not a string")
      }
      return text
    }
    for field in fallbacks where has(field) {
      if let text = value(field) as? String { return text }
    }
    return nil
  }

  // MARK: - CSV

  /// Rows of an RFC 4180 CSV file with a header row.
  ///
  /// - Throws: `JobFitError.invalidDocument` when the header lacks the text column.
  func csv(_ text: String, path: String, fileID: String) throws -> DocumentReader.Outcome {
    let parsed = CSVReader.parse(Array(text.utf8))
    guard let header = parsed.records.first else { throw JobFitError.emptyDocument(path: path) }
    let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    let textColumn: Int? =
      options.textField.map { columns.firstIndex(of: $0) }
      ?? Self.fallbackTextFields.lazy.compactMap { columns.firstIndex(of: $0) }.first
    guard let textColumn else {
      let wanted = options.textField ?? "text"
      let listed = columns.prefix(12).joined(separator: ", ")
      throw JobFitError.invalidDocument(
        path: path,
        reason: "CSV has no \"\(wanted)\" column (columns: \(listed)); pass --text-field")
    }
    let idColumn = columns.firstIndex(of: options.resolvedIDField)
    let titleColumn = columns.firstIndex(of: "title")
    var outcome = DocumentReader.Outcome()
    for record in parsed.records.dropFirst() {
      guard record.fields.count == columns.count else {
        let rowPath = "\(path):\(record.line)"
        let error = JobFitError.invalidDocument(
          path: rowPath,
          reason: "row has \(record.fields.count) fields; the header has \(columns.count)")
        outcome.failures.append(DocumentLoadFailure(path: rowPath, error: error))
        continue
      }
      let id = idColumn.map { record.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap {
        $0.isEmpty ? nil : $0
      }
      makeRow(
        &outcome, id: id, path: path, fileID: fileID, line: record.line,
        text: record.fields[textColumn], title: titleColumn.map { record.fields[$0] },
        normalize: false)
    }
    if let line = parsed.unterminatedQuoteLine {
      let rowPath = "\(path):\(line)"
      let error = JobFitError.invalidDocument(
        path: rowPath, reason: "unterminated quoted field; the rest of the file was not read")
      outcome.failures.append(DocumentLoadFailure(path: rowPath, error: error))
    }
    return outcome
  }
}
