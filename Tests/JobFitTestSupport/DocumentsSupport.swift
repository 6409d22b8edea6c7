import CZlib
import Foundation
import JobFitCore

/// A temporary folder for one test, removed when the value is deinitialised.
public final class TemporaryFolder {
  public let url: URL

  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("jobfit-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `name` (sub-folders created) and returns its path.
  @discardableResult
  public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Builds tiny but valid PDF files by hand: catalog, pages, one page per entry, Helvetica.
public enum TestPDF {
  /// A PDF whose pages show `pages` (each line drawn with `Tj`); a page with no lines gets no
  /// content stream at all, so it has no text layer.
  public static func make(pages: [[String]]) -> [UInt8] {
    var objects: [String] = []
    let pageCount = pages.count
    // 1: catalog, 2: pages, 3: font, then per page: page object (+ content stream).
    var kids: [Int] = []
    var next = 4
    var bodies: [(Int, String)] = []
    for lines in pages {
      let pageNumber = next
      kids.append(pageNumber)
      next += 1
      if lines.isEmpty {
        bodies.append(
          (
            pageNumber,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> >>"
          ))
      } else {
        let contentNumber = next
        next += 1
        var stream = "BT /F1 12 Tf 72 720 Td 14 TL\n"
        for line in lines {
          let escaped = line.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
          stream += "(\(escaped)) Tj T*\n"
        }
        stream += "ET"
        bodies.append(
          (
            pageNumber,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(contentNumber) 0 R >>"
          ))
        bodies.append(
          (contentNumber, "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream"))
      }
    }
    objects = Array(repeating: "", count: next - 1)
    objects[0] = "<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] =
      "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>"
    objects[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    for (number, body) in bodies { objects[number - 1] = body }

    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, body) in objects.enumerated() {
      offsets.append(out.utf8.count)
      out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(out.utf8)
  }
}

/// Writes ZIP archives (stored or deflated with zlib) for DOCX and zip-bomb tests.
public enum TestZip {
  public struct Entry {
    public var name: String
    public var data: [UInt8]
    public var deflate: Bool
    public init(name: String, data: [UInt8], deflate: Bool = true) {
      self.name = name
      self.data = data
      self.deflate = deflate
    }
  }

  /// A ZIP holding `entries`. `declaredSize` overrides every entry's uncompressed size
  /// (to build lying headers); `flags` sets the general-purpose flags (bit 0: encrypted).
  public static func make(_ entries: [Entry], declaredSize: UInt32? = nil, flags: UInt16 = 0)
    -> [UInt8]
  {
    var files = entries.map { entry -> (Entry, [UInt8], UInt32) in
      let payload = entry.deflate ? rawDeflate(entry.data) : entry.data
      return (entry, payload, crc(entry.data))
    }
    return archive(files: &files, declaredSize: declaredSize, flags: flags)
  }

  /// A ZIP whose one entry `name` is `compressed` (raw deflate) claiming `size` bytes and `crc`.
  public static func make(name: String, compressed: [UInt8], size: UInt32, crc: UInt32 = 0)
    -> [UInt8]
  {
    var files = [(Entry(name: name, data: []), compressed, crc)]
    return archive(files: &files, declaredSize: size, flags: 0)
  }

  private static func archive(
    files: inout [(Entry, [UInt8], UInt32)], declaredSize: UInt32?, flags: UInt16
  ) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (entry, payload, crc) in files {
      let offset = UInt32(out.count)
      let name = Array(entry.name.utf8)
      let method: UInt16 = entry.deflate ? 8 : 0
      let size = declaredSize ?? UInt32(entry.data.count)
      out += le32(0x0403_4B50) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0)
      out +=
        le32(crc) + le32(UInt32(payload.count)) + le32(size) + le16(UInt16(name.count)) + le16(0)
      out += name + payload
      central +=
        le32(0x0201_4B50) + le16(20) + le16(20) + le16(flags) + le16(method) + le16(0) + le16(0)
      central += le32(crc) + le32(UInt32(payload.count)) + le32(size) + le16(UInt16(name.count))
      central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
    }
    let directoryOffset = UInt32(out.count)
    out += central
    out +=
      le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(files.count)) + le16(UInt16(files.count))
    out += le32(UInt32(central.count)) + le32(directoryOffset) + le16(0)
    return out
  }

