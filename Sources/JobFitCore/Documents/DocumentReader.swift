import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one file into documents: checks it, picks its format, extracts text, finds sections.
struct DocumentReader {
  var options: DocumentLoadOptions

  /// Documents from one file plus per-row failures (collections only).
  struct Outcome {
    var documents: [Document] = []
    var failures: [DocumentLoadFailure] = []
  }

  /// Reads the file at `path`, naming its documents after `id`.
  ///
  /// - Throws: `JobFitError` for a file that yields nothing.
  func read(path: String, id: String) throws -> Outcome {
    var kind = FileKind(extension: URL(fileURLWithPath: path).pathExtension)
    if case .unsupported(let detail)? = kind {
      throw JobFitError.unsupportedFormat(path: path, detail: detail)
    }
    let isCollection = kind == .jsonl || kind == .csv
    if kind == .pdf {
      _ = try Self.fileSize(path: path, limit: options.maxDocumentBytes)
      let pdf = PDFText(
        toolPath: nil, timeout: options.pdfTimeout,
        maxOutputBytes: 4 * options.maxDocumentBytes + (1 << 20))
      let text = try pdf.extract(path: path)
      return Outcome(documents: [
        try Self.makeDocument(id: id, path: path, format: .pdf, text: text)
      ])
    }
    let bytes = try Self.readBytes(
      path: path, limit: isCollection ? options.maxCollectionBytes : options.maxDocumentBytes)
    if kind == nil { kind = FileKind.sniff(bytes) }
    switch kind {
    case .unsupported(let detail)?: throw JobFitError.unsupportedFormat(path: path, detail: detail)
    case .pdf?:
      let pdf = PDFText(
        toolPath: nil, timeout: options.pdfTimeout,
        maxOutputBytes: 4 * options.maxDocumentBytes + (1 << 20))
      return Outcome(documents: [
        try Self.makeDocument(id: id, path: path, format: .pdf, text: try pdf.extract(path: path))
      ])
    case .docx?:
      let text = try DOCXText.extract(bytes, path: path)
      return Outcome(documents: [
        try Self.makeDocument(id: id, path: path, format: .docx, text: text)
      ])
    default: break
    }
    let decoded = try TextDecoding.decode(bytes, path: path)
    let warnings = decoded.warnings
    switch kind ?? .text {
    case .markdown:
      let text = MarkdownText.extract(decoded.text)
      return Outcome(documents: [
        try Self.makeDocument(id: id, path: path, format: .markdown, text: text, warnings: warnings)
      ])
    case .html:
      let extracted = HTMLText.extract(decoded.text)
      return Outcome(documents: [
        try Self.makeDocument(
          id: id, path: path, format: .html, text: extracted.text, title: extracted.title,
          warnings: warnings)
      ])
    case .json, .sniffedJSON:
      do {
        let result = try JSONDocuments.documents(from: decoded.text, path: path, fileID: id)
        return Outcome(documents: result.documents, failures: result.failures)
      } catch JobFitError.invalidDocument(_, let reason)
        where kind == .sniffedJSON && reason.hasPrefix("invalid JSON")
      {
        break  // "[draft] notes" is text that happens to start with a bracket
      }
    case .jsonl:
      return RecordDocuments(options: options).jsonLines(decoded.text, path: path, fileID: id)
    case .csv:
      return try RecordDocuments(options: options).csv(decoded.text, path: path, fileID: id)
    default: break
    }
    return Outcome(documents: [
      try Self.makeDocument(
        id: id, path: path, format: .text, text: decoded.text, warnings: warnings)
    ])
  }

  /// A document with its sections, refusing text that is empty after extraction.
  ///
  /// - Parameter errorPath: the path to name in errors (a row's `file:LINE`); defaults to `path`.
  /// - Throws: `JobFitError.emptyDocument`.
  static func makeDocument(
    id: String, path: String, errorPath: String? = nil, format: DocumentFormat, text: String,
    title: String? = nil, warnings: [String] = []
  ) throws -> Document {
    guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw JobFitError.emptyDocument(path: errorPath ?? path)
    }
    let cleanTitle = title.map { String($0.prefix(120)) }.flatMap { $0.isEmpty ? nil : $0 }
    return Document(
      id: id, sourcePath: path, format: format, text: text,
      title: cleanTitle ?? firstLineTitle(text),
      sections: SectionSplitter.sections(in: text), warnings: warnings)
  }

  /// `Document.defaultTitle(of:)` applied line by line, so a long text is not split whole.
  static func firstLineTitle(_ text: String) -> String {
    var lineStart = text.startIndex
    while lineStart < text.endIndex {
      let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
      let title = Document.defaultTitle(of: String(text[lineStart..<lineEnd]))
      if !title.isEmpty { return title }
      lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
    }
    return ""
  }

  // MARK: - Files

  /// The size of the regular file at `path`, refusing it when larger than `limit`.
  ///
  /// - Throws: `fileNotFound`, `unreadable` (directory, not a regular file, permission) or `tooLarge`.
  @discardableResult
  static func fileSize(path: String, limit: Int) throws -> Int {
    let fd = try open(path)
    defer { close(fd) }
    return try checkedSize(fd, path: path, limit: limit)
  }

  /// The bytes of the file at `path`, after its size is checked against `limit`.
  static func readBytes(path: String, limit: Int) throws -> [UInt8] {
    let fd = try open(path)
    defer { close(fd) }
    let size = try checkedSize(fd, path: path, limit: limit)
    var bytes = [UInt8](repeating: 0, count: size)
    var count = 0
    while count < size {
      let n = bytes.withUnsafeMutableBytes { buffer in
        posixRead(fd, buffer.baseAddress.map { $0 + count }, size - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw JobFitError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }  // the file shrank while we read it
      count += n
    }
    if count < size { bytes.removeSubrange(count...) }
    return bytes
  }

  private static func open(_ path: String) throws -> Int32 {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    let fd = posixOpen(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw JobFitError.fileNotFound(path: path) }
      let reason = code == EACCES ? "permission denied" : String(cString: strerror(code))
      throw JobFitError.unreadable(path: path, reason: reason)
    }
    return fd
  }

  private static func checkedSize(_ fd: Int32, path: String, limit: Int) throws -> Int {
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw JobFitError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { throw JobFitError.unreadable(path: path, reason: "is a directory") }
    if type != S_IFREG { throw JobFitError.unreadable(path: path, reason: "not a regular file") }
    let size = Int(info.st_size)
    if size > limit { throw JobFitError.tooLarge(path: path, bytes: size, limit: limit) }
    return size
  }
}

private func posixOpen(_ path: String, _ flags: Int32) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, flags)
  #else
    Darwin.open(path, flags)
  #endif
}

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}
