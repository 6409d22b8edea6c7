/// A dense row-major matrix of `Float`, one row per document.
///
/// Rows are the unit the engine works in: a row is a document vector, and similarity between
/// L2-normalised rows is their dot product. Storage is a single contiguous array so it can be
/// handed to BLAS as is (leading dimension = `columns`).
public struct Matrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  /// `rows × columns` values, row after row.
  public var storage: [Float]

  /// A matrix of zeros.
  public init(rows: Int, columns: Int) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Float](repeating: 0, count: rows * columns)
  }

  /// A matrix over existing row-major values.
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `storage.count != rows * columns`.
  public init(rows: Int, columns: Int, storage: [Float]) throws {
    guard rows >= 0, columns >= 0, storage.count == rows * columns else {
      throw LinearAlgebraError.dimensionMismatch(
        "storage holds \(storage.count) values; \(rows) × \(columns) needs \(rows * columns)")
    }
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix whose rows are `rows` (all of the same length).
  public init(rows vectors: [[Float]]) throws {
    let columns = vectors.first?.count ?? 0
    var storage: [Float] = []
    storage.reserveCapacity(vectors.count * columns)
    for (i, row) in vectors.enumerated() {
      guard row.count == columns else {
        throw LinearAlgebraError.dimensionMismatch("row \(i) has \(row.count) values; expected \(columns)")
      }
      storage.append(contentsOf: row)
    }
    try self.init(rows: vectors.count, columns: columns, storage: storage)
  }

  public subscript(row: Int, column: Int) -> Float {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// A copy of row `i`.
  public func row(_ i: Int) -> [Float] {
    Array(storage[(i * columns)..<((i + 1) * columns)])
  }
}

// MARK: - Normalisation

extension Matrix {
  /// Scales every row to unit Euclidean length (rows of zeros stay zero).
  ///
  /// The norm is accumulated in `Double` so long rows of small values do not lose precision.
  public mutating func normalizeRows() {
    let columns = columns
    storage.withUnsafeMutableBufferPointer { values in
      for r in 0..<rows {
        let row = UnsafeMutableBufferPointer(rebasing: values[(r * columns)..<((r + 1) * columns)])
        var sum = 0.0
        for v in row { sum += Double(v) * Double(v) }
        guard sum > 0 else { continue }
        let scale = Float(1 / sum.squareRoot())
        for i in row.indices { row[i] *= scale }
      }
    }
  }
}