  /// Raw deflate (window bits -15) of `data` at the best compression.
  public static func rawDeflate(_ data: [UInt8]) -> [UInt8] {
    rawDeflate(chunks: 1, chunk: data)
  }

  /// Raw deflate of `chunk` repeated `chunks` times, streamed so the input is never held whole
  /// (100 MiB of zeros compresses to about 100 KB).
  public static func rawDeflate(chunks: Int, chunk: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    deflateInit2_(
      &stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY, zlibVersion(),
      Int32(MemoryLayout<z_stream>.size))
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var input = chunk
    for index in 0..<chunks {
      let flush = index == chunks - 1 ? Z_FINISH : Z_NO_FLUSH
      input.withUnsafeMutableBufferPointer { inputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(inputBuffer.count)
        repeat {
          buffer.withUnsafeMutableBufferPointer { out in
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(out.count)
            _ = deflate(&stream, flush)
            output += out[0..<(out.count - Int(stream.avail_out))]
          }
        } while stream.avail_out == 0 || stream.avail_in > 0
      }
    }
    return output
  }

  public static func crc(_ data: [UInt8], continuing previous: UInt32 = 0) -> UInt32 {
    data.withUnsafeBufferPointer { UInt32(crc32(uLong(previous), $0.baseAddress, UInt32($0.count))) }
  }

  static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

/// Builds .docx files: a ZIP with `[Content_Types].xml` and `word/document.xml`.
public enum TestDOCX {
  /// A document with one `w:p` per paragraph; "\t" becomes `w:tab`, "\n" becomes `w:br`.
  public static func make(paragraphs: [String]) -> [UInt8] {
    var body = ""
    for paragraph in paragraphs {
      body += "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr>"
      for (index, piece) in paragraph.split(separator: "\t", omittingEmptySubsequences: false)
        .enumerated()
      {
        if index > 0 { body += "<w:r><w:tab/></w:r>" }
        for (lineIndex, line) in piece.split(separator: "\n", omittingEmptySubsequences: false)
          .enumerated()
        {
          if lineIndex > 0 { body += "<w:r><w:br/></w:r>" }
          body +=
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(escape(String(line)))</w:t></w:r>"
        }
      }
      body += "</w:p>"
    }
    let document = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
      """
    let types =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
    return TestZip.make([
      TestZip.Entry(name: "[Content_Types].xml", data: Array(types.utf8), deflate: false),
      TestZip.Entry(name: "word/document.xml", data: Array(document.utf8)),
    ])
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}

/// Checks the invariants every loaded document must hold.
public enum DocumentInvariants {
  /// Problems found: section ranges in bounds, ordered, not overlapping; no "\r" in the text.
  public static func violations(_ document: Document) -> [String] {
    var problems: [String] = []
    let count = document.text.utf8.count
    var previousEnd = 0
    for section in document.sections {
      if section.range.lowerBound < previousEnd {
        problems.append("section '\(section.heading)' overlaps the previous one")
      }
      if section.range.upperBound > count {
        problems.append("section '\(section.heading)' ends past the text")
      }
      previousEnd = section.range.upperBound
    }
    if document.text.contains("\r") { problems.append("text contains a carriage return") }
    return problems
  }

  /// The body text of the first section of `kind`.
  public static func body(of kind: Section.Kind, in document: Document) -> String? {
    guard let section = document.sections.first(where: { $0.kind == kind }) else { return nil }
    let bytes = Array(document.text.utf8)[section.range]
    return String(decoding: bytes, as: UTF8.self)
  }
}
