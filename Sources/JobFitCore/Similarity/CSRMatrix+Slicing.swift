// MARK: - Row slices

extension CSRMatrix {
  /// Rows `range` as a matrix of their own (copies the entries of those rows).
  ///
  /// Used to split one fitted corpus back into its queries and items.
  /// - Complexity: O(rows in range + their stored entries).
  public func rowSlice(_ range: Range<Int>) -> CSRMatrix {
    precondition(range.lowerBound >= 0 && range.upperBound <= rows, "row range out of bounds")
    let start = rowPointers[range.lowerBound]
    let end = rowPointers[range.upperBound]
    return CSRMatrix(
      rows: range.count, columns: columns,
      rowPointers: rowPointers[range.lowerBound...range.upperBound].map { $0 - start },
      columnIndices: Array(columnIndices[start..<end]), values: Array(values[start..<end]))
  }
}
