/// Extracts the text of a Word .docx file (Office Open XML): `word/document.xml` from the ZIP.
///
/// Each `w:p` paragraph becomes a line; text comes from `w:t` runs only (so field codes in
/// `w:instrText` and deleted text in `w:delText` are left out); `w:tab` becomes a tab and
/// `w:br`/`w:cr` a line break. XML character references are decoded.
enum DOCXText {
  static let documentEntry = "word/document.xml"

  /// The text of the .docx whose bytes are `bytes`.
  ///
  /// - Throws: `JobFitError.invalidDocument` naming `path` and the ZIP or XML problem.
  static func extract(_ bytes: [UInt8], path: String, limits: ZipArchive.Limits = .init()) throws
    -> String
  {
    do {
      let archive = try ZipArchive(bytes: bytes, limits: limits)
      guard let entry = archive.entry(named: documentEntry) else {
        throw JobFitError.invalidDocument(
          path: path, reason: "not a Word document: the ZIP has no \(documentEntry)")
      }
      return text(ofDocumentXML: try archive.contents(of: entry))
    } catch let failure as ZipArchive.Failure {
      throw JobFitError.invalidDocument(path: path, reason: "invalid .docx: \(failure.reason)")
    }
  }

  /// The paragraphs of a WordprocessingML body as lines.
  static func text(ofDocumentXML xml: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(xml.count / 4)
    var inText = false
    var i = 0
    while i < xml.count {
      let byte = xml[i]
      if byte != UInt8(ascii: "<") {
        if inText {
          if byte == UInt8(ascii: "&") {
            i = HTMLText.decodeEntity(xml, at: i, into: &out)
            continue
          }
          out.append(byte)
        }
        i += 1
        continue
      }
      // A tag: find its end and local name (the part after any "w:" prefix).
      var end = i + 1
      while end < xml.count, xml[end] != UInt8(ascii: ">") { end += 1 }
      guard end < xml.count else { break }  // truncated XML: keep what we have
      let closing = i + 1 < end && xml[i + 1] == UInt8(ascii: "/")
      let selfClosing = xml[end - 1] == UInt8(ascii: "/")
      var nameStart = closing ? i + 2 : i + 1
      var nameEnd = nameStart
      while nameEnd < end, !isNameEnd(xml[nameEnd]) {
        if xml[nameEnd] == UInt8(ascii: ":") { nameStart = nameEnd + 1 }
        nameEnd += 1
      }
      let name = xml[nameStart..<nameEnd]
      if name.elementsEqual("t".utf8) {
        inText = !closing && !selfClosing
      } else if !closing {
        if name.elementsEqual("tab".utf8) { out.append(0x09) }
        if name.elementsEqual("br".utf8) || name.elementsEqual("cr".utf8) { out.append(0x0A) }
      } else if name.elementsEqual("p".utf8) {
        out.append(0x0A)
      }
      i = end + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func isNameEnd(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
      || byte == UInt8(ascii: ">")
  }
}
