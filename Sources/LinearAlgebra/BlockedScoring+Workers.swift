import Dispatch
import Synchronization

/// One `topK` call's pointers and tile shape, shared by the workers that fill disjoint heaps.
///
/// Workers claim query blocks `[q0, q0 + queryBlock)` from a shared counter, so a worker that the
/// OS preempts on a busy machine simply takes fewer blocks. For each block they walk the items in
/// order, `itemBlock` rows per `sgemm`, and fold every tile row into its query's heap at once.
struct TileJob: @unchecked Sendable {
  let queries: UnsafePointer<Float>
  let queryRows: Int
  let items: UnsafePointer<Float>
  let itemRows: Int
  let dimension: Int
  let queryBlock: Int
  let itemBlock: Int
  let heaps: UnsafeMutablePointer<TopKHeap>

  /// `workers` threads, each with its own tile; the BLAS should be single-threaded meanwhile.
  func runWorkers(_ workers: Int) {
    let blocks = (queryRows + queryBlock - 1) / queryBlock
    let next = Atomic<Int>(0)
    let count = min(workers, blocks)
    DispatchQueue.concurrentPerform(iterations: count) { _ in
      let tile = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * itemBlock)
      defer { tile.deallocate() }
      while true {
        let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard block < blocks else { return }
        scoreBlock(block * queryBlock, tile: tile)
      }
    }
  }

  /// One tile at a time, each `sgemm` using the BLAS's own threads, each fold split over rows.
  func runSequential() throws {
    let tile = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * itemBlock)
    defer { tile.deallocate() }
    for q0 in stride(from: 0, to: queryRows, by: queryBlock) {
      let rows = min(queryBlock, queryRows - q0)
      for i0 in stride(from: 0, to: itemRows, by: itemBlock) {
        let columns = min(itemBlock, itemRows - i0)
        try multiply(q0: q0, rows: rows, i0: i0, columns: columns, tile: tile)
        let chunks = rows * columns >= 1 << 16 ? min(rows, ProcessorCount.active * 2) : 1
        let shared = SharedTile(base: tile)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          fold(tile: shared.base, q0: q0, rows: (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks),
            i0: i0, columns: columns)
        }
      }
    }
  }

  /// Scores query rows `[q0, q0 + queryBlock)` against every item, tile by tile, and folds them.
  private func scoreBlock(_ q0: Int, tile: UnsafeMutablePointer<Float>) {
    let rows = min(queryBlock, queryRows - q0)
    for i0 in stride(from: 0, to: itemRows, by: itemBlock) {
      let columns = min(itemBlock, itemRows - i0)
      // Sizes were checked against Int32 before the workers started.
      try? multiply(q0: q0, rows: rows, i0: i0, columns: columns, tile: tile)
      fold(tile: tile, q0: q0, rows: 0..<rows, i0: i0, columns: columns)
    }
  }

  private func multiply(
    q0: Int, rows: Int, i0: Int, columns: Int, tile: UnsafeMutablePointer<Float>
  ) throws {
    try GEMM.multiplyTransposed(
      m: rows, n: columns, k: dimension, a: queries + q0 * dimension, lda: dimension,
      b: items + i0 * dimension, ldb: dimension, c: tile, ldc: columns)
  }

  /// Offers tile rows `rows` (query `q0 + r`, items `i0 ..< i0 + columns`) to their heaps.
  private func fold(
    tile: UnsafeMutablePointer<Float>, q0: Int, rows: Range<Int>, i0: Int, columns: Int
  ) {
    for r in rows {
      heaps[q0 + r].offer(
        UnsafeBufferPointer(start: tile + r * columns, count: columns), indexOffset: i0)
    }
  }
}

/// A scratch tile read by fold workers that touch disjoint rows.
private struct SharedTile: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
}
