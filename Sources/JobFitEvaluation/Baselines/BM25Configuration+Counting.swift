import Dispatch
import JobFitCore
import LinearAlgebra

// MARK: - Analysis

extension BM25Configuration {
  /// The terms of each text, analyzed on all cores (rows in input order).
  static func analyze(_ texts: [String], with analyzer: any TextAnalyzer) -> [[String]] {
    var result = [[String]](repeating: [], count: texts.count)
    let chunks = min(texts.count, ProcessorCount.active * 4)
    guard chunks > 0 else { return result }
    result.withUnsafeMutableBufferPointer { buffer in
      let output = UncheckedSendable(buffer)
      // Each chunk writes only its own slots.
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = texts.count * chunk / chunks
        let end = texts.count * (chunk + 1) / chunks
        for index in start..<end { output.value[index] = analyzer.terms(in: texts[index]) }
      }
    }
    return result
  }
}

// MARK: - Item statistics

/// Term ids, per-item term counts, lengths and document frequencies of the items.
struct ItemCounts {
  /// Term bytes → dense id, in first-seen order.
  var table = TermTable()
  /// Items holding each term id.
  var documentFrequency: [Int] = []
  /// Number of terms of each item (`dl`).
  var lengths: [Int] = []
  /// Row `i` is `entries[rowPointers[i] ..< rowPointers[i + 1]]`: (term id, count).
  var rowPointers: [Int] = [0]
  var termIDs: [Int32] = []
  var counts: [Int32] = []

  var totalLength: Int { lengths.reduce(0, +) }

  init(_ itemTerms: [[String]]) {
    var ids: [Int32] = []
    for terms in itemTerms {
      ids.removeAll(keepingCapacity: true)
      for var term in terms {
        let id = term.withUTF8 { table.insert($0) }
        if Int(id) == documentFrequency.count { documentFrequency.append(0) }
        ids.append(id)
      }
      lengths.append(ids.count)
      ids.sort()
      // Runs of equal ids are one term's occurrences.
      var start = 0
      while start < ids.count {
        var end = start + 1
        while end < ids.count && ids[end] == ids[start] { end += 1 }
        termIDs.append(ids[start])
        counts.append(Int32(end - start))
        documentFrequency[Int(ids[start])] += 1
        start = end
      }
      rowPointers.append(termIDs.count)
    }
  }

  /// The (term id, count) pairs of item `row`.
  func row(_ row: Int) -> [(Int32, Int32)] {
    (rowPointers[row]..<rowPointers[row + 1]).map { (termIDs[$0], counts[$0]) }
  }
}

// MARK: - Building CSR rows

/// Appends rows of (column, value) entries in any order and produces a ``CSRMatrix``.
struct SparseRowBuilder {
  let columns: Int
  private var rowPointers: [Int] = [0]
  private var columnIndices: [Int32] = []
  private var values: [Float] = []

  init(columns: Int) { self.columns = columns }

  /// Adds one row; entries are sorted by column here. Columns must be distinct.
  mutating func appendRow(_ entries: [(Int32, Double)]) {
    for (column, value) in entries.sorted(by: { $0.0 < $1.0 }) {
      columnIndices.append(column)
      values.append(Float(value))
    }
    rowPointers.append(columnIndices.count)
  }

  func matrix() -> CSRMatrix {
    CSRMatrix(rows: rowPointers.count - 1, columns: columns, rowPointers: rowPointers,
              columnIndices: columnIndices, values: values)
  }
}
