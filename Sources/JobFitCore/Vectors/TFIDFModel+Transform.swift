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
      let row = RowAccumulator(columns: dimension)
      for document in chunks[chunk] {
        source.terms(ofDocument: document, into: buffer)
        for index in 0..<buffer.count {
          guard let column = table.id(of: buffer[index]) else { continue }
          row.add(column: column, count: 1)
        }
        let drained = row.drain()
        writer.appendRow(columns: drained.columns, counts: drained.counts)
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
  private var rowValues: [Float] = []

  init(model: TFIDFModel) {
    sublinear = model.configuration.sublinearTermFrequency
    norm = model.configuration.norm
    idf = model.inverseDocumentFrequency
  }

  /// Makes room for `rows` more rows holding `entries` more entries in all.
  mutating func reserve(rows: Int, entries: Int) {
    rowPointers.reserveCapacity(rowPointers.count + rows)
    columnIndices.reserveCapacity(columnIndices.count + entries)
    values.reserveCapacity(values.count + entries)
  }

  /// Appends one row: distinct `columns` in increasing order with their term `counts`.
  mutating func appendRow(columns: UnsafeBufferPointer<Int32>, counts: UnsafeBufferPointer<Int32>) {
    let count = columns.count
    if weights.count < count {
      weights = Array(repeating: 0, count: max(count, weights.count * 2))
      rowValues = Array(repeating: 0, count: weights.count)
    }
    let (sublinear, norm) = (self.sublinear, self.norm)
    var total = 0.0
    // Raw pointers: per-element array appends cost a uniqueness check each.
    weights.withUnsafeMutableBufferPointer { weights in
      idf.withUnsafeBufferPointer { idf in
        for index in 0..<count {
          var weight = Double(counts[index])
          if sublinear { weight = log(weight) + 1 }
          if !idf.isEmpty { weight *= idf[Int(columns[index])] }
          weights[index] = weight
          switch norm {
          case .l2: total += weight * weight
          case .l1: total += abs(weight)
          case .none: break
          }
        }
      }
    }
    // As sklearn's inplace_csr_row_normalize_l2 / _l1: a zero row is left as it is.
    let divisor = norm == .l2 ? total.squareRoot() : total
    let scale = norm == .none || divisor == 0 ? nil : divisor
    rowValues.withUnsafeMutableBufferPointer { values in
      weights.withUnsafeBufferPointer { weights in
        if let scale {
          for index in 0..<count { values[index] = Float(weights[index] / scale) }
        } else {
          for index in 0..<count { values[index] = Float(weights[index]) }
        }
      }
    }
    columnIndices.append(contentsOf: columns)
    values.append(contentsOf: rowValues[0..<count])
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
