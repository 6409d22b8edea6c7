import Dispatch

/// Top-k inner-product search of many query rows against many item rows, through BLAS.
///
/// Scores are computed tile by tile — `queryBlock × itemBlock` with `cblas_sgemm` — and each tile
/// is folded into per-query top-k heaps before the next one is computed, so the full
/// `queries × items` score matrix never exists. Memory is O(queryBlock × itemBlock + queries × k).
/// With L2-normalised rows the inner product is the cosine similarity.
///
/// The shape follows faiss's `exhaustive_inner_product_seq` / `_blas` split: below
/// `blasThreshold` multiply-adds a plain loop is used, because BLAS call overhead dominates tiny
/// products.
public struct BlockedScorer: Sendable {
  /// Query rows per tile.
  public var queryBlock: Int
  /// Item rows per tile; `queryBlock × itemBlock` floats are the scratch buffer (4 MiB default).
  public var itemBlock: Int
  /// Products smaller than this many multiply-adds use the plain loop.
  public var blasThreshold: Int

  public init(queryBlock: Int = 256, itemBlock: Int = 4096, blasThreshold: Int = 16_384) {
    precondition(queryBlock > 0 && itemBlock > 0, "block sizes must be positive")
    self.queryBlock = queryBlock
    self.itemBlock = itemBlock
    self.blasThreshold = blasThreshold
  }

  /// The `k` highest-scoring items for every query, best first (ties: lower item index first).
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the column counts differ.
  /// - Complexity: O(q · n · d) multiply-adds plus O(q · n · log k) heap work in the worst case.
  public func topK(queries: Matrix, items: Matrix, k: Int) throws -> [[ScoredIndex]] {
    guard queries.columns == items.columns else {
      throw LinearAlgebraError.dimensionMismatch(
        "queries have \(queries.columns) columns, items have \(items.columns)")
    }
    let k = min(max(k, 0), items.rows)
    var heaps = [TopKHeap](repeating: TopKHeap(k: k), count: queries.rows)
    guard k > 0, queries.rows > 0 else { return heaps.map { $0.sorted() } }

    let d = queries.columns
    if queries.rows * items.rows * max(d, 1) < blasThreshold {
      plainLoop(queries: queries, items: items, heaps: &heaps)
      return heaps.map { $0.sorted() }
    }

    let qb = min(queryBlock, queries.rows)
    let ib = min(itemBlock, items.rows)
    var tile = [Float](repeating: 0, count: qb * ib)
    try queries.storage.withUnsafeBufferPointer { q in
      try items.storage.withUnsafeBufferPointer { x in
        try tile.withUnsafeMutableBufferPointer { t in
          try heaps.withUnsafeMutableBufferPointer { h in
            guard let q = q.baseAddress, let x = x.baseAddress, let t = t.baseAddress,
              let h = h.baseAddress
            else { return }
            for q0 in stride(from: 0, to: queries.rows, by: qb) {
              let qn = min(qb, queries.rows - q0)
              for i0 in stride(from: 0, to: items.rows, by: ib) {
                let n = min(ib, items.rows - i0)
                try GEMM.multiplyTransposed(
                  m: qn, n: n, k: d, a: q + q0 * d, lda: d, b: x + i0 * d, ldb: d, c: t, ldc: n)
                Self.fold(tile: t, rows: qn, columns: n, itemOffset: i0, heaps: h + q0)
              }
            }
          }
        }
      }
    }
    return heaps.map { $0.sorted() }
  }

  /// Folds a `rows × columns` tile into `rows` heaps, in parallel over rows for large tiles.
  private static func fold(
    tile: UnsafeMutablePointer<Float>, rows: Int, columns: Int, itemOffset: Int,
    heaps: UnsafeMutablePointer<TopKHeap>
  ) {
    let shared = SendablePointers(tile: tile, heaps: heaps)
    let work = rows * columns
    let chunks = work >= 1 << 16 ? min(rows, ProcessorCount.active * 2) : 1
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let start = rows * chunk / chunks
      let end = rows * (chunk + 1) / chunks
      for r in start..<end {
        let scores = UnsafeBufferPointer(start: shared.tile + r * columns, count: columns)
        shared.heaps[r].offer(scores, indexOffset: itemOffset)
      }
    }
  }

  private func plainLoop(queries: Matrix, items: Matrix, heaps: inout [TopKHeap]) {
    let d = queries.columns
    for qi in 0..<queries.rows {
      for xi in 0..<items.rows {
        var s: Float = 0
        for j in 0..<d { s += queries.storage[qi * d + j] * items.storage[xi * d + j] }
        heaps[qi].insert(index: Int32(xi), score: s)
      }
    }
  }
}

/// Raw pointers handed to worker threads that write disjoint rows.
private struct SendablePointers: @unchecked Sendable {
  let tile: UnsafeMutablePointer<Float>
  let heaps: UnsafeMutablePointer<TopKHeap>
}
