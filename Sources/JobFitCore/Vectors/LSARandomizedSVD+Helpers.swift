import Foundation
import LinearAlgebra

// MARK: - Test matrix

extension RandomizedSVD {
  /// A `rows × columns` block of standard normal values; row `j` depends only on `(seed, j)`.
  ///
  /// Each row has its own SplitMix64 stream (Steele, Lea & Flood 2014) started from a hash of
  /// the seed and the row, and pairs of uniforms in (0, 1] become normals by Box–Muller. Rows are
  /// filled in parallel; the values do not depend on how rows are shared between threads.
  static func gaussian(rows: Int, columns: Int, seed: UInt64, rowIdentifiers: [Int]? = nil) -> DenseBlock {
    var block = DenseBlock(rows: rows, columns: columns)
    let stride = block.stride
    let chunks = max(1, min(rows, ProcessorCount.active * 4))
    block.storage.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let shared = UncheckedSendable(base)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for row in (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks) {
          var generator = SplitMix64(seed: SplitMix64.mix(seed &+ SplitMix64.mix(UInt64(rowIdentifiers?[row] ?? row) &+ 1)))
          let output = shared.value + row * stride
          var column = 0
          while column < columns {
            let u1 = generator.nextUnitInterval()
            let u2 = generator.nextUnitInterval()
            let radius = (-2 * log(u1)).squareRoot()
            output[column] = Float(radius * cos(2 * Double.pi * u2))
            if column + 1 < columns { output[column + 1] = Float(radius * sin(2 * Double.pi * u2)) }
            column += 2
          }
        }
      }
    }
    return block
  }
}

// MARK: - Frequency order

extension RandomizedSVD {
  /// `a` with columns renumbered by falling document frequency (ties: lower column first), and
  /// `order[new] = old column`.
  static func frequencyOrdered(_ a: CSRMatrix) -> (a: SparseRows, order: [Int]) {
    var frequency = [Int](repeating: 0, count: a.columns)
    for column in a.columnIndices { frequency[Int(column)] += 1 }
    let order = (0..<a.columns).sorted {
      frequency[$0] != frequency[$1] ? frequency[$0] > frequency[$1] : $0 < $1
    }
    var rank = [Int32](repeating: 0, count: a.columns)
    for (position, column) in order.enumerated() { rank[column] = Int32(position) }
    let renumbered = a.columnIndices.map { rank[Int($0)] }
    return (
      SparseRows(
        rows: a.rows, columns: a.columns, rowPointers: a.rowPointers, columnIndices: renumbered,
        values: a.values),
      order
    )
  }
}

// MARK: - Small helpers

extension RandomizedSVD {
  /// For each column of `v`, whether its largest-magnitude entry (the first one on ties) is
  /// negative, i.e. whether the singular pair must be negated (`svd_flip` on V's rows).
  static func signFlips(_ v: Matrix) -> [Bool] {
    (0..<v.columns).map { c in
      var best: Float = -1
      var sign: Float = 1
      for j in 0..<v.rows {
        let value = v.storage[j * v.columns + c]
        if abs(value) > best {
          best = abs(value)
          sign = value
        }
      }
      return sign < 0
    }
  }

  static func negate(columns flips: [Bool], of matrix: inout Matrix) {
    let columns = matrix.columns
    guard flips.contains(true) else { return }
    for row in 0..<matrix.rows {
      for c in 0..<columns where flips[c] { matrix.storage[row * columns + c].negate() }
    }
  }

  /// The mean of each logical column of `block`, in `Double`.
  static func columnMeans(_ block: DenseBlock) -> [Double] {
    var sums = [Double](repeating: 0, count: block.columns)
    for row in 0..<block.rows {
      for c in 0..<block.columns { sums[c] += Double(block.storage[row * block.stride + c]) }
    }
    return sums.map { $0 / Double(max(block.rows, 1)) }
  }
}

extension DenseBlock {
  /// This block with `matrix` copied into its logical columns (shapes must agree).
  func with(matrix: Matrix) -> DenseBlock {
    precondition(matrix.rows == rows && matrix.columns == columns, "DenseBlock.with: shapes")
    var copy = self
    for row in 0..<rows {
      for c in 0..<columns { copy.storage[row * stride + c] = matrix.storage[row * columns + c] }
    }
    return copy
  }
}
