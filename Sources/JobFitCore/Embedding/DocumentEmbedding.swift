import Foundation
import LinearAlgebra

/// The embedding of a document longer than the encoder's 256-token window.
///
/// The text is cut into chunks that each fit the window (`WordPieceTokenizer.chunkRanges(of:)`:
/// lines, then sentences, then words), every chunk is encoded, and the document vector is the
/// normalised mean of the chunk vectors, `v = Σᵢ cᵢ / ‖Σᵢ cᵢ‖`. The chunk vectors and their
/// byte ranges are kept, so a posting's requirement line can be matched to its closest résumé
/// line (`bestChunk(for:)`) and that line shown as evidence.
public struct DocumentEmbedding: Sendable, Equatable {
  /// UTF-8 byte ranges in the source text, one per chunk, in text order.
  public let chunkRanges: [Range<Int>]
  /// One L2-normalised row per chunk (`chunkRanges.count × dimension`).
  public let chunkVectors: Matrix
  /// The document vector: the normalised mean of the chunk vectors. For a text without
  /// chunks (empty or blank) it is the model's embedding of the empty string.
  public let vector: [Float]

  public init(chunkRanges: [Range<Int>], chunkVectors: Matrix, vector: [Float]) {
    self.chunkRanges = chunkRanges
    self.chunkVectors = chunkVectors
    self.vector = vector
  }

  /// The text of chunk `index`, cut from `source` (the text this embedding was made from).
  public func chunkText(_ index: Int, in source: String) -> String {
    let bytes = source.utf8
    let range = chunkRanges[index]
    let start = bytes.index(bytes.startIndex, offsetBy: range.lowerBound)
    let end = bytes.index(bytes.startIndex, offsetBy: range.upperBound)
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The chunk most similar to `query` (a unit vector of the same dimension) and its cosine,
  /// or `nil` when the document has no chunks. Ties go to the earlier chunk.
  public func bestChunk(for query: [Float]) -> (index: Int, cosine: Float)? {
    precondition(query.count == chunkVectors.columns, "bestChunk: query has another dimension")
    var best: (index: Int, cosine: Float)?
    for i in 0..<chunkVectors.rows {
      var dot: Float = 0
      let base = i * chunkVectors.columns
      for j in 0..<query.count { dot += chunkVectors.storage[base + j] * query[j] }
      if best == nil || dot > best?.cosine ?? -.infinity { best = (i, dot) }
    }
    return best
  }
}

// MARK: - Encoding documents

extension SentenceEncoder {
  /// Embeds a document of any length; see `DocumentEmbedding`.
  public func encodeDocument(_ text: String) throws -> DocumentEmbedding {
    try encodeDocuments([text])[0]
  }

  /// Embeds many documents; all their chunks are encoded together, so batches stay full.
  public func encodeDocuments(_ texts: [String]) throws -> [DocumentEmbedding] {
    let ranges = texts.map { tokenizer.chunkRanges(of: $0) }
    var chunkTexts: [String] = []
    for (text, documentRanges) in zip(texts, ranges) {
      let bytes = Array(text.utf8)
      for range in documentRanges {
        chunkTexts.append(String(decoding: bytes[range], as: UTF8.self))
      }
    }
    // One extra row: the empty string, the vector of documents without chunks.
    chunkTexts.append("")
    let all = try encode(chunkTexts)
    let h = dimension
    let emptyVector = all.row(all.rows - 1)
    var result: [DocumentEmbedding] = []
    result.reserveCapacity(texts.count)
    var next = 0
    for documentRanges in ranges {
      let count = documentRanges.count
      let storage = Array(all.storage[(next * h)..<((next + count) * h)])
      next += count
      let vectors = try Matrix(rows: count, columns: h, storage: storage)
      guard count > 0 else {
        result.append(
          DocumentEmbedding(chunkRanges: [], chunkVectors: vectors, vector: emptyVector))
        continue
      }
      var mean = [Double](repeating: 0, count: h)
      for r in 0..<count {
        for j in 0..<h { mean[j] += Double(storage[r * h + j]) }
      }
      let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let vector = mean.map { Float($0 / max(norm, 1e-12)) }
      result.append(
        DocumentEmbedding(chunkRanges: documentRanges, chunkVectors: vectors, vector: vector))
    }
    return result
  }
}
