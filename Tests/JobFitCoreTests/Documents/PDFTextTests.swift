import Foundation
import JobFitTestSupport
import Testing

@testable import JobFitCore

@Suite("PDF text")
struct PDFTextTests {
  @Test("A hand-written PDF with a text layer is extracted by pdftotext, page breaks as lines")
  func extracts() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "cv.pdf", TestPDF.make(pages: [["Jane Doe", "SKILLS"], ["Kubernetes (CKA)"]]))
    let document = try #require(try DocumentLoader().loadDocument(at: path).first)
    #expect(document.format == .pdf)
    let lines = document.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines == ["Jane Doe", "SKILLS", "Kubernetes (CKA)"])
    #expect(!document.text.contains("\u{0C}"))
    #expect(document.sections.map(\.kind) == [.other, .skills])
  }

  @Test("A PDF without a text layer is an error, never an empty document")
  func noText() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("scan.pdf", TestPDF.make(pages: [[]]))
    #expect(
      throws: JobFitError.invalidDocument(
        path: path, reason: "PDF has no text layer (scanned image?); run OCR first")
    ) {
      try DocumentLoader().loadDocument(at: path)
    }
  }

  @Test("A corrupt PDF fails with pdftotext's exit code and first stderr line")
  func corrupt() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("bad.pdf", Array("%PDF-1.4\nthis is not a pdf at all".utf8))
    let error = #expect(throws: JobFitError.self) { try DocumentLoader().loadDocument(at: path) }
    guard case .externalTool(let tool, let errorPath, let reason)? = error else {
      Issue.record("expected externalTool, got \(String(describing: error))")
      return
    }
    #expect(tool == "pdftotext" && errorPath == path)
    #expect(reason.hasPrefix("exit code "))
    #expect(!reason.contains("\n"))
  }

  @Test("A missing tool and a tool that hangs give clear errors")
  func missingAndTimeout() throws {
    let folder = try TemporaryFolder()
    let pdf = try folder.write("cv.pdf", TestPDF.make(pages: [["text"]]))
    let missing = PDFText(
      toolPath: folder.path("no-such-tool"), timeout: 5, maxOutputBytes: 1 << 20)
    let startError = #expect(throws: JobFitError.self) { try missing.extract(path: pdf) }
    #expect(startError?.description.contains("cannot start") == true)

    let script = try folder.write("slow-tool", "#!/bin/sh\nexec sleep 30\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
    let slow = PDFText(toolPath: script, timeout: 0.5, maxOutputBytes: 1 << 20)
    #expect(
      throws: JobFitError.externalTool(
        tool: "pdftotext", path: pdf, reason: "timed out after 0.5 s")
    ) {
      try slow.extract(path: pdf)
    }
  }

  @Test("pdftotext absent from the search path is reported with the package to install")
  func notInPath() throws {
    let folder = try TemporaryFolder()
    let pdf = try folder.write("cv.pdf", TestPDF.make(pages: [["text"]]))
    let tool = PDFText(
      toolPath: nil, timeout: 5, maxOutputBytes: 1 << 20, searchPath: folder.url.path)
    #expect(
      throws: JobFitError.externalTool(
        tool: "pdftotext", path: pdf, reason: "pdftotext not found; install poppler-utils")
    ) {
      try tool.extract(path: pdf)
    }
    #expect(PDFText.findInPath("sh") != nil)
  }

  @Test("Output past the cap kills the tool with a clear error")
  func outputCap() throws {
    let folder = try TemporaryFolder()
    let pdf = try folder.write("cv.pdf", TestPDF.make(pages: [["text"]]))
    let script = try folder.write("chatty-tool", "#!/bin/sh\nexec yes 'lots of text'\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
    let chatty = PDFText(toolPath: script, timeout: 20, maxOutputBytes: 1 << 20)
    #expect(
      throws: JobFitError.externalTool(
        tool: "pdftotext", path: pdf, reason: "output exceeds 1048576 bytes; refusing")
    ) {
      try chatty.extract(path: pdf)
    }
  }
}
