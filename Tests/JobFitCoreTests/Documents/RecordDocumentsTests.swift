import JobFitTestSupport
import Testing

@testable import JobFitCore

@Suite("JSONL and CSV collections")
struct RecordDocumentsTests {
  @Test("JSONL: ids from the id field or file:LINE, blank lines skipped, bad lines reported")
  func jsonLines() throws {
    let folder = try TemporaryFolder()
    let lines = [
      #"{"id": "a1", "text": "Python developer\nDjango", "title": "Dev"}"#,
      "",
      #"{"text": "Nurse, night shifts"}"#,
      #"{"id": 7, "text": "   "}"#,
      "not json",
      #"["array"]"#,
      #"{"id": "p9", "@type": "JobPosting", "title": "Welder", "description": "TIG welding"}"#,
      #"{"id": "x", "body_html": "<p>?</p>"}"#,
      "[" + String(repeating: "[", count: 5000),
    ]
    let path = try folder.write("rows.jsonl", lines.joined(separator: "\n"))
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["a1", "rows.jsonl:3", "p9"])
    #expect(result.documents.map(\.format) == [.record, .record, .jobPosting])
    #expect(result.documents[0].title == "Dev")
    #expect(result.documents[0].sourcePath == path)
    #expect(result.documents[0].text == "Python developer\nDjango")
    #expect(result.failures.map(\.path) == [4, 5, 6, 8, 9].map { "\(path):\($0)" })
    #expect(result.failures[0].error == .emptyDocument(path: "\(path):4"))
    for failure in result.failures {
      #expect(failure.description.hasPrefix(failure.path + ": "))
      #expect(!failure.description.contains("\n"))
    }
  }

  @Test("A huge JSONL line loads; one over the per-document limit fails alone")
  func hugeLine() throws {
    let folder = try TemporaryFolder()
    let big = String(repeating: "kubernetes ", count: 200_000)  // 2.2 MB
    let lines = [#"{"id": "big", "text": "\#(big)"}"#, #"{"id": "small", "text": "Go"}"#]
    let path = try folder.write("rows.jsonl", lines.joined(separator: "\n"))
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["big", "small"])
    let limited = DocumentLoader(options: .init(maxDocumentBytes: 1000)).load([path])
    #expect(limited.documents.map(\.id) == ["small"])
    #expect(
      limited.failures.map(\.error) == [
        .tooLarge(path: "\(path):1", bytes: big.utf8.count, limit: 1000)
      ])
  }

  @Test("JSONL with explicit fields: the text field is then required")
  func explicitFields() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "rows.ndjson", #"{"key": "k1", "cv": "Go"}"# + "\n" + #"{"key": "k2", "text": "Rust"}"#)
    let loader = DocumentLoader(options: .init(idField: "key", textField: "cv"))
    let result = loader.load([path])
    #expect(result.documents.map(\.id) == ["k1"])
    #expect(
      result.failures == [
        DocumentLoadFailure(
          path: "\(path):2", error: .invalidDocument(path: "\(path):2", reason: "no \"cv\" field"))
      ])
  }

  @Test("CSV: quoted commas, doubled quotes and newlines; header required; bad rows reported")
  func csv() throws {
    let folder = try TemporaryFolder()
    let csv =
      "id,title,text\r\n1,Dev,\"Go, Rust\nand \"\"C\"\"\"\r\n\r\n2,Ops,Kubernetes\r\n3,Short\r\n,NoId,Terraform\n"
    let path = try folder.write("rows.csv", csv)
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["1", "2", "rows.csv:7"])
    #expect(result.documents[0].text == "Go, Rust\nand \"C\"")
    #expect(result.documents[0].title == "Dev")
    #expect(result.failures.map(\.path) == ["\(path):6"])
  }

  @Test("CSV without the text column names the file and its columns")
  func missingColumn() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("rows.csv", "id,name\n1,x\n")
    #expect(
      throws: JobFitError.invalidDocument(
        path: path, reason: "CSV has no \"text\" column (columns: id, name); pass --text-field")
    ) {
      try DocumentLoader().loadDocument(at: path)
    }
    let result = DocumentLoader(options: .init(textField: "name")).load([path])
    #expect(result.documents.map(\.text) == ["x"])
  }

  @Test("CSV with an unterminated quote keeps the rows before it and reports the line")
  func unterminated() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("rows.csv", "id,text\na,first\nb,\"never closed\nc,third\n")
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["a"])
    #expect(result.failures.map(\.path) == ["\(path):3"])
  }

  @Test("The CSV parser handles edge cases byte by byte")
  func parser() {
    let parsed = CSVReader.parse(Array("\u{FEFF}a,b\n\"x\"\"y\",\n,\"\"\nlast,\"q\"tail".utf8))
    #expect(
      parsed.records.map(\.fields) == [["a", "b"], ["x\"y", ""], ["", ""], ["last", "qtail"]])
    #expect(parsed.records.map(\.line) == [1, 2, 3, 4])
    #expect(parsed.unterminatedQuoteLine == nil)
  }

  @Test("50 000 CSV rows load, each a document")
  func manyRows() throws {
    let folder = try TemporaryFolder()
    var csv = "id,text\n"
    for index in 0..<50_000 { csv += "r\(index),\"Senior engineer, Go and SQL, row \(index)\"\n" }
    let path = try folder.write("big.csv", csv)
    let result = DocumentLoader().load([path])
    #expect(result.documents.count == 50_000)
    #expect(result.documents.last?.id == "r49999")
    #expect(result.failures.isEmpty)
  }
}
