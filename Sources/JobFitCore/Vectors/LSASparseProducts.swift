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

extension CSRMatrix {
  /// `Y = self · X` for a dense block `X` with `columns` rows; `Y` has `rows` rows.
  ///
  /// Each output row is `Σ_j a_ij · X[j, :]` over the row's stored entries, accumulated in
  /// registers 32 floats at a time (a panel), so one pass over a row's entries reads one
  /// 128-byte slice of each referenced `X` row and writes the output once. Rows are split into
  /// `chunks` contiguous ranges of roughly equal stored-entry counts and run in parallel; every
  /// output row is computed by one thread in a fixed order, so the result is bit-identical for
  /// any `chunks` (and hence any thread count).
  ///
  /// - Precondition: `x.rows == columns`, `x.stride == y.stride`, `y.rows == rows`.
  /// - Complexity: O(`nonzeroCount` × `x.stride`).
  func multiply(_ x: DenseBlock, into y: inout DenseBlock, chunks: Int = ProcessorCount.active * 4) {
    precondition(x.rows == columns && y.rows == rows && x.stride == y.stride, "multiply: shapes")
    let stride = x.stride
    guard rows > 0, stride > 0 else { return }
    let bounds = balancedRowBounds(chunks: max(1, min(chunks, rows)))
    rowPointers.withUnsafeBufferPointer { pointers in
      columnIndices.withUnsafeBufferPointer { indices in
        values.withUnsafeBufferPointer { values in
          x.storage.withUnsafeBufferPointer { xs in
            y.storage.withUnsafeMutableBufferPointer { ys in
              let shared = UncheckedSendable(
                (pointers.baseAddress!, indices.baseAddress, values.baseAddress, xs.baseAddress!,
                 ys.baseAddress!))
              DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { chunk in
                let (p, i, v, x, y) = shared.value
                for row in bounds[chunk]..<bounds[chunk + 1] {
                  Self.multiplyRow(
                    start: p[row], end: p[row + 1], indices: i, values: v, x: x, stride: stride,
                    output: y + row * stride)
                }
              }
            }
          }
        }
      }
    }
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

  /// One output row: `output[0..<stride] = Σ values[e] · x[indices[e] * stride ..< +stride]`.
  @inline(__always)
  private static func multiplyRow(
    start: Int, end: Int, indices: UnsafePointer<Int32>?, values: UnsafePointer<Float>?,
    x: UnsafePointer<Float>, stride: Int, output: UnsafeMutablePointer<Float>
  ) {
    guard start < end, let indices, let values else {
      output.update(repeating: 0, count: stride)
      return
    }
    let raw = UnsafeRawPointer(x)
    let out = UnsafeMutableRawPointer(output)
    var column = 0
    // Panels of 32 floats: four SIMD8 accumulators stay in registers across the row's entries.
    while column + 32 <= stride {
      var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
      let offset = column * 4
      for e in start..<end {
        let v = SIMD8<Float>(repeating: values[e])
        let source = raw + (Int(indices[e]) * stride * 4 + offset)
        a0 += v * source.loadUnaligned(as: SIMD8<Float>.self)
        a1 += v * source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
        a2 += v * source.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
        a3 += v * source.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
      }
      out.storeBytes(of: a0, toByteOffset: offset, as: SIMD8<Float>.self)
      out.storeBytes(of: a1, toByteOffset: offset + 32, as: SIMD8<Float>.self)
      out.storeBytes(of: a2, toByteOffset: offset + 64, as: SIMD8<Float>.self)
      out.storeBytes(of: a3, toByteOffset: offset + 96, as: SIMD8<Float>.self)
      column += 32
    }
    // A last panel of 16 when the stride is an odd multiple of 16.
    if column < stride {
      var a0 = SIMD8<Float>(), a1 = SIMD8<Float>()
      let offset = column * 4
      for e in start..<end {
        let v = SIMD8<Float>(repeating: values[e])
        let source = raw + (Int(indices[e]) * stride * 4 + offset)
        a0 += v * source.loadUnaligned(as: SIMD8<Float>.self)
        a1 += v * source.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
      }
      out.storeBytes(of: a0, toByteOffset: offset, as: SIMD8<Float>.self)
      out.storeBytes(of: a1, toByteOffset: offset + 32, as: SIMD8<Float>.self)
    }
  }
}
