import JobFitCore
import Testing

@Suite("Document")
struct DocumentTests {
  @Test("The title is the first non-empty line without Markdown heading marks")
  func title() {
    #expect(Document.defaultTitle(of: "\n\n# Senior Nurse\nWard 3") == "Senior Nurse")
    #expect(Document.defaultTitle(of: "") == "")
  }
}
