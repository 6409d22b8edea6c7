import LinearAlgebra

// MARK: - Fold-in

extension LSAModel {
  /// Projects document rows onto the components: `X·Vₖ` (`n × k`), as scikit-learn's
  /// `TruncatedSVD.transform`.
  ///
  /// For a training row this is its row of `Uₖ·Σₖ` (up to the approximation), so coordinate `c`
  /// is scaled by `σ_c` and dominated by the first, largest components; rows are *not*
  /// normalised. New documents are "folded in" the same way: the model is not refitted. For
  /// cosine similarity use `embed(_:)`.
  ///
  /// - Throws: `JobFitError.dimensionMismatch` when `matrix.columns != dimension`.
  /// - Complexity: O(nnz · k), parallel over rows; bit-identical for any thread count.
  public func transform(_ matrix: CSRMatrix) throws -> Matrix {
    guard matrix.columns == dimension else {
      throw JobFitError.dimensionMismatch(expected: dimension, actual: matrix.columns)
    }
    var output = DenseBlock(rows: matrix.rows, columns: componentCount)
    matrix.multiply(loadings, into: &output)
    return output.matrix()
  }

  /// `transform(matrix)` with every row scaled to unit Euclidean length (zero rows, such as
  /// documents with no known term, stay zero), so the dot product of two rows is their cosine
  /// similarity in the latent space.
  ///
  /// - Throws: `JobFitError.dimensionMismatch` when `matrix.columns != dimension`.
  public func embed(_ matrix: CSRMatrix) throws -> Matrix {
    var rows = try transform(matrix)
    rows.normalizeRows()
    return rows
  }
}
