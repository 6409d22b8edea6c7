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

  /// Calls `body` with the UTF-8 bytes of each term of document `index`, in order.
  func forEachTerm(ofDocument index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    switch self {
    case let .sklearn(documents):
      SklearnAnalyzer().forEachTerm(in: documents[index]) { bytes, _, _ in body(bytes) }
    case let .analyzer(documents, analyzer):
      for token in analyzer.tokens(in: documents[index]) {
        var term = token.term
        term.withUTF8(body)
      }
    case let .termLists(lists):
      for var term in lists[index] { term.withUTF8(body) }
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
  /// - Complexity: O(tokens), one hash lookup per token.
  init(source: TermSource, documents: Range<Int>) {
    var lastDocument: [Int] = []  // per local id: the last document that held it
    var slot: [Int] = []  // per local id: its entry in termIDs for that document
    for document in documents {
      source.forEachTerm(ofDocument: document) { bytes in
        let id = Int(table.insert(bytes))
        if id == lastDocument.count {
          lastDocument.append(-1)
          slot.append(0)
          documentFrequency.append(0)
          termFrequency.append(0)
        }
        termFrequency[id] += 1
        if lastDocument[id] == document {
          counts[slot[id]] += 1
        } else {
          lastDocument[id] = document
          slot[id] = termIDs.count
          termIDs.append(Int32(id))
          counts.append(1)
          documentFrequency[id] += 1
        }
      }
      rowPointers.append(termIDs.count)
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
