import Dispatch
import LinearAlgebra

// MARK: - Split scoring: dense head through sgemm, sparse tail through the inverted index

extension SparseScorer {
  /// Top-k with the vocabulary split into a dense `head` and a sparse tail.
  ///
  /// For each block of `b` queries: their head entries are packed into a `b × H` block, one
  /// `cblas_sgemm` against the packed `items × H` head writes `b × items` partial scores into a
  /// tile, each query then adds its tail terms by walking the tail's inverted index into its
  /// tile row, and the row is folded into a top-k heap. A term is in exactly one part, so each
  /// score is the whole dot product `Σₜ q[t] · x[t]` (summed in a different order than the plain
  /// path, so scores may differ from it in the last bits). Memory: O(items × H + b × items).
  func splitTopK(
    queries: CSRMatrix, items: CSRMatrix, k: Int, head: DenseHead,
    progress: (@Sendable (Int) -> Void)?
  ) throws -> [[ScoredIndex]] {
    let n = queries.rows
    let m = items.rows
    let h = head.count
    let tail = TailIndex(items: items, head: head)
    var itemBlock = [Float](repeating: 0, count: m * h)
    itemBlock.withUnsafeMutableBufferPointer { out in
      guard let out = out.baseAddress else { return }
      head.pack(items, rows: 0..<m, into: out)
    }
    // About 4 MiB of tile: large enough for sgemm to run at speed, small enough to stay cached.
    let qb = max(1, min(n, max(32, (1 << 20) / m), 512))
    var queryBlock = [Float](repeating: 0, count: qb * h)
    var tile = [Float](repeating: 0, count: qb * m)
    var results = [[ScoredIndex]](repeating: [], count: n)
    var done = 0
    try itemBlock.withUnsafeBufferPointer { x in
      try queryBlock.withUnsafeMutableBufferPointer { qBlock in
        try tile.withUnsafeMutableBufferPointer { t in
          guard let x = x.baseAddress, let qBlock = qBlock.baseAddress, let t = t.baseAddress
          else { return }
          for q0 in stride(from: 0, to: n, by: qb) {
            let rows = min(qb, n - q0)
            head.pack(queries, rows: q0..<q0 + rows, into: qBlock)
            try GEMM.multiplyTransposed(
              m: rows, n: m, k: h, a: qBlock, lda: h, b: x, ldb: h, c: t, ldc: m)
            let shared = UncheckedSendable(t)
            let chunks = min(rows, ProcessorCount.active * 2)
            results.withUnsafeMutableBufferPointer { buffer in
              let out = UncheckedSendable(buffer)
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for r in (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks) {
                  let row = shared.value + r * m
                  tail.add(query: q0 + r, of: queries, into: row)
                  var heap = TopKHeap(k: k)
                  heap.offer(UnsafeBufferPointer(start: row, count: m), indexOffset: 0)
                  out.value[q0 + r] = heap.sorted()
                }
              }
            }
            done += rows
            progress?(done)
          }
        }
      }
    }
    return results
  }
}

/// The inverted index (term → items holding it) of the tail terms only: the items' transpose
/// with the head columns left out, so the scatter loop never tests for them.
struct TailIndex: Sendable {
  /// `columns + 1` offsets; head columns are empty.
  let pointers: [Int]
  let itemIndices: [Int32]
  let values: [Float]

  init(items: CSRMatrix, head: DenseHead) {
    var pointers = [Int](repeating: 0, count: items.columns + 1)
    for c in items.columnIndices where head.slot[Int(c)] < 0 { pointers[Int(c) + 1] += 1 }
    for c in 0..<items.columns { pointers[c + 1] += pointers[c] }
    var next = pointers
    let total = pointers[items.columns]
    var itemIndices = [Int32](repeating: 0, count: total)
    var values = [Float](repeating: 0, count: total)
    for i in 0..<items.rows {
      for e in items.rowPointers[i]..<items.rowPointers[i + 1] {
        let c = Int(items.columnIndices[e])
        guard head.slot[c] < 0 else { continue }
        itemIndices[next[c]] = Int32(i)
        values[next[c]] = items.values[e]
        next[c] += 1
      }
    }
    self.pointers = pointers
    self.itemIndices = itemIndices
    self.values = values
  }

  /// Adds `q[t] · x[t]` over the tail terms `t` of query row `query` into `scores[x]`.
  func add(query: Int, of queries: CSRMatrix, into scores: UnsafeMutablePointer<Float>) {
    pointers.withUnsafeBufferPointer { pointers in
      itemIndices.withUnsafeBufferPointer { itemIndices in
        values.withUnsafeBufferPointer { values in
          queries.columnIndices.withUnsafeBufferPointer { terms in
            queries.values.withUnsafeBufferPointer { weights in
              for p in queries.rowPointers[query]..<queries.rowPointers[query + 1] {
                let term = Int(terms[p])
                let weight = weights[p]
                for e in pointers[term]..<pointers[term + 1] {
                  scores[Int(itemIndices[e])] += weight * values[e]
                }
              }
            }
          }
        }
      }
    }
  }
}
