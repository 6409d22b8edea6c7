import JobFitCore
import Testing

@Suite("RowAccumulator")
struct RowAccumulatorTests {
  /// Unpacks `RowWriter.entry` values: column in the high 32 bits, count in the low 32.
  static func pairs(_ entries: [UInt64]) -> [(column: Int, count: Int)] {
    entries.map { (Int($0 >> 32), Int(UInt32(truncatingIfNeeded: $0))) }
  }

  @Test("Drains summed counts in increasing column order and starts empty again", arguments: [1, 63, 64, 4095, 4096, 4097, 70_000])
  func ordering(columns: Int) {
    let row = RowAccumulator(columns: columns)
    var generator = SystemRandomNumberGenerator()
    var entries: [UInt64] = []
    for round in 0..<3 {
      var expected: [Int: Int] = [:]
      for _ in 0..<(round * 50 + 1) {
        let column = Int.random(in: 0..<columns, using: &generator)
        let count = Int.random(in: 1...5, using: &generator)
        expected[column, default: 0] += count
        row.add(column: Int32(column), count: Int32(count))
      }
      row.drain(into: &entries)
      let got = Self.pairs(entries)
      #expect(got.map(\.column) == expected.keys.sorted())
      #expect(got.map(\.count) == expected.keys.sorted().map { expected[$0]! })
    }
    row.drain(into: &entries)
    #expect(entries.isEmpty)
  }

  @Test("The first and last columns come out")
  func edges() {
    let row = RowAccumulator(columns: 4097)
    row.add(column: 4096, count: 2)
    row.add(column: 0, count: 1)
    row.add(column: 4095, count: 3)
    var entries: [UInt64] = []
    row.drain(into: &entries)
    #expect(Self.pairs(entries).map(\.column) == [0, 4095, 4096])
    #expect(Self.pairs(entries).map(\.count) == [1, 3, 2])
  }
}
