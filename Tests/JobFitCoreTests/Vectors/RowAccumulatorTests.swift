import JobFitCore
import Testing

@Suite("RowAccumulator")
struct RowAccumulatorTests {
  static func drain(_ row: RowAccumulator) -> [(column: Int, count: Int)] {
    let drained = row.drain()
    return zip(drained.columns, drained.counts).map { (Int($0), Int($1)) }
  }

  @Test("Drains summed counts in increasing column order and starts empty again", arguments: [1, 63, 64, 4095, 4096, 4097, 70_000])
  func ordering(columns: Int) {
    let row = RowAccumulator(columns: columns)
    var generator = SystemRandomNumberGenerator()
    for round in 0..<3 {
      var expected: [Int: Int] = [:]
      for _ in 0..<(round * 50 + 1) {
        let column = Int.random(in: 0..<columns, using: &generator)
        let count = Int.random(in: 1...5, using: &generator)
        expected[column, default: 0] += count
        row.add(column: Int32(column), count: Int32(count))
      }
      let got = Self.drain(row)
      #expect(got.map(\.column) == expected.keys.sorted())
      #expect(got.map(\.count) == expected.keys.sorted().map { expected[$0]! })
    }
    #expect(Self.drain(row).isEmpty)
  }

  @Test("The first and last columns come out")
  func edges() {
    let row = RowAccumulator(columns: 4097)
    row.add(column: 4096, count: 2)
    row.add(column: 0, count: 1)
    row.add(column: 4095, count: 3)
    let got = Self.drain(row)
    #expect(got.map(\.column) == [0, 4095, 4096])
    #expect(got.map(\.count) == [1, 3, 2])
  }
}
