import Dispatch
import Foundation
import LinearAlgebra

/// Exact top-k cosine search between sparse rows (TF-IDF), by accumulating over an inverted index.
///
/// The items are transposed once into columns (term → items containing it), and each query walks
/// only the columns of its own terms, adding `q[t] · x[t]` into a dense accumulator of item
/// scores. The accumulator is reused per thread, and only the items a query touched are scanned
/// for its top k, so the `queries × items` score matrix never exists: memory is
/// O(items × threads + queries × k). With L2-normalised rows the sum is the cosine similarity.
///
/// For large products the frequent terms are scored as dense blocks instead (see `DenseHead`):
/// the terms shared by many (query, item) pairs go through `cblas_sgemm` into a score tile, the
/// rest are scattered into the same tile through the inverted index, so the result is the same
/// dot product, several times faster on Zipfian TF-IDF rows.
public struct SparseScorer: Sendable {
  /// How many of the most shared terms are scored as dense blocks: `nil` lets the cost model in
  /// `DenseHead` choose (none for small products), 0 always uses the inverted index alone.
  public var denseTerms: Int?

  public init(denseTerms: Int? = nil) {
    precondition(denseTerms.map { $0 >= 0 } ?? true, "denseTerms must be non-negative")
    self.denseTerms = denseTerms
  }

  /// The `k` best items for each query row, best first; ties by lower item index.
  ///
  /// When a query touches fewer than `k` items, the rest of its list is filled with untouched
  /// items at score 0 in index order, so every query gets `min(k, items.rows)` results. (For
  /// rows with negative values the dense-head path ranks untouched items at 0 among all others;
  /// TF-IDF rows are non-negative, where both paths agree.)
  ///
  /// - Throws: `JobFitError.dimensionMismatch` when the column counts differ.
  /// - Complexity: O(nnz(items)) to transpose, then for each query Σ over its terms of the
  ///   term's item count.
  public func topK(
    queries: CSRMatrix, items: CSRMatrix, k: Int, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [[ScoredIndex]] {
    guard queries.columns == items.columns else {
      throw JobFitError.dimensionMismatch(expected: items.columns, actual: queries.columns)
    }
    let k = min(max(k, 0), items.rows)
    guard k > 0, queries.rows > 0 else { return Array(repeating: [], count: queries.rows) }
    let head: DenseHead? =
      switch denseTerms {
      case nil: DenseHead.plan(queries: queries, items: items)
      case 0?: nil
      case let count?: DenseHead.largest(count, queries: queries, items: items)
      }
    if let head, head.count > 0 {
      return try splitTopK(queries: queries, items: items, k: k, head: head, progress: progress)
    }
    let columns = items.transposed()
    let itemCount = items.rows
    var results = [[ScoredIndex]](repeating: [], count: queries.rows)
    let chunkCount = min(queries.rows, ProcessorCount.active * 4)
    let done = Counter()
    results.withUnsafeMutableBufferPointer { out in
      let out = UncheckedSendable(out)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let start = queries.rows * chunk / chunkCount
        let end = queries.rows * (chunk + 1) / chunkCount
        var scratch = Scratch(itemCount: itemCount)
        for q in start..<end {
          out.value[q] = Self.scoreOne(
            query: q, queries: queries, columns: columns, k: k, scratch: &scratch)
        }
        if let progress { progress(done.add(end - start)) }
      }
    }
    return results
  }

  private static func scoreOne(
    query q: Int, queries: CSRMatrix, columns: CSRMatrix, k: Int,
    scratch: inout Scratch
  ) -> [ScoredIndex] {
    scratch.touched.removeAll(keepingCapacity: true)
    scratch.generation &+= 1
    let generation = scratch.generation
    scratch.accumulator.withUnsafeMutableBufferPointer { acc in
      scratch.stamp.withUnsafeMutableBufferPointer { stamp in
        for p in queries.rowPointers[q]..<queries.rowPointers[q + 1] {
          let term = Int(queries.columnIndices[p])
          let weight = queries.values[p]
          for e in columns.rowPointers[term]..<columns.rowPointers[term + 1] {
            let item = Int(columns.columnIndices[e])
            if stamp[item] != generation {
              stamp[item] = generation
              acc[item] = 0
              scratch.touched.append(Int32(item))
            }
            acc[item] += weight * columns.values[e]
          }
        }
      }
    }
    var heap = TopKHeap(k: k)
    for item in scratch.touched { heap.insert(index: item, score: scratch.accumulator[Int(item)]) }
    if heap.count < k {
      // Fill with untouched items at score 0, lowest index first (the tie order).
      var i = 0
      while heap.count < k && i < scratch.stamp.count {
        if scratch.stamp[i] != generation { heap.insert(index: Int32(i), score: 0) }
        i += 1
      }
    }
    return heap.sorted()
  }
}

/// Per-thread buffers: item scores, and a generation stamp per item that marks "touched by the
/// current query" without clearing the whole array between queries.
private struct Scratch {
  var accumulator: [Float]
  var stamp: [UInt32]
  var generation: UInt32 = 0
  var touched: [Int32] = []

  init(itemCount: Int) {
    accumulator = [Float](repeating: 0, count: itemCount)
    stamp = [UInt32](repeating: 0, count: itemCount)
    touched.reserveCapacity(1024)
  }
}

/// A thread-safe running total for progress reports.
final class Counter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()
  func add(_ n: Int) -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += n
    return value
  }
}
