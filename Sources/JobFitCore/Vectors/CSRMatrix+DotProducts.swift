import Dispatch
import LinearAlgebra

extension CSRMatrix {
  /// Every dot product between the rows of `self` (queries) and the rows of `items`, as a dense
  /// `self.rows × items.rows` matrix: `S[q, d] = Σ_t self[q, t] · items[d, t]`.
  ///
  /// The items are transposed once into an inverted index (term → items holding it); each
  /// query row then walks only its own terms' postings and accumulates straight into its row of
  /// the result, so the cost is the number of (query term, item) pairs that actually share a
  /// term, not `rows × items × columns`. Query rows are split over all cores; each writes only
  /// its own output rows. Sums are in `Float`, in increasing term order, so results do not
  /// depend on the thread count.
  ///
  /// Meant for evaluation sizes (2,500 × 2,500 is 25 MB of scores); for large corpora use a
  /// top-k scorer that never stores the whole matrix (`SparseScorer`).
  ///
  /// - Throws: `JobFitError.dimensionMismatch` when the column counts differ.
  /// - Complexity: O(nnz(items) + rows · items.rows + Σ_q Σ_{t ∈ q} df(t)).
  public func dotProducts(with items: CSRMatrix) throws -> Matrix {
    guard columns == items.columns else {
      throw JobFitError.dimensionMismatch(expected: items.columns, actual: columns)
    }
    var result = Matrix(rows: rows, columns: items.rows)
    guard rows > 0, items.rows > 0 else { return result }
    let postings = items.transposed()
    let itemCount = items.rows
    let chunks = Swift.min(rows, ProcessorCount.active * 4)
    result.storage.withUnsafeMutableBufferPointer { buffer in
      let output = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = rows * chunk / chunks
        let end = rows * (chunk + 1) / chunks
        for query in start..<end {
          let scores = output.value.baseAddress.unsafelyUnwrapped + query * itemCount
          withRow(query) { terms, weights in
            for (term, weight) in zip(terms, weights) {
              // The hot loop: once per (query term, item holding it) pair.
              postings.withRow(Int(term)) { items, itemWeights in
                for posting in 0..<items.count {
                  scores[Int(items[posting])] += weight * itemWeights[posting]
                }
              }
            }
          }
        }
      }
    }
    return result
  }
}
