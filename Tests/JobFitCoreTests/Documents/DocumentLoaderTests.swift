import Foundation
import JobFitTestSupport
import Testing

@testable import JobFitCore

#if canImport(Glibc)
  import Glibc
#endif

@Suite("DocumentLoader")
struct DocumentLoaderTests {
  @Test(
    "A directory: recursive, byte order, hidden and unknown files skipped, symlink loops ignored")
  func directory() throws {
    let folder = try TemporaryFolder()
    try folder.write("jobs/b.txt", "Backend engineer")
    try folder.write("jobs/a.md", "# Data scientist\n**Python**")
    try folder.write("jobs/a/z.html", "<h1>Nurse</h1><p>Night shifts</p>")
    try folder.write("jobs/B.txt", "Welder")
    try folder.write("jobs/.hidden.txt", "secret")
    try folder.write("jobs/.git/config.txt", "secret")
    try folder.write("jobs/photo.png", [0x89, 0x50, 0x4E, 0x47])
    try folder.write("jobs/NOTES", "Plain notes without an extension")
    try folder.write("jobs/blob", [0, 1, 2, 3])
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("jobs/a/loop"), withDestinationPath: folder.path("jobs"))
    let result = DocumentLoader().load([folder.path("jobs")])
    // Byte order of the whole path: "a.md" < "a/z.html" because "." < "/".
    #expect(result.documents.map(\.id) == ["B.txt", "NOTES", "a.md", "a/z.html", "b.txt"])
    #expect(result.documents.map(\.format) == [.text, .text, .markdown, .html, .text])
    #expect(result.documents[3].title == "Nurse")
    #expect(result.documents[2].text == "# Data scientist\nPython")
    #expect(result.failures.isEmpty)
    #expect(
      result.warnings.contains("\(folder.path("jobs")): skipped 1 file with unknown extensions"))
    #expect(
      result.warnings.contains(
        "skipped \(folder.path("jobs/blob")): binary file without an extension"))
    for document in result.documents { #expect(DocumentInvariants.violations(document).isEmpty) }
  }

  @Test("A batch keeps going past bad files and reports each one on one line, in input order")
  func batch() throws {
    let folder = try TemporaryFolder()
    let good = try folder.write("good.txt", "Kubernetes administrator")
    let empty = try folder.write("empty.txt", "")
    let blank = try folder.write("blank.md", " \n\t\n")
    let binary = try folder.write("binary.txt", [0x41, 0x00, 0x42])
    let html = try folder.write("tags.html", "<div><script>x</script></div>")
    let missing = folder.path("missing.txt")
    let good2 = try folder.write("also-good.html", "<p>Go &amp; Rust</p>")
    let result = DocumentLoader().load([good, empty, blank, missing, binary, html, good2])
    #expect(result.documents.map(\.id) == ["good.txt", "also-good.html"])
    #expect(
      result.failures.map(\.error) == [
        .emptyDocument(path: empty), .emptyDocument(path: blank), .fileNotFound(path: missing),
        .binaryFile(path: binary), .emptyDocument(path: html),
      ])
    for failure in result.failures {
      #expect(!failure.description.contains("\n"))
      #expect(failure.description.hasPrefix(failure.path))
    }
  }

  @Test("The size limit is checked before reading: limit + 1 bytes is refused")
  func sizeLimit() throws {
    let folder = try TemporaryFolder()
    let limit = DocumentLoadOptions.defaultMaxDocumentBytes
    let path = try folder.write("big.txt", [UInt8](repeating: 0x61, count: limit + 1))
    #expect(throws: JobFitError.tooLarge(path: path, bytes: limit + 1, limit: limit)) {
      try DocumentLoader().loadDocument(at: path)
    }
    let small = try folder.write("small.txt", "twelve bytes")
    #expect(throws: JobFitError.tooLarge(path: small, bytes: 12, limit: 11)) {
      try DocumentLoader(options: .init(maxDocumentBytes: 11)).loadDocument(at: small)
    }
    #expect(
      try DocumentLoader(options: .init(maxDocumentBytes: 12)).loadDocument(at: small).count == 1)
  }

  @Test("Directories, FIFOs and unreadable files given as files fail without hanging")
  func notFiles() throws {
    let folder = try TemporaryFolder()
    try folder.write("dir/x.txt", "x")
    #expect(throws: JobFitError.unreadable(path: folder.path("dir"), reason: "is a directory")) {
      try DocumentLoader().loadDocument(at: folder.path("dir"))
    }
    let fifo = folder.path("pipe.txt")
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(throws: JobFitError.unreadable(path: fifo, reason: "not a regular file")) {
      try DocumentLoader().loadDocument(at: fifo)
    }
    let locked = try folder.write("locked.txt", "private")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
    if geteuid() == 0 {  // root reads anything: the file must then load normally
      #expect(try DocumentLoader().loadDocument(at: locked).first?.text == "private")
    } else {
      #expect(throws: JobFitError.unreadable(path: locked, reason: "permission denied")) {
        try DocumentLoader().loadDocument(at: locked)
      }
    }
  }

  @Test("Unknown extensions are sniffed: PDF, HTML, JSON, text; .doc is refused")
  func sniffing() throws {
    let folder = try TemporaryFolder()
    let pdf = try folder.write("cv.bin", TestPDF.make(pages: [["Sniffed PDF"]]))
    let html = try folder.write(
      "page.dat", "<!DOCTYPE html><html><body><p>Sniffed page</p></body></html>")
    let json = try folder.write("resume.dat", #"{"basics": {"name": "Sniffed Person"}}"#)
    let bracket = try folder.write("notes.dat", "[draft] notes about a role")
    let loader = DocumentLoader()
    #expect(try loader.loadDocument(at: pdf).first?.format == .pdf)
    #expect(try loader.loadDocument(at: html).first?.text == "Sniffed page")
    #expect(try loader.loadDocument(at: json).first?.format == .jsonResume)
    #expect(try loader.loadDocument(at: bracket).first?.text == "[draft] notes about a role")
  }

  @Test("Duplicate ids: the first is kept and the rest produce a warning")
  func duplicates() throws {
    let folder = try TemporaryFolder()
    let first = try folder.write("a/cv.txt", "First résumé")
    let second = try folder.write("b/cv.txt", "Second résumé")
    let result = DocumentLoader().load([first, second])
    #expect(result.documents.map(\.text) == ["First résumé"])
    #expect(result.warnings == ["duplicate id \"cv.txt\" in \(second); kept the one from \(first)"])
  }

  @Test("Parallel loading returns the same documents in the same order every time")
  func deterministic() throws {
    let folder = try TemporaryFolder()
    for index in 0..<40 {
      try folder.write("docs/\(index).txt", "Document number \(index)\nSkills: Go")
    }
    let first = DocumentLoader().load([folder.path("docs")])
    let second = DocumentLoader().load([folder.path("docs")])
    #expect(first == second)
    #expect(first.documents.count == 40)
    #expect(first.documents.prefix(3).map(\.id) == ["0.txt", "1.txt", "10.txt"])
  }

  @Test("Invalid UTF-8 in a file is replaced and reported on the document")
  func invalidBytesWarning() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("latin1.txt", Array("Caf".utf8) + [0xE9] + Array(" au lait".utf8))
    let document = try #require(try DocumentLoader().loadDocument(at: path).first)
    #expect(document.text == "Caf\u{FFFD} au lait")
    #expect(document.warnings == ["1 invalid UTF-8 sequence replaced"])
  }
}
