import Dispatch
import LinearAlgebra

/// A dense row-major block whose row stride is padded to a multiple of 16 floats.
///
/// The randomized SVD keeps its tall `rows × (k + p)` sketches in this form: the padding
/// columns stay zero through every product, and the fixed stride lets the sparse kernel run in
/// whole 16-float vectors without a scalar tail.
struct DenseBlock {
  let rows: Int
  /// Logical columns.
  let columns: Int
  /// Floats between the starts of two rows; `columns` rounded up to a multiple of 16.
  let stride: Int
  var storage: [Float]

  init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    self.stride = (columns + 15) / 16 * 16
    self.storage = [Float](repeating: 0, count: rows * stride)
  }

  /// The first `count` logical columns as an unpadded `Matrix`.
  func matrix(columns count: Int? = nil) -> Matrix {
    let count = count ?? columns
    if count == stride, let whole = try? Matrix(rows: rows, columns: count, storage: storage) {
      return whole
    }
    var result = Matrix(rows: rows, columns: count)
    for row in 0..<rows {
      for column in 0..<count { result.storage[row * count + column] = storage[row * stride + column] }
    }
    return result
  }
}

// MARK: - Sparse × dense

/// CSR arrays without `CSRMatrix`'s sorted-columns invariant: the randomized SVD renumbers
/// columns (by document frequency) without re-sorting rows, which the products do not need.
struct SparseRows {
  let rows: Int
  let columns: Int
  let rowPointers: [Int]
  let columnIndices: [Int32]
  let values: [Float]

  var nonzeroCount: Int { values.count }
}

extension CSRMatrix {
  var sparseRows: SparseRows {
    SparseRows(
      rows: rows, columns: columns, rowPointers: rowPointers, columnIndices: columnIndices,
      values: values)
  }

  /// `Y = self · X`; see `SparseRows.multiply`.
  func multiply(_ x: DenseBlock, into y: inout DenseBlock, chunks: Int = ProcessorCount.active * 4) {
    sparseRows.multiply(x, into: &y, chunks: chunks)
  }
}

