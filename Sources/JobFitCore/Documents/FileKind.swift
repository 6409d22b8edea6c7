/// How a file is read, chosen by extension, with content sniffing when the extension says nothing.
enum FileKind: Equatable {
  case text, markdown, html, json, jsonl, csv, pdf, docx
  /// JSON found by sniffing: if it does not parse, the file is read as text instead.
  case sniffedJSON
  case unsupported(String)

  /// Extensions read when found in a directory (extension-less files are sniffed too).
  static let knownExtensions: Set<String> = [
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson", "csv",
    "pdf", "docx",
  ]

  /// Extensions of formats we recognise but do not read, with what to do instead.
  static let unsupportedExtensions: [String: String] = [
    "doc": "legacy binary Word (.doc) is not supported; save it as .docx or PDF",
    "rtf": "RTF is not supported; save it as .docx, PDF or plain text",
    "odt": "OpenDocument (.odt) is not supported; save it as .docx or PDF",
    "pages": "Apple Pages is not supported; export it as .docx or PDF",
    "xls": "spreadsheets are not documents; export the rows as CSV",
    "xlsx": "spreadsheets are not documents; export the rows as CSV",
  ]

  /// The kind for a file extension (case-insensitive), or nil to sniff the content.
  init?(extension ext: String) {
    switch ext.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "html", "htm", "xhtml": self = .html
    case "json": self = .json
    case "jsonl", "ndjson": self = .jsonl
    case "csv": self = .csv
    case "pdf": self = .pdf
    case "docx": self = .docx
    case let other:
      guard let detail = Self.unsupportedExtensions[other] else { return nil }
      self = .unsupported(detail)
    }
  }

  /// Guesses the kind from the first bytes: `%PDF-`, `PK\3\4`, OLE2 (.doc), `{\rtf`, `{`/`[`,
  /// `<html`/`<!doctype html`, else text.
  static func sniff(_ bytes: [UInt8]) -> FileKind {
    if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
    if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      return .unsupported(unsupportedExtensions["doc"] ?? "legacy Office file")
    }
    if bytes.starts(with: Array("{\\rtf".utf8)) {
      return .unsupported(unsupportedExtensions["rtf"] ?? "RTF")
    }
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
    let head = bytes[start..<min(bytes.count, start + 64)].map {
      $0 | (($0 >= 0x41 && $0 <= 0x5A) ? 0x20 : 0)
    }
    if head.first == UInt8(ascii: "{") || head.first == UInt8(ascii: "[") { return .sniffedJSON }
    if head.starts(with: Array("<html".utf8)) || head.starts(with: Array("<!doctype html".utf8)) {
      return .html
    }
    return .text
  }
}
