import Dispatch
import LinearAlgebra

// MARK: - Transposed sparse × dense

extension SparseRows {
  /// `Z = selfᵀ · Y` for a dense block `Y` with `rows` rows; `Z` has `columns` rows.
  ///
  /// A scatter over the rows of `self`: row `i` adds `a_ij · Y[i, :]` to `Z[j, :]` for each
  /// stored `(j, a_ij)`. `Y` is then read in order, and the random accesses land on `Z`'s rows,
  /// which with columns numbered by falling document frequency are mostly the few hot rows at
  /// the top (in cache). This replaces a product with the transposed matrix, whose random reads
  /// of `Y` rows have no such skew, and saves building the transpose.
  ///
  /// Work runs panel by panel (32 columns, as in `multiply`). The rows are split into a fixed
  /// number of `partitions`; each accumulates into its own buffer, and the buffers are added in
  /// partition order. The partitioning does not depend on the thread count, so neither do the
  /// bits of the result.
  ///
  /// - Precondition: `y.rows == rows`, `z.rows == columns`, `y.stride == z.stride`.
  /// - Complexity: O(`nonzeroCount` × `y.stride` + `partitions` × `columns` × `y.stride`) work,
  ///   O(`partitions` × `columns` × 32) extra memory.
  func multiplyTransposed(_ y: DenseBlock, into z: inout DenseBlock, partitions: Int = 8) {
    precondition(y.rows == rows && z.rows == columns && y.stride == z.stride, "multiplyTransposed: shapes")
    let stride = y.stride
    let columns = columns
    guard columns > 0, stride > 0 else { return }
    let parts = max(1, min(partitions, rows))
    let bounds = rows > 0 ? balancedRowBounds(chunks: parts) : [0, 0]
    let widths = Swift.stride(from: 0, to: stride, by: 32).map { min(32, stride - $0) }
    var partial = [Float](repeating: 0, count: (bounds.count - 1) * columns * 32)
    let reduceChunks = max(1, min(columns, ProcessorCount.active * 4))
    rowPointers.withUnsafeBufferPointer { pointers in
      columnIndices.withUnsafeBufferPointer { indices in
        values.withUnsafeBufferPointer { values in
          y.storage.withUnsafeBufferPointer { ys in
            z.storage.withUnsafeMutableBufferPointer { zs in
              partial.withUnsafeMutableBufferPointer { buffers in
                let shared = UncheckedSendable(
                  (pointers.baseAddress!, indices.baseAddress, values.baseAddress, ys.baseAddress!,
                   zs.baseAddress!, buffers.baseAddress!))
                for (panel, width) in widths.enumerated() {
                  DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
                    let (p, i, v, y, _, b) = shared.value
                    let buffer = b + part * columns * 32
                    buffer.update(repeating: 0, count: columns * width)
                    guard let i, let v else { return }
                    for row in bounds[part]..<bounds[part + 1] where p[row] < p[row + 1] {
                      let source = y + row * stride + panel * 32
                      if width == 32 {
                        Self.scatter32(start: p[row], end: p[row + 1], indices: i, values: v, source: source, buffer: buffer)
                      } else {
                        Self.scatter16(start: p[row], end: p[row + 1], indices: i, values: v, source: source, buffer: buffer)
                      }
                    }
                  }
                  // Z[j, panel] = Σ over partitions, in partition order.
                  DispatchQueue.concurrentPerform(iterations: reduceChunks) { chunk in
                    let (_, _, _, _, z, b) = shared.value
                    for j in (columns * chunk / reduceChunks)..<(columns * (chunk + 1) / reduceChunks) {
                      let target = z + j * stride + panel * 32
                      target.update(from: b + j * width, count: width)
                      for part in 1..<max(bounds.count - 1, 1) {
                        let source = b + part * columns * 32 + j * width
                        for c in 0..<width { target[c] += source[c] }
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
  }

  /// `buffer[indices[e] * 32 ..< +32] += values[e] · source[0..<32]` over a row's entries.
  @inline(__always)
  private static func scatter32(
    start: Int, end: Int, indices: UnsafePointer<Int32>, values: UnsafePointer<Float>,
    source: UnsafePointer<Float>, buffer: UnsafeMutablePointer<Float>
  ) {
    let s = UnsafeRawPointer(source)
    let y0 = s.loadUnaligned(as: SIMD8<Float>.self)
    let y1 = s.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
    let y2 = s.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
    let y3 = s.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
    for e in start..<end {
      let v = SIMD8<Float>(repeating: values[e])
      let t = UnsafeMutableRawPointer(buffer) + Int(indices[e]) &* 128
      t.storeBytes(of: t.loadUnaligned(as: SIMD8<Float>.self) + v * y0, as: SIMD8<Float>.self)
      t.storeBytes(of: t.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) + v * y1, toByteOffset: 32, as: SIMD8<Float>.self)
      t.storeBytes(of: t.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self) + v * y2, toByteOffset: 64, as: SIMD8<Float>.self)
      t.storeBytes(of: t.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self) + v * y3, toByteOffset: 96, as: SIMD8<Float>.self)
    }
  }

  /// The 16-column version of `scatter32`, for a last, narrower panel.
  @inline(__always)
  private static func scatter16(
    start: Int, end: Int, indices: UnsafePointer<Int32>, values: UnsafePointer<Float>,
    source: UnsafePointer<Float>, buffer: UnsafeMutablePointer<Float>
  ) {
    let s = UnsafeRawPointer(source)
    let y0 = s.loadUnaligned(as: SIMD8<Float>.self)
    let y1 = s.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
    for e in start..<end {
      let v = SIMD8<Float>(repeating: values[e])
      let t = UnsafeMutableRawPointer(buffer) + Int(indices[e]) &* 64
      t.storeBytes(of: t.loadUnaligned(as: SIMD8<Float>.self) + v * y0, as: SIMD8<Float>.self)
      t.storeBytes(of: t.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) + v * y1, toByteOffset: 32, as: SIMD8<Float>.self)
    }
  }
}