extension SparseRows {
  /// `Y = self · X` for a dense block `X` with `columns` rows; `Y` has `rows` rows.
  ///
  /// Each output row is `Σ_j a_ij · X[j, :]` over the row's stored entries. The cost is in
  /// fetching the `X` rows, which the column indices pick at random: a 40,000 × 272 `X` is
  /// 44 MB, more than the last-level cache. So `X` is first repacked into panels of 32 columns
  /// (each panel contiguous, 128 bytes per row, about 5 MB), and the product runs panel by
  /// panel: all rows against panel 0, then panel 1, …, so the panel being read stays in cache
  /// while the sparse arrays stream through sequentially. Within a panel the 32 running sums
  /// stay in registers (four `SIMD8` accumulators) across the row's entries.
  ///
  /// Rows are split into `chunks` contiguous ranges of roughly equal stored-entry counts and run
  /// in parallel; every output value is computed by one thread in a fixed order, so the result
  /// is bit-identical for any `chunks` (and hence any thread count).
  ///
  /// - Precondition: `x.rows == columns`, `x.stride == y.stride`, `y.rows == rows`.
  /// - Complexity: O(`nonzeroCount` × `x.stride`) work, O(`x.rows` × `x.stride`) extra memory.
  func multiply(_ x: DenseBlock, into y: inout DenseBlock, chunks: Int = ProcessorCount.active * 4) {
    precondition(x.rows == columns && y.rows == rows && x.stride == y.stride, "multiply: shapes")
    let stride = x.stride
    guard rows > 0, stride > 0 else { return }
    let bounds = balancedRowBounds(chunks: max(1, min(chunks, rows)))
    // Panel p holds columns [32p, 32p + width) of every X row, row after row.
    let widths = Swift.stride(from: 0, to: stride, by: 32).map { min(32, stride - $0) }
    let packed = Self.packPanels(x, widths: widths, chunks: chunks)
    rowPointers.withUnsafeBufferPointer { pointers in
      columnIndices.withUnsafeBufferPointer { indices in
        values.withUnsafeBufferPointer { values in
          packed.withUnsafeBufferPointer { xs in
            y.storage.withUnsafeMutableBufferPointer { ys in
              let shared = UncheckedSendable(
                (pointers.baseAddress!, indices.baseAddress, values.baseAddress, xs.baseAddress!,
                 ys.baseAddress!))
              for (panel, width) in widths.enumerated() {
                let panelStart = panel * 32 * x.rows  // widths before the last are all 32
                DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { chunk in
                  let (p, i, v, x, y) = shared.value
                  for row in bounds[chunk]..<bounds[chunk + 1] {
                    let output = y + row * stride + panel * 32
                    if width == 32 {
                      Self.panel32(start: p[row], end: p[row + 1], indices: i, values: v, x: x + panelStart, output: output)
                    } else {
                      Self.panel16(start: p[row], end: p[row + 1], indices: i, values: v, x: x + panelStart, output: output)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// `x` rearranged panel by panel (see `multiply`).
  private static func packPanels(_ x: DenseBlock, widths: [Int], chunks: Int) -> [Float] {
    var packed = [Float](repeating: 0, count: x.rows * x.stride)
    let (rows, stride) = (x.rows, x.stride)
    let parts = max(1, min(chunks, rows))
    x.storage.withUnsafeBufferPointer { source in
      packed.withUnsafeMutableBufferPointer { target in
        let shared = UncheckedSendable((source.baseAddress!, target.baseAddress!))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          let (source, target) = shared.value
          for row in (rows * part / parts)..<(rows * (part + 1) / parts) {
            for (panel, width) in widths.enumerated() {
              (target + panel * 32 * rows + row * width)
                .update(from: source + row * stride + panel * 32, count: width)
            }
          }
        }
      }
    }
    return packed
  }

  /// Row boundaries splitting the matrix into `chunks` ranges of about equal stored entries.
  func balancedRowBounds(chunks: Int) -> [Int] {
    var bounds = [0]
    var row = 0
    for chunk in 1..<chunks {
      let target = nonzeroCount * chunk / chunks
      while row < rows && rowPointers[row] < target { row += 1 }
      bounds.append(max(row, bounds[bounds.count - 1]))
    }
    bounds.append(rows)
    return bounds
  }

  /// `output[0..<32] = Σ values[e] · x[indices[e] * 32 ..< +32]` over the row's entries.
  @inline(__always)
  private static func panel32(
    start: Int, end: Int, indices: UnsafePointer<Int32>?, values: UnsafePointer<Float>?,
    x: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
  ) {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
    if start < end, let indices, let values {
      let raw = UnsafeRawPointer(x)
      for e in start..<end {
        let v = SIMD8<Float>(repeating: values[e])
        let source = raw + Int(indices[e]) &* 128
        a0 += v * source.loadUnaligned(as: SIMD8<Float>.self)
        a1 += v * source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        a2 += v * source.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
        a3 += v * source.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
      }
    }
    let out = UnsafeMutableRawPointer(output)
    out.storeBytes(of: a0, as: SIMD8<Float>.self)
    out.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
    out.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
    out.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
  }

  /// The 16-column version of `panel32`, for a last, narrower panel.
  @inline(__always)
  private static func panel16(
    start: Int, end: Int, indices: UnsafePointer<Int32>?, values: UnsafePointer<Float>?,
    x: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>
  ) {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>()
    if start < end, let indices, let values {
      let raw = UnsafeRawPointer(x)
      for e in start..<end {
        let v = SIMD8<Float>(repeating: values[e])
        let source = raw + Int(indices[e]) &* 64
        a0 += v * source.loadUnaligned(as: SIMD8<Float>.self)
        a1 += v * source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
      }
    }
    let out = UnsafeMutableRawPointer(output)
    out.storeBytes(of: a0, as: SIMD8<Float>.self)
    out.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
  }
}
