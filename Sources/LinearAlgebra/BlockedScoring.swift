import Dispatch

/// Top-k inner-product search of many query rows against many item rows, through BLAS.
///
/// Scores are computed tile by tile — `queryBlock × itemBlock` with `cblas_sgemm` — and each tile
/// is folded into per-query top-k heaps before the next one is computed, so the full
/// `queries × items` score matrix never exists. Memory is O(threads × queryBlock × itemBlock +
/// queries × k). With L2-normalised rows the inner product is the cosine similarity.
///
/// When the BLAS lets us limit its threads (OpenBLAS), each of `threads` workers takes whole
/// query blocks, runs a single-threaded `sgemm` per tile and folds the tile while it is still in
/// cache; no barrier separates the BLAS from the fold. Otherwise — or with too few queries to
/// share out — tiles are computed one after another by the BLAS's own threads and folded in
/// parallel. Either way every query sees its items in index order, so the answer does not depend
/// on the thread count. Below `blasThreshold` multiply-adds a plain loop is used, because BLAS call
/// overhead dominates tiny products (faiss's `exhaustive_inner_product_seq` / `_blas` split).
public struct BlockedScorer: Sendable {
  /// Query rows per tile.
  public var queryBlock: Int
  /// Item rows per tile; each worker's scratch tile is `queryBlock × itemBlock` floats (2 MiB by
  /// default: still in L3 when it is folded, and large enough that packing the item panel for
  /// each tile stays a few percent of the multiply; 512 × 1024 measured best of 256–1024 ×
  /// 512–2048 at 256 dimensions).
  public var itemBlock: Int
  /// Products smaller than this many multiply-adds use the plain loop.
  public var blasThreshold: Int
  /// Workers for the per-thread path (default: `ProcessorCount.active`).
  public var threads: Int

  public init(
    queryBlock: Int = 512, itemBlock: Int = 1024, blasThreshold: Int = 16_384,
    threads: Int = ProcessorCount.active
  ) {
    precondition(queryBlock > 0 && itemBlock > 0, "block sizes must be positive")
    self.queryBlock = queryBlock
    self.itemBlock = itemBlock
    self.blasThreshold = blasThreshold
    self.threads = max(1, threads)
  }

  /// The `k` highest-scoring items for every query, best first (ties: lower item index first).
  ///
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the column counts differ;
  ///   `LinearAlgebraError.dimensionTooLarge` when a tile size exceeds the BLAS's `Int32`.
  /// - Complexity: O(q · n · d) multiply-adds plus O(q · n · log k) heap work in the worst case
  ///   (O(q · n) compares when, as usual, few scores beat the running k-th best).
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

    // Workers get at least four query blocks each when the rows allow (blocks of 32 rows or more),
    // so one preempted on a busy machine leaves blocks for the others. The tile shape only decides
    // which sgemm call computes a score; each heap still sees its items in index order.
    let share = (queries.rows + 4 * threads - 1) / (4 * threads)
    let workerBlock = min(queryBlock, queries.rows, max(32, share))
    let sequentialBlock = min(queryBlock, queries.rows)
    let ib = min(itemBlock, items.rows)
    // Checked once here so the workers' sgemm calls cannot fail.
    _ = try (blasInt(sequentialBlock, "queryBlock"), blasInt(ib, "itemBlock"), blasInt(d, "columns"))
    try queries.storage.withUnsafeBufferPointer { q in
      try items.storage.withUnsafeBufferPointer { x in
        try heaps.withUnsafeMutableBufferPointer { h in
          guard let q = q.baseAddress, let x = x.baseAddress, let h = h.baseAddress else { return }
          func job(queryBlock: Int) -> TileJob {
            TileJob(
              queries: q, queryRows: queries.rows, items: x, itemRows: items.rows, dimension: d,
              queryBlock: queryBlock, itemBlock: ib, heaps: h)
          }
          // Per-thread path when every worker gets at least a few dozen query rows.
          if threads == 1 || queries.rows >= threads * 32,
            BLASThreads.singleThreaded({ job(queryBlock: workerBlock).runWorkers(threads) }) != nil
          {
            return
          }
          try job(queryBlock: sequentialBlock).runSequential()
        }
      }
    }
    return heaps.map { $0.sorted() }
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
