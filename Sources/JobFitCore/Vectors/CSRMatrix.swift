/// A sparse matrix in compressed sparse row form: one row per document, one column per term.
///
/// Row `i` holds `columnIndices[rowPointers[i] ..< rowPointers[i + 1]]` and the matching
/// `values`; column indices are strictly increasing within a row. This is the layout of SciPy's
/// `csr_array` (`indptr`, `indices`, `data`), so matrices compare entry by entry with
/// scikit-learn's. Rows produced by `TFIDFModel` are L2-normalised by default, so the cosine of two
/// rows is their dot product.
public struct CSRMatrix: Sendable, Equatable, Codable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// `rows + 1` offsets into `columnIndices` and `values`; starts at 0, ends at `nonzeroCount`.
  public let rowPointers: [Int]
  /// Column of each stored entry.
  public let columnIndices: [Int32]
  /// Value of each stored entry.
  public let values: [Float]

  /// Wraps CSR arrays without copying.
  ///
  /// - Precondition: the arrays describe a valid matrix (see `_checkInvariants()`); checked in
  ///   debug builds.
  public init(rows: Int, columns: Int, rowPointers: [Int], columnIndices: [Int32], values: [Float]) {
    self.rows = rows
    self.columns = columns
    self.rowPointers = rowPointers
    self.columnIndices = columnIndices
    self.values = values
    #if DEBUG
      _checkInvariants()
    #endif
  }

  /// An all-zero matrix.
  public init(zeros rows: Int, columns: Int) {
    self.init(rows: rows, columns: columns, rowPointers: Array(repeating: 0, count: rows + 1),
              columnIndices: [], values: [])
  }

  /// Number of stored entries.
  public var nonzeroCount: Int { values.count }

  /// One row's stored entries, as slices of the matrix arrays (no copy).
  public struct Row: Sendable, Equatable {
    public let columnIndices: ArraySlice<Int32>
    public let values: ArraySlice<Float>

    /// The value at `column`, or 0 when not stored.
    /// - Complexity: O(log *k*) for *k* stored entries (binary search).
    public subscript(column: Int) -> Float {
      var low = columnIndices.startIndex
      var high = columnIndices.endIndex
      while low < high {
        let middle = (low + high) / 2
        let value = Int(columnIndices[middle])
        if value == column { return values[middle] }
        if value < column { low = middle + 1 } else { high = middle }
      }
      return 0
    }
  }

  /// Row `index`.
  public func row(_ index: Int) -> Row {
    precondition(index >= 0 && index < rows, "row \(index) out of range 0..<\(rows)")
    let range = rowPointers[index]..<rowPointers[index + 1]
    return Row(columnIndices: columnIndices[range], values: values[range])
  }

  /// Calls `body` with row `index`'s column indices and values as buffer pointers.
  public func withRow<R>(
    _ index: Int,
    _ body: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    precondition(index >= 0 && index < rows, "row \(index) out of range 0..<\(rows)")
    let start = rowPointers[index]
    let count = rowPointers[index + 1] - start
    return try columnIndices.withUnsafeBufferPointer { indices in
      try values.withUnsafeBufferPointer { values in
        try body(UnsafeBufferPointer(rebasing: indices[start..<start + count]),
                 UnsafeBufferPointer(rebasing: values[start..<start + count]))
      }
    }
  }

  /// The matrix as nested arrays, for tests and small examples.
  public func dense() -> [[Float]] {
    var result = Array(repeating: Array(repeating: Float(0), count: columns), count: rows)
    for row in 0..<rows {
      for entry in rowPointers[row]..<rowPointers[row + 1] {
        result[row][Int(columnIndices[entry])] = values[entry]
      }
    }
    return result
  }
}
