/// Per-worker scratch for building one TF-IDF row: a count per column and a two-level bitmap of
/// the columns touched, so the row's columns come out in increasing order without a sort.
///
/// Adding a count is O(1); draining a row with *k* columns out of *d* is
/// O(*d* / 4096 + *k*): one summary word covers 64 bitmap words (4096 columns), and only the
/// nonzero words are visited. That replaces the O(*k* log *k*) sort per row, which was about a
/// quarter of TF-IDF's instructions.
///
/// A class with manually managed memory, confined to one thread (like `TermBuffer`).
package final class RowAccumulator {
  @exclusivity(unchecked) private var counts: UnsafeMutablePointer<Int32>
  /// Bit `c % 64` of word `c / 64` is set when column `c` has a count.
  @exclusivity(unchecked) private var words: UnsafeMutablePointer<UInt64>
  /// Bit `w % 64` of summary word `w / 64` is set when bitmap word `w` is nonzero.
  @exclusivity(unchecked) private var summary: UnsafeMutablePointer<UInt64>
  /// The last drained row (a row has at most one entry per column).
  @exclusivity(unchecked) private var drainedColumns: UnsafeMutablePointer<Int32>
  @exclusivity(unchecked) private var drainedCounts: UnsafeMutablePointer<Int32>
  private let wordCount: Int
  private let summaryCount: Int

  package init(columns: Int) {
    let columns = max(columns, 1)
    wordCount = (columns + 63) / 64
    summaryCount = (wordCount + 63) / 64
    counts = .allocate(capacity: columns)
    counts.initialize(repeating: 0, count: columns)
    words = .allocate(capacity: wordCount)
    words.initialize(repeating: 0, count: wordCount)
    summary = .allocate(capacity: summaryCount)
    summary.initialize(repeating: 0, count: summaryCount)
    drainedColumns = .allocate(capacity: columns)
    drainedCounts = .allocate(capacity: columns)
  }

  deinit {
    counts.deallocate()
    words.deallocate()
    summary.deallocate()
    drainedColumns.deallocate()
    drainedCounts.deallocate()
  }

  /// Adds `count` occurrences of `column` (which must be below the column count).
  @inline(__always)
  package func add(column: Int32, count: Int32) {
    let column = Int(column)
    counts[column] &+= count
    let word = column &>> 6
    words[word] |= 1 &<< UInt64(column & 63)
    summary[word &>> 6] |= 1 &<< UInt64(word & 63)
  }

  /// Moves the accumulated row out, in increasing column order, and clears the accumulator.
  ///
  /// - Returns: the row's columns and counts, valid until the next `drain`.
  package func drain()
    -> (columns: UnsafeBufferPointer<Int32>, counts: UnsafeBufferPointer<Int32>)
  {
    var written = 0
    for summaryIndex in 0..<summaryCount {
      var summaryBits = summary[summaryIndex]
      guard summaryBits != 0 else { continue }
      summary[summaryIndex] = 0
      while summaryBits != 0 {
        let word = summaryIndex &<< 6 | summaryBits.trailingZeroBitCount
        summaryBits &= summaryBits &- 1
        var bits = words[word]
        words[word] = 0
        while bits != 0 {
          let column = word &<< 6 | bits.trailingZeroBitCount
          bits &= bits &- 1
          drainedColumns[written] = Int32(truncatingIfNeeded: column)
          drainedCounts[written] = counts[column]
          counts[column] = 0
          written &+= 1
        }
      }
    }
    return (UnsafeBufferPointer(start: drainedColumns, count: written),
            UnsafeBufferPointer(start: drainedCounts, count: written))
  }
}
