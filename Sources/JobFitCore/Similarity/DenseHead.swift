/// The terms of a query × item product that are cheaper to score as dense blocks than through
/// the inverted index, and where each lands in the dense block.
///
/// TF-IDF vocabularies are Zipfian: a few hundred frequent terms occur in most documents, and
/// through the inverted index they cost one scattered multiply-add per (query, item) pair that
/// shares them — on the 1000 × 1000 benchmark corpus the 256 terms with the most items were 89 %
/// of all entries visited. Packed as `queries × H` and `items × H` dense blocks, the same terms
/// cost H multiply-adds per pair inside `cblas_sgemm`, which runs about 50 of them in the time of
/// one scattered multiply-add (whose posting-list loads miss the cache), zeros included.
///
/// The choice per term `t` is a cost comparison. With `q(t)` queries and `x(t)` items holding `t`,
/// `n` queries and `m` items:
///
///     inverted index:  q(t) · x(t) · sparseCost
///     dense block:     n · m · denseCost
///
/// so `t` joins the head when `q(t) · x(t) / (n · m) > denseCost / sparseCost`, i.e. when the
/// fraction of pairs that share `t` beats the cost ratio (`breakEvenDensity`). The split itself
/// costs a dense `n × m` score tile (written by sgemm, read by the top-k fold) that the inverted
/// index does not need, so the head is used only if what it saves exceeds `n · m · tileCost`.
/// The constants are in units of one scattered multiply-add and were measured on the peer
/// benchmark corpora (Benchmarks/README.md).
struct DenseHead: Sendable {
  /// Head terms, most shared first; `terms[s]` is dense column `s`.
  let terms: [Int32]
  /// For each vocabulary column, its dense column, or −1 when the inverted index scores it.
  let slot: [Int32]

  var count: Int { terms.count }

  /// Dense multiply-adds per scattered one (OpenBLAS sgemm vs the tail scatter): perf on the
  /// 10000 × 2000 corpus put one scattered entry at ≈ 54 sgemm multiply-adds.
  static let breakEvenDensity = 1.0 / 48
  /// Below this many (query, item) pairs the plain inverted index is kept: the split's setup
  /// (packing, a second index) is not worth it, and `jobfit rank` (one résumé) stays as it was.
  static let minimumPairs = 1 << 16
  /// Cost of one score in the dense tile (sgemm's store plus the top-k fold's read), in
  /// scattered multiply-adds.
  static let tileCost = 0.4
  /// Largest head: beyond it, terms are rare enough that the scatter wins anyway.
  static let maximumTerms = 4096
  /// Budget for the packed `items × H` block, in floats (128 MiB).
  static let maximumItemFloats = 1 << 25

  /// The cost-model head for `queries × items`, or nil when the plain inverted index is cheaper.
  static func plan(queries: CSRMatrix, items: CSRMatrix) -> DenseHead? {
    let n = Double(queries.rows)
    let m = Double(items.rows)
    guard n > 0, m > 0, n * m >= Double(minimumPairs) else { return nil }
    let queryCounts = columnCounts(queries)
    let itemCounts = columnCounts(items)
    var shared: [(term: Int32, pairs: Double)] = []
    let threshold = breakEvenDensity * n * m
    for t in 0..<queries.columns {
      let pairs = Double(queryCounts[t]) * Double(itemCounts[t])
      if pairs > threshold { shared.append((Int32(t), pairs)) }
    }
    shared.sort { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : $0.term < $1.term }
    let limit = min(maximumTerms, maximumItemFloats / max(items.rows, 1))
    if shared.count > limit { shared.removeLast(shared.count - limit) }
    let saved = shared.reduce(0.0) { $0 + $1.pairs - threshold }
    guard !shared.isEmpty, saved > tileCost * n * m else { return nil }
    return DenseHead(terms: shared.map(\.term), columns: queries.columns)
  }

  /// A head of exactly the given terms, in that order.
  init(terms: [Int32], columns: Int) {
    self.terms = terms
    var slot = [Int32](repeating: -1, count: columns)
    for (s, t) in terms.enumerated() { slot[Int(t)] = Int32(s) }
    self.slot = slot
  }

  /// The `count` terms held by the most pairs (all of them when `count` exceeds the vocabulary
  /// with any pairs), for a caller-fixed head size.
  static func largest(_ count: Int, queries: CSRMatrix, items: CSRMatrix) -> DenseHead {
    let queryCounts = columnCounts(queries)
    let itemCounts = columnCounts(items)
    var shared: [(term: Int32, pairs: Int)] = []
    for t in 0..<queries.columns where queryCounts[t] > 0 && itemCounts[t] > 0 {
      shared.append((Int32(t), queryCounts[t] * itemCounts[t]))
    }
    shared.sort { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : $0.term < $1.term }
    return DenseHead(terms: shared.prefix(max(0, count)).map(\.term), columns: queries.columns)
  }

  /// Rows holding each column (the document frequency within `matrix`).
  static func columnCounts(_ matrix: CSRMatrix) -> [Int] {
    var counts = [Int](repeating: 0, count: matrix.columns)
    for c in matrix.columnIndices { counts[Int(c)] += 1 }
    return counts
  }

  /// Rows `rows` of `matrix` restricted to the head, as a dense `rows.count × count` block
  /// written into `out` (row-major, leading dimension `count`).
  func pack(_ matrix: CSRMatrix, rows: Range<Int>, into out: UnsafeMutablePointer<Float>) {
    let h = count
    out.update(repeating: 0, count: rows.count * h)
    matrix.columnIndices.withUnsafeBufferPointer { columns in
      matrix.values.withUnsafeBufferPointer { values in
        slot.withUnsafeBufferPointer { slot in
          for (r, row) in rows.enumerated() {
            let base = out + r * h
            for e in matrix.rowPointers[row]..<matrix.rowPointers[row + 1] {
              let s = Int(slot[Int(columns[e])])
              if s >= 0 { base[s] = values[e] }
            }
          }
        }
      }
    }
  }
}
