import Dispatch
import Foundation

/// Where a vectorizer's terms come from: texts through an analyzer, or ready-made term lists.
enum TermSource: Sendable {
  /// Texts through `SklearnAnalyzer`'s allocation-free path.
  case sklearn([String])
  /// Texts through any analyzer's `tokens(in:)`.
  case analyzer([String], any TextAnalyzer)
  /// Pre-analyzed documents.
  case termLists([[String]])

  init(_ documents: [String], analyzer: any TextAnalyzer) {
    self = analyzer is SklearnAnalyzer ? .sklearn(documents) : .analyzer(documents, analyzer)
  }

  var count: Int {
    switch self {
    case let .sklearn(documents), let .analyzer(documents, _): documents.count
    case let .termLists(lists): lists.count
    }
  }

  /// Replaces the contents of `buffer` with the terms of document `index`, in order.
  func terms(ofDocument index: Int, into buffer: TermBuffer) {
    buffer.reset()
    switch self {
    case let .sklearn(documents):
      SklearnAnalyzer().appendTerms(of: documents[index], to: buffer)
    case let .analyzer(documents, analyzer):
      for token in analyzer.tokens(in: documents[index]) {
        var term = token.term
        term.withUTF8 { buffer.append($0) }
      }
    case let .termLists(lists):
      for var term in lists[index] { term.withUTF8 { buffer.append($0) } }
    }
  }
}

/// The term counts of a contiguous chunk of documents, with chunk-local term ids.
struct ChunkCounts: Sendable {
  /// Local term id ↔ bytes.
  var table = TermTable()
  /// Documents of the chunk containing each local term.
  var documentFrequency: [Int] = []
  /// Occurrences of each local term in the chunk.
  var termFrequency: [Int] = []
  /// Per document, the range of `termIDs` / `counts` holding its distinct terms.
  var rowPointers: [Int] = [0]
  var termIDs: [Int32] = []
  var counts: [Int32] = []

  /// Counts the terms of `documents` of `source`.
  ///
  /// Per document: look up every token's local id (one hash lookup per token), then fold
  /// repeats into per-document (id, count) entries through `lastSeen`, all on raw pointers so the
  /// token loop pays no array uniqueness or bounds checks; entries are appended once per document.
  /// - Complexity: O(tokens).
  init(source: TermSource, documents: Range<Int>) {
    // Start near the size a chunk's vocabulary reaches, to skip most rehashes on the way.
    table = TermTable(minimumCapacity: min(1 << 15, max(64, documents.count * 16)))
    let buffer = TermBuffer()
    // Per local id: (document within the chunk that last held it) << 32 | its entry in the
    // document's scratch entries.
    var lastSeen: [UInt64] = []
    var ids: [Int32] = []
    var documentIDs: [Int32] = []
    var documentCounts: [Int32] = []
    rowPointers.reserveCapacity(documents.count + 1)
    for (document, sourceIndex) in documents.enumerated() {
      source.terms(ofDocument: sourceIndex, into: buffer)
      let tokens = buffer.count
      if ids.count < tokens {
        ids = Array(repeating: 0, count: tokens * 2)
        documentIDs = ids
        documentCounts = ids
      }
      ids.withUnsafeMutableBufferPointer { ids in
        for index in 0..<tokens { ids[index] = table.insert(buffer[index]) }
      }
      if lastSeen.count < table.count {
        lastSeen.append(contentsOf: repeatElement(UInt64.max, count: table.count - lastSeen.count))
      }
      let tag = UInt64(document) << 32
      var distinct = 0
      lastSeen.withUnsafeMutableBufferPointer { lastSeen in
        ids.withUnsafeBufferPointer { ids in
          documentIDs.withUnsafeMutableBufferPointer { documentIDs in
            documentCounts.withUnsafeMutableBufferPointer { documentCounts in
              for index in 0..<tokens {
                let id = Int(ids[index])
                let seen = lastSeen[id]
                if seen & 0xFFFF_FFFF_0000_0000 == tag {
                  documentCounts[Int(truncatingIfNeeded: seen & 0xFFFF_FFFF)] &+= 1
                } else {
                  lastSeen[id] = tag | UInt64(distinct)
                  documentIDs[distinct] = Int32(truncatingIfNeeded: id)
                  documentCounts[distinct] = 1
                  distinct &+= 1
                }
              }
            }
          }
        }
      }
      if document == 15 {
        // Reserve for the whole chunk from the first documents' size, to spare regrowth copies.
        let estimate = termIDs.count / 15 * documents.count * 9 / 8 + distinct
        termIDs.reserveCapacity(estimate)
        counts.reserveCapacity(estimate)
      }
      termIDs.append(contentsOf: documentIDs[0..<distinct])
      counts.append(contentsOf: documentCounts[0..<distinct])
      rowPointers.append(termIDs.count)
    }
    // Frequencies per term, from the per-document entries (cheaper than per token).
    documentFrequency = Array(repeating: 0, count: table.count)
    termFrequency = Array(repeating: 0, count: table.count)
    documentFrequency.withUnsafeMutableBufferPointer { documentFrequency in
      termFrequency.withUnsafeMutableBufferPointer { termFrequency in
        for (id, count) in zip(termIDs, counts) {
          documentFrequency[Int(id)] &+= 1
          termFrequency[Int(id)] &+= Int(count)
        }
      }
    }
  }
}

// MARK: - Parallelism

/// Splits `0..<count` into chunks of consecutive documents, a few per core.
///
/// Results never depend on the split: rows are computed independently and counts are summed as
/// integers, so output is identical for any core count.
func documentChunks(count: Int, minimumSize: Int = 64) -> [Range<Int>] {
  guard count > 0 else { return [] }
  let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
  let size = max(minimumSize, (count + cores * 4 - 1) / (cores * 4))
  return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
}

/// `(0..<count).map(body)`, evaluated on all cores; results in index order.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  guard count > 1 else { return (0..<count).map(body) }
  var results = [T?](repeating: nil, count: count)
  results.withUnsafeMutableBufferPointer { buffer in
    let output = UncheckedBuffer(base: buffer)
    // Each iteration writes only its own slot.
    DispatchQueue.concurrentPerform(iterations: count) { index in output.base[index] = body(index) }
  }
  return results.compactMap { $0 }
}

/// Lets `parallelMap` share its output buffer; iterations write disjoint slots.
private struct UncheckedBuffer<T>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<T>
}
