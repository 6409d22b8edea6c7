import JobFitTestSupport
import Testing

@testable import JobFitCore

@Suite("DOCX and ZIP")
struct DOCXTextTests {
  @Test(
    "A .docx built in the test: paragraphs become lines, tabs and breaks kept, entities decoded")
  func happyPath() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "cv.docx",
      TestDOCX.make(paragraphs: [
        "Jane Doe", "Experience", "Engineer\tAcme & Co <Berlin>", "Line one\nline two",
      ]))
    let document = try #require(try DocumentLoader().loadDocument(at: path).first)
    #expect(document.format == .docx)
    #expect(
      document.text == "Jane Doe\nExperience\nEngineer\tAcme & Co <Berlin>\nLine one\nline two\n")
    #expect(document.sections.map(\.kind) == [.other, .experience])
  }

  @Test("Only w:t text counts: field codes and deleted text are left out")
  func onlyTextRuns() {
    let xml =
      #"<w:p><w:r><w:instrText>HYPERLINK x</w:instrText></w:r><w:r><w:t>Go</w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:r><w:t/></w:r></w:p><w:p><w:r><w:t>&#x4E2D;&#25991;</w:t></w:r>"#
    #expect(DOCXText.text(ofDocumentXML: Array(xml.utf8)) == "Go\n中文")
  }

  @Test("A 100 MiB zip bomb that declares its size is refused before inflating")
  func bombDeclared() throws {
    let compressed = TestZip.rawDeflate(chunks: 100, chunk: [UInt8](repeating: 0, count: 1 << 20))
    #expect(compressed.count < 200_000)
    let zip = TestZip.make(name: "word/document.xml", compressed: compressed, size: 100 << 20)
    let archive = try ZipArchive(bytes: zip)
    let entry = try #require(archive.entry(named: "word/document.xml"))
    let failure = #expect(throws: ZipArchive.Failure.self) { try archive.contents(of: entry) }
    #expect(failure?.kind == .tooLarge)
    #expect(failure?.inflatedBytes == 0)
  }

  @Test("A zip bomb that lies about its size stops at the declared size")
  func bombLying() throws {
    let compressed = TestZip.rawDeflate(chunks: 100, chunk: [UInt8](repeating: 0, count: 1 << 20))
    let zip = TestZip.make(name: "word/document.xml", compressed: compressed, size: 5000)
    let archive = try ZipArchive(bytes: zip)
    let entry = try #require(archive.entry(named: "word/document.xml"))
    let failure = #expect(throws: ZipArchive.Failure.self) { try archive.contents(of: entry) }
    #expect(failure?.kind == .tooLarge)
    #expect((failure?.inflatedBytes ?? .max) <= 5000 + Inflater.chunkSize)
  }

  @Test("A bomb within the size limit is refused by its ratio, as soon as the ratio is passed")
  func bombRatio() throws {
    let compressed = TestZip.rawDeflate(chunks: 60, chunk: [UInt8](repeating: 0, count: 1 << 20))
    // Declared as small-but-plausible compressed size: lie only about the ratio by padding is
    // impossible, so check the streaming guard directly with a generous declared size.
    let limits = ZipArchive.Limits()
    let failure = #expect(throws: ZipArchive.Failure.self) {
      try Inflater.inflate(
        compressed[...], entryName: "word/document.xml", declaredSize: 60 << 20, limits: limits)
    }
    #expect(failure?.kind == .ratio)
    #expect((failure?.inflatedBytes ?? .max) <= limits.ratioGraceBytes + 2 * Inflater.chunkSize)
    // Through the loader the declared ratio is refused up front, with a one-line message.
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "bomb.docx", TestZip.make(name: "word/document.xml", compressed: compressed, size: 60 << 20))
    #expect(
      throws: JobFitError.invalidDocument(
        path: path,
        reason:
          "invalid .docx: word/document.xml expands more than 200:1; refusing a possible zip bomb")
    ) {
      try DocumentLoader().loadDocument(at: path)
    }
  }

  @Test("Encrypted entries, unknown methods, too many entries and bad CRCs are refused")
  func refusals() throws {
    let data = Array("<w:p><w:t>x</w:t></w:p>".utf8)
    let encrypted = try ZipArchive(bytes: TestZip.make([.init(name: "a", data: data)], flags: 1))
    #expect(throws: ZipArchive.Failure(kind: .unsupported, reason: "a is encrypted")) {
      try encrypted.contents(of: encrypted.entries[0])
    }
    var method = TestZip.make([.init(name: "a", data: data, deflate: false)])
    method[8] = 14  // local header method: LZMA
    let methodArchive = try ZipArchive(bytes: method)
    var entry = methodArchive.entries[0]
    entry.method = 14
    #expect(throws: ZipArchive.Failure.self) { try methodArchive.contents(of: entry) }
    let many = TestZip.make((0..<20).map { .init(name: "f\($0)", data: data, deflate: false) })
    #expect(
      throws: ZipArchive.Failure(kind: .tooLarge, reason: "ZIP has 20 entries; the limit is 10")
    ) {
      try ZipArchive(bytes: many, limits: .init(maxEntries: 10))
    }
    var corrupt = TestZip.make([.init(name: "a", data: data, deflate: false)])
    corrupt[30 + 1 + 3] ^= 0xFF  // flip a byte of the stored data
    let corruptArchive = try ZipArchive(bytes: corrupt)
    #expect(
      throws: ZipArchive.Failure(kind: .malformed, reason: "ZIP entry a fails its CRC-32 check")
    ) {
      try corruptArchive.contents(of: corruptArchive.entries[0])
    }
  }

  @Test("ZIP64 archives are refused")
  func zip64() throws {
    var zip = TestZip.make([.init(name: "a", data: [65], deflate: false)])
    let eocd = zip.count - 22
    zip[eocd + 10] = 0xFF  // total entries = 0xFFFF: the real count is in the ZIP64 record
    zip[eocd + 11] = 0xFF
    #expect(
      throws: ZipArchive.Failure(kind: .unsupported, reason: "ZIP64 archives are not supported")
    ) {
      try ZipArchive(bytes: zip)
    }
  }

  @Test("Adversarial .docx files: random bytes, truncated ZIP, no document.xml, legacy .doc")
  func adversarial() throws {
    let folder = try TemporaryFolder()
    var generator = SplitMix64(seed: 7)
    let random = try folder.write(
      "random.docx", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
    #expect(
      throws: JobFitError.invalidDocument(
        path: random, reason: "invalid .docx: not a ZIP archive (no end of central directory)")
    ) {
      try DocumentLoader().loadDocument(at: random)
    }
    let full = TestDOCX.make(paragraphs: ["Hello"])
    for cut in [10, full.count / 2, full.count - 5] {
      let truncated = try folder.write("cut\(cut).docx", Array(full.prefix(cut)))
      let error = #expect(throws: JobFitError.self) {
        try DocumentLoader().loadDocument(at: truncated)
      }
      #expect(error?.description.hasPrefix(truncated + ": invalid .docx: ") == true)
    }
    let noBody = try folder.write("nobody.docx", TestZip.make([.init(name: "x.txt", data: [65])]))
    #expect(
      throws: JobFitError.invalidDocument(
        path: noBody, reason: "not a Word document: the ZIP has no word/document.xml")
    ) {
      try DocumentLoader().loadDocument(at: noBody)
    }
    let doc = try folder.write("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    #expect(
      throws: JobFitError.unsupportedFormat(
        path: doc, detail: "legacy binary Word (.doc) is not supported; save it as .docx or PDF")
    ) {
      try DocumentLoader().loadDocument(at: doc)
    }
  }
}
