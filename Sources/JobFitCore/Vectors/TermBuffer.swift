/// The terms of one document as UTF-8 bytes back to back, reused from document to document so
/// the vectorizer's inner loop allocates nothing per token.
///
/// Term `i` is `bytes[ends[i - 1] ..< ends[i]]` (from 0 for the first). A class with manually
/// managed memory: one per worker thread, never shared.
package final class TermBuffer {
  // Dynamic exclusivity checks on these properties cost more than the work of a token; the
  // buffer is confined to one thread and no access overlaps another.
  @exclusivity(unchecked) private(set) var bytes: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var byteCapacity: Int
  @exclusivity(unchecked) private(set) var ends: UnsafeMutablePointer<Int>
  @exclusivity(unchecked) private var termCapacity: Int
  /// Number of terms.
  @exclusivity(unchecked) package private(set) var count = 0
  /// Bytes written, including a run in progress.
  @exclusivity(unchecked) var byteCount = 0
  /// When not nil, `SklearnAnalyzer` appends each term's source byte range (start, end).
  @exclusivity(unchecked) var sourceRanges: [Int]?

  package init(capacity: Int = 4096) {
    byteCapacity = capacity
    termCapacity = capacity / 2
    bytes = .allocate(capacity: byteCapacity)
    ends = .allocate(capacity: termCapacity)
  }

  deinit {
    bytes.deallocate()
    ends.deallocate()
  }

  /// Empties the buffer and makes room for `bytes` more bytes and `terms` more terms.
  package func reset(reservingBytes bytes: Int = 0, terms: Int = 0) {
    count = 0
    byteCount = 0
    sourceRanges?.removeAll(keepingCapacity: true)
    reserve(bytes: bytes, terms: terms)
  }

  /// Makes room for `bytes` more bytes and `terms` more terms.
  func reserve(bytes extra: Int, terms extraTerms: Int) {
    if byteCount + extra > byteCapacity {
      let capacity = max(byteCapacity * 2, byteCount + extra)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.update(from: bytes, count: byteCount)
      bytes.deallocate()
      bytes = grown
      byteCapacity = capacity
    }
    if count + extraTerms > termCapacity {
      let capacity = max(termCapacity * 2, count + extraTerms)
      let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
      grown.update(from: ends, count: count)
      ends.deallocate()
      ends = grown
      termCapacity = capacity
    }
  }

  /// Ends the term whose bytes were written since the previous term ended.
  @inline(__always)
  func endTerm() {
    ends[count] = byteCount
    count += 1
  }

  /// Sets the term and byte counts after a writer filled `bytes` and `ends` directly (within
  /// the reserved capacity).
  @inline(__always)
  func setContents(terms: Int, bytes: Int) {
    count = terms
    byteCount = bytes
  }

  /// Appends a whole term.
  package func append(_ term: UnsafeBufferPointer<UInt8>) {
    reserve(bytes: term.count, terms: 1)
    if let base = term.baseAddress { (bytes + byteCount).update(from: base, count: term.count) }
    byteCount += term.count
    endTerm()
  }

  /// Term `index`; valid until the buffer is next changed.
  @inline(__always)
  package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = index == 0 ? 0 : ends[index - 1]
    return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
  }
}
