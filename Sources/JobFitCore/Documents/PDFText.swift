import Foundation

/// Extracts the text layer of a PDF with poppler's `pdftotext -layout -enc UTF-8 FILE -`.
///
/// The tool runs as a subprocess with a timeout; stdout and stderr are drained by their own
/// threads while it runs so a large page cannot deadlock the pipe, and stdout is capped at
/// `maxOutputBytes` (a small PDF can inflate to a huge text). A PDF whose text has no letters
/// (a scan without OCR) is an error, never an empty document.
struct PDFText {
  /// The executable; `nil` searches `PATH` for `pdftotext`.
  var toolPath: String?
  /// Seconds before the tool is killed.
  var timeout: Double
  /// Largest stdout accepted before the tool is killed.
  var maxOutputBytes: Int
  /// Folders searched when `toolPath` is nil; nil means the `PATH` environment variable.
  var searchPath: String? = nil

  static let toolName = "pdftotext"

  /// The text of the PDF at `path`, form feeds as newlines and trailing spaces trimmed.
  ///
  /// - Throws: `JobFitError.externalTool` when the tool is missing, fails or times out;
  ///   `JobFitError.invalidDocument` when the PDF has no text layer.
  func extract(path: String) throws -> String {
    guard let tool = toolPath ?? Self.findInPath(Self.toolName, searchPath: searchPath) else {
      throw JobFitError.externalTool(
        tool: Self.toolName, path: path, reason: "pdftotext not found; install poppler-utils")
    }
    // An absolute path so a file named "-x.pdf" is never read as an option.
    let absolute = URL(fileURLWithPath: path).path
    let run = try ProcessRunner.run(
      executable: tool, arguments: ["-layout", "-enc", "UTF-8", absolute, "-"],
      timeout: timeout, maxOutputBytes: maxOutputBytes, toolName: Self.toolName, path: path)
    guard run.status == 0 else {
      let firstLine =
        String(decoding: run.stderr, as: UTF8.self)
        .split(separator: "\n").first.map(String.init) ?? ""
      let detail = firstLine.isEmpty ? "" : ": " + String(firstLine.prefix(200))
      throw JobFitError.externalTool(
        tool: Self.toolName, path: path, reason: "exit code \(run.status)\(detail)")
    }
    let decoded = TextDecoding.decodeUTF8(run.stdout[...]).0
    let text = Self.tidy(decoded)
    guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
      throw JobFitError.invalidDocument(
        path: path, reason: "PDF has no text layer (scanned image?); run OCR first")
    }
    return text
  }

  /// Form feeds to newlines, line endings normalised, trailing spaces of each line removed.
  static func tidy(_ raw: String) -> String {
    let unified = TextDecoding.normalizeLineEndings(
      raw.replacingOccurrences(of: "\u{0C}", with: "\n"))
    var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map {
      line -> Substring in
      var end = line.endIndex
      while end > line.startIndex, line[line.index(before: end)] == " " {
        end = line.index(before: end)
      }
      return line[..<end]
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The first executable named `name` in `PATH`.
  static func findInPath(_ name: String, searchPath: String? = nil) -> String? {
    let path =
      searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = directory + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
