import Foundation

// MARK: - Transform

extension TFIDFModel {
  /// The TF-IDF rows of `documents`, analyzed with the built-in analyzer named by
  /// `analyzerIdentifier`.
  ///
  /// - Throws: `JobFitError.invalidParameter` when the model was fitted with an analyzer JobFit
  ///   cannot rebuild from its identifier; call `transform(_:analyzer:)` then.
  public func transform(_ documents: [String]) throws -> CSRMatrix {
    guard analyzerIdentifier == SklearnAnalyzer.identifier else {
      throw JobFitError.invalidParameter(
        name: "analyzerIdentifier", value: analyzerIdentifier,
        expected: "\(SklearnAnalyzer.identifier), or pass the analyzer to transform(_:analyzer:)")
    }
    return transform(source: .sklearn(documents))
  }

  /// The TF-IDF rows of `documents`, analyzed with `analyzer` (which should be the analyzer
  /// the model was fitted with). Terms outside the vocabulary are ignored; a document without
  /// known terms gives an empty row.
  ///
  /// Each row holds `w(t) = tf(t) × idf(t)` (tf replaced by `1 + ln(tf)` when
  /// `sublinearTermFrequency`; idf left out unless `useIDF`), divided by the row's L2 or L1 norm
  /// as configured; rows whose norm is 0 stay empty. Computed in `Double`, stored as `Float`.
  /// - Complexity: O(tokens), spread over all cores; the output does not depend on their number.
  public func transform(_ documents: [String], analyzer: any TextAnalyzer) -> CSRMatrix {
    transform(source: TermSource(documents, analyzer: analyzer))
  }

  /// The TF-IDF rows of pre-analyzed documents (one term list per document).
  public func transform(termLists: [[String]]) -> CSRMatrix {
    transform(source: .termLists(termLists))
  }

  func transform(source: TermSource) -> CSRMatrix {
    let chunks = documentChunks(count: source.count)
    let parts = parallelMap(chunks.count) { chunk in
      var writer = RowWriter(model: self)
      let buffer = TermBuffer()
      var counts = [Int32](repeating: 0, count: dimension)
      var touched: [Int32] = []
      var entries: [UInt64] = []
      counts.withUnsafeMutableBufferPointer { counts in
        for document in chunks[chunk] {
          source.terms(ofDocument: document, into: buffer)
          touched.removeAll(keepingCapacity: true)
          for index in 0..<buffer.count {
            guard let column = table.id(of: buffer[index]) else { continue }
            if counts[Int(column)] == 0 { touched.append(column) }
            counts[Int(column)] += 1
          }
          entries.removeAll(keepingCapacity: true)
          for column in touched {
            entries.append(RowWriter.entry(column: column, count: counts[Int(column)]))
            counts[Int(column)] = 0
          }
          writer.appendRow(&entries)
        }
      }
      return writer
    }
    return RowWriter.stitch(parts, rows: source.count, columns: dimension)
  }
}

// MARK: - Row weighting

/// Builds CSR rows from term counts, applying the model's tf, idf and norm.
struct RowWriter {
  let sublinear: Bool
  let norm: TFIDFConfiguration.Norm
  let idf: [Double]
  var rowPointers: [Int] = []
  var columnIndices: [Int32] = []
  var values: [Float] = []
  private var weights: [Double] = []

  init(model: TFIDFModel) {
    sublinear = model.configuration.sublinearTermFrequency
    norm = model.configuration.norm
    idf = model.inverseDocumentFrequency
  }

  /// A (column, count) pair packed so that sorting the integers sorts by column.
  @inline(__always)
  static func entry(column: Int32, count: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: column)) << 32 | UInt64(UInt32(bitPattern: count))
  }

  /// Appends one row; `entries` holds distinct columns with their counts (see `entry`), in any
  /// order.
  mutating func appendRow(_ entries: inout [UInt64]) {
    entries.sort()
    weights.removeAll(keepingCapacity: true)
    var total = 0.0
    for entry in entries {
      var weight = Double(UInt32(truncatingIfNeeded: entry))
      if sublinear { weight = log(weight) + 1 }
      if !idf.isEmpty { weight *= idf[Int(entry >> 32)] }
      weights.append(weight)
      switch norm {
      case .l2: total += weight * weight
      case .l1: total += abs(weight)
      case .none: break
      }
    }
    // As sklearn's inplace_csr_row_normalize_l2 / _l1: a zero row is left as it is.
    let divisor = norm == .l2 ? total.squareRoot() : total
    let scale = norm == .none || divisor == 0 ? nil : divisor
    for (entry, weight) in zip(entries, weights) {
      columnIndices.append(Int32(truncatingIfNeeded: entry >> 32))
      values.append(Float(scale.map { weight / $0 } ?? weight))
    }
    rowPointers.append(columnIndices.count)
  }

  /// Concatenates the rows of `parts`, in order.
  static func stitch(_ parts: [RowWriter], rows: Int, columns: Int) -> CSRMatrix {
    let total = parts.reduce(0) { $0 + $1.values.count }
    var rowPointers = [0]
    var columnIndices: [Int32] = []
    var values: [Float] = []
    rowPointers.reserveCapacity(rows + 1)
    columnIndices.reserveCapacity(total)
    values.reserveCapacity(total)
    for part in parts {
      let offset = columnIndices.count
      rowPointers.append(contentsOf: part.rowPointers.lazy.map { $0 + offset })
      columnIndices.append(contentsOf: part.columnIndices)
      values.append(contentsOf: part.values)
    }
    return CSRMatrix(rows: rows, columns: columns, rowPointers: rowPointers,
                     columnIndices: columnIndices, values: values)
  }
}
