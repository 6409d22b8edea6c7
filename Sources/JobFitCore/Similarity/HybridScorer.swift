import Dispatch
import LinearAlgebra

/// Exact top-k over a sum of a sparse and a dense inner product:
/// `score(q, x) = sparse(q) · sparse(x) + dense(q) · dense(x)`.
///
/// This is how lexical/skills channels (sparse rows) and semantic channels (dense embeddings)
/// blend without an N × M matrix: queries are taken in blocks of `queryBlock`; for each block one
/// `cblas_sgemm` writes the dense scores of the block against every item into a
/// `queryBlock × items` tile, each query then adds its sparse contributions by walking the items'
/// inverted index, and the row is folded into a top-k heap. Memory is
/// O(queryBlock × items + queries × k).
public struct HybridScorer: Sendable {
  /// Query rows per tile; the tile holds `queryBlock × items` floats.
  public var queryBlock: Int

  public init(queryBlock: Int = 64) {
    precondition(queryBlock > 0, "queryBlock must be positive")
    self.queryBlock = queryBlock
  }

  /// The `k` best items per query, best first, ties by lower item index.
  ///
  /// - Throws: `JobFitError.dimensionMismatch` when row counts or widths disagree.
  public func topK(
    sparseQueries: CSRMatrix, sparseItems: CSRMatrix, denseQueries: Matrix, denseItems: Matrix,
    k: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [[ScoredIndex]] {
    guard sparseQueries.columns == sparseItems.columns else {
      throw JobFitError.dimensionMismatch(
        expected: sparseItems.columns, actual: sparseQueries.columns)
    }
    guard denseQueries.columns == denseItems.columns else {
      throw JobFitError.dimensionMismatch(
        expected: denseItems.columns, actual: denseQueries.columns)
    }
    guard sparseQueries.rows == denseQueries.rows, sparseItems.rows == denseItems.rows else {
      throw JobFitError.dimensionMismatch(expected: sparseItems.rows, actual: denseItems.rows)
    }
    let n = sparseQueries.rows
    let m = sparseItems.rows
    let k = min(max(k, 0), m)
    guard k > 0, n > 0 else { return Array(repeating: [], count: n) }
    let columns = sparseItems.transposed()
    let d = denseQueries.columns
    let qb = max(1, min(queryBlock, n, max(1, (1 << 22) / max(m, 1))))
    var tile = [Float](repeating: 0, count: qb * m)
    var results = [[ScoredIndex]](repeating: [], count: n)
    let done = Counter()
    try denseQueries.storage.withUnsafeBufferPointer { q in
      try denseItems.storage.withUnsafeBufferPointer { x in
        try tile.withUnsafeMutableBufferPointer { t in
          guard let t = t.baseAddress else { return }
          for q0 in stride(from: 0, to: n, by: qb) {
            let rows = min(qb, n - q0)
            if d > 0, let q = q.baseAddress, let x = x.baseAddress {
              try GEMM.multiplyTransposed(
                m: rows, n: m, k: d, a: q + q0 * d, lda: d, b: x, ldb: d, c: t, ldc: m)
            } else {
              t.update(repeating: 0, count: rows * m)
            }
            let shared = UncheckedSendable(t)
            let chunks = min(rows, ProcessorCount.active * 2)
            results.withUnsafeMutableBufferPointer { buffer in
              let block = UncheckedSendable(buffer)
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for r in (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks) {
                  let row = shared.value + r * m
                  let query = q0 + r
                  for p in sparseQueries.rowPointers[query]..<sparseQueries.rowPointers[query + 1] {
                    let term = Int(sparseQueries.columnIndices[p])
                    let weight = sparseQueries.values[p]
                    for e in columns.rowPointers[term]..<columns.rowPointers[term + 1] {
                      row[Int(columns.columnIndices[e])] += weight * columns.values[e]
                    }
                  }
                  var heap = TopKHeap(k: k)
                  heap.offer(UnsafeBufferPointer(start: row, count: m), indexOffset: 0)
                  block.value[query] = heap.sorted()
                }
              }
            }
            progress?(done.add(rows))
          }
        }
      }
    }
    return results
  }
}
