// MARK: - Norms and transposition

extension CSRMatrix {
  /// The Euclidean norm of each row, `sqrt(Σ v²)`, accumulated in `Double`.
  /// - Complexity: O(`nonzeroCount`).
  public var rowNorms: [Float] {
    (0..<rows).map { row in
      var sum = 0.0
      for entry in rowPointers[row]..<rowPointers[row + 1] {
        let value = Double(values[entry])
        sum += value * value
      }
      return Float(sum.squareRoot())
    }
  }

  /// The transpose, again in CSR form: row `j` of the result lists the rows of `self` that hold
  /// column `j` (an inverted index; equivalently `self` in CSC form).
  ///
  /// Row indices come out sorted because rows are visited in order (a counting sort).
  /// - Complexity: O(`nonzeroCount` + `rows` + `columns`).
  public func transposed() -> CSRMatrix {
    var pointers = [Int](repeating: 0, count: columns + 1)
    for column in columnIndices { pointers[Int(column) + 1] += 1 }
    for column in 0..<columns { pointers[column + 1] += pointers[column] }
    var next = pointers
    var indices = [Int32](repeating: 0, count: nonzeroCount)
    var newValues = [Float](repeating: 0, count: nonzeroCount)
    for row in 0..<rows {
      for entry in rowPointers[row]..<rowPointers[row + 1] {
        let column = Int(columnIndices[entry])
        let slot = next[column]
        indices[slot] = Int32(row)
        newValues[slot] = values[entry]
        next[column] = slot + 1
      }
    }
    return CSRMatrix(rows: columns, columns: rows, rowPointers: pointers, columnIndices: indices,
                     values: newValues)
  }
}

// MARK: - Comparison

extension CSRMatrix {
  /// Whether both matrices have the same shape and sparsity pattern and every stored value
  /// differs by at most `tolerance` (absolute).
  public func isApproximatelyEqual(to other: CSRMatrix, tolerance: Float) -> Bool {
    guard rows == other.rows, columns == other.columns, rowPointers == other.rowPointers,
      columnIndices == other.columnIndices
    else { return false }
    return zip(values, other.values).allSatisfy { abs($0 - $1) <= tolerance }
  }
}

// MARK: - Invariants

extension CSRMatrix {
  /// Traps unless the arrays describe a valid matrix: `rowPointers` has `rows + 1` non-decreasing
  /// entries from 0 to `nonzeroCount`, `columnIndices` and `values` have equal lengths, and each
  /// row's columns are strictly increasing and inside `0..<columns`; values are finite.
  public func _checkInvariants() {
    precondition(rows >= 0 && columns >= 0, "negative shape \(rows)×\(columns)")
    precondition(rowPointers.count == rows + 1, "rowPointers has \(rowPointers.count) entries")
    precondition(rowPointers.first == 0 && rowPointers.last == values.count, "bad row bounds")
    precondition(columnIndices.count == values.count, "indices and values differ in length")
    for row in 0..<rows {
      let range = rowPointers[row]..<rowPointers[row + 1]
      precondition(range.lowerBound <= range.upperBound, "row \(row) has negative length")
      var previous: Int32 = -1
      for entry in range {
        let column = columnIndices[entry]
        precondition(column > previous && Int(column) < columns,
                     "row \(row): column \(column) out of order or out of range")
        precondition(values[entry].isFinite, "row \(row): non-finite value")
        previous = column
      }
    }
  }
}
