import JobFitCore
import Testing

@Suite("TermTable")
struct TermTableTests {
  static func insert(_ term: String, into table: inout TermTable) -> Int32 {
    var term = term
    return term.withUTF8 { table.insert($0) }
  }

  static func id(_ term: String, in table: TermTable) -> Int32? {
    var term = term
    return term.withUTF8 { table.id(of: $0) }
  }

  @Test("Ids are dense in insertion order and survive growth; bytes round-trip")
  func growth() {
    var table = TermTable(minimumCapacity: 1)
    let terms = (0..<5000).map { "term\($0)-\(String(repeating: "x", count: $0 % 20))" } + ["", "東京"]
    for (index, term) in terms.enumerated() {
      #expect(Self.insert(term, into: &table) == Int32(index))
    }
    #expect(table.count == terms.count)
    for (index, term) in terms.enumerated() where index % 97 == 0 || index >= 5000 {
      #expect(Self.insert(term, into: &table) == Int32(index))  // already present
      #expect(Self.id(term, in: table) == Int32(index))
      #expect(table.term(index) == term)
    }
    #expect(Self.id("absent", in: table) == nil)
  }

  @Test("Copies are independent (copy on write)")
  func copyOnWrite() {
    var original = TermTable()
    _ = Self.insert("alpha", into: &original)
    var copy = original
    _ = Self.insert("beta", into: &copy)
    #expect(original.count == 1 && copy.count == 2)
    #expect(Self.id("beta", in: original) == nil)
    #expect(Self.id("beta", in: copy) == 1)
  }
}
