import Foundation

// MARK: - Fit

extension TFIDFConfiguration {
  /// Learns the vocabulary and inverse document frequencies of `documents`.
  ///
  /// As scikit-learn's `TfidfVectorizer.fit`: count the terms of every document; keep the terms
  /// with `minDocumentFrequency ≤ df ≤ maxDocumentFrequency` (then the `maxFeatures` most frequent
  /// in the corpus); order them by code point; `idf(t) = ln((1 + n) / (1 + df(t))) + 1`, or
  /// `ln(n / df(t)) + 1` without `smoothIDF`, over all *n* documents (empty ones included).
  ///
  /// - Parameters:
  ///   - documents: the corpus.
  ///   - analyzer: turns each document into terms; scikit-learn's default when omitted.
  ///   - analyzerIdentifier: recorded in the model; defaults to `SklearnAnalyzer.identifier` for
  ///     that analyzer and to the analyzer's type name otherwise.
  /// - Throws: `JobFitError.invalidParameter` for a parameter out of its domain or when
  ///   `maxDocumentFrequency` is below `minDocumentFrequency` in documents;
  ///   `JobFitError.emptyCorpus` when analysis or pruning leaves no terms.
  /// - Complexity: O(*t* + *v* log *v*) for *t* tokens and *v* distinct terms; counting runs on
  ///   all cores.
  public func fit(
    _ documents: [String], analyzer: any TextAnalyzer = SklearnAnalyzer(),
    analyzerIdentifier: String? = nil
  ) throws -> TFIDFModel {
    try learn(TermSource(documents, analyzer: analyzer),
              identifier: analyzerIdentifier ?? Self.identifier(of: analyzer)).model
  }

  /// Fits and transforms `documents` in one pass over the text (sklearn `fit_transform`).
  ///
  /// Gives the same matrix as `fit` followed by `transform`, without analyzing twice.
  public func fitTransform(
    _ documents: [String], analyzer: any TextAnalyzer = SklearnAnalyzer(),
    analyzerIdentifier: String? = nil
  ) throws -> (model: TFIDFModel, matrix: CSRMatrix) {
    let fitted = try learn(TermSource(documents, analyzer: analyzer),
                           identifier: analyzerIdentifier ?? Self.identifier(of: analyzer))
    return (fitted.model, fitted.matrix())
  }

  /// Learns from pre-analyzed documents (one list of terms per document).
  public func fit(termLists: [[String]], analyzerIdentifier: String) throws -> TFIDFModel {
    try learn(.termLists(termLists), identifier: analyzerIdentifier).model
  }

  /// Fits and transforms pre-analyzed documents.
  public func fitTransform(
    termLists: [[String]], analyzerIdentifier: String
  ) throws -> (model: TFIDFModel, matrix: CSRMatrix) {
    let fitted = try learn(.termLists(termLists), identifier: analyzerIdentifier)
    return (fitted.model, fitted.matrix())
  }

  static func identifier(of analyzer: any TextAnalyzer) -> String {
    analyzer is SklearnAnalyzer ? SklearnAnalyzer.identifier : String(reflecting: type(of: analyzer))
  }
}

// MARK: - Learning

/// A model with the counts it was learned from, so `fitTransform` needs no second analysis.
struct FittedCounts {
  let model: TFIDFModel
  let chunks: [ChunkCounts]
  /// Per chunk, local term id → column, or -1 for a pruned term.
  let columnOfLocal: [[Int32]]

  func matrix() -> CSRMatrix {
    let parts = parallelMap(chunks.count) { index in
      let chunk = chunks[index]
      let columns = columnOfLocal[index]
      var writer = RowWriter(model: model)
      writer.reserve(rows: chunk.rowPointers.count - 1, entries: chunk.termIDs.count)
      let row = RowAccumulator(columns: model.dimension)
      columns.withUnsafeBufferPointer { columns in
        chunk.termIDs.withUnsafeBufferPointer { termIDs in
          chunk.counts.withUnsafeBufferPointer { counts in
            for document in 0..<(chunk.rowPointers.count - 1) {
              for entry in chunk.rowPointers[document]..<chunk.rowPointers[document + 1] {
                let column = columns[Int(termIDs[entry])]
                if column >= 0 { row.add(column: column, count: counts[entry]) }
              }
              let drained = row.drain()
              writer.appendRow(columns: drained.columns, counts: drained.counts)
            }
          }
        }
      }
      return writer
    }
    return RowWriter.stitch(parts, rows: model.documentCount, columns: model.dimension)
  }
}

extension TFIDFConfiguration {
  func learn(_ source: TermSource, identifier: String) throws -> FittedCounts {
    try validate()
    let documentCount = source.count
    let ranges = documentChunks(count: documentCount)
    let chunks = parallelMap(ranges.count) { ChunkCounts(source: source, documents: ranges[$0]) }

    // Merge chunk-local ids into corpus-wide ids (first-seen order; sorted below).
    var table = TermTable(minimumCapacity: chunks.map(\.table.count).max() ?? 0)
    var documentFrequency: [Int] = []
    var termFrequency: [Int] = []
    var globalOfLocal: [[Int32]] = []
    for chunk in chunks {
      var mapping = [Int32](repeating: 0, count: chunk.table.count)
      for local in 0..<chunk.table.count {
        let global = table.insert(chunk.table.bytes(local))
        if Int(global) == documentFrequency.count {
          documentFrequency.append(0)
          termFrequency.append(0)
        }
        documentFrequency[Int(global)] += chunk.documentFrequency[local]
        termFrequency[Int(global)] += chunk.termFrequency[local]
        mapping[local] = global
      }
      globalOfLocal.append(mapping)
    }
    guard table.count > 0 else { throw JobFitError.emptyCorpus }

    let maxDocuments = maxDocumentFrequency.documents(outOf: documentCount)
    let minDocuments = minDocumentFrequency.documents(outOf: documentCount)
    guard maxDocuments >= minDocuments else {
      throw JobFitError.invalidParameter(
        name: "maxDocumentFrequency", value: "\(maxDocumentFrequency)",
        expected: "at least as many documents as minDocumentFrequency = \(minDocumentFrequency)")
    }

    let order = codePointOrder(table)
    var kept = order.map { id in
      let df = Double(documentFrequency[id])
      return df >= minDocuments && df <= maxDocuments
    }
    if let maxFeatures {
      let candidates = order.indices.filter { kept[$0] }
      if candidates.count > maxFeatures {
        // Highest corpus count first; equal counts keep code point order (a stable sort).
        let ranked = candidates.enumerated().sorted {
          let (a, b) = (termFrequency[order[$0.element]], termFrequency[order[$1.element]])
          return a != b ? a > b : $0.offset < $1.offset
        }
        kept = Array(repeating: false, count: order.count)
        for entry in ranked.prefix(maxFeatures) { kept[entry.element] = true }
      }
    }

    var columnOfGlobal = [Int32](repeating: -1, count: table.count)
    var terms: [String] = []
    var prunedTerms: [String] = []
    var idf: [Double] = []
    let n = Double(documentCount) + (smoothIDF ? 1 : 0)
    for (rank, id) in order.enumerated() {
      guard kept[rank] else {
        prunedTerms.append(table.term(id))
        continue
      }
      columnOfGlobal[id] = Int32(terms.count)
      terms.append(table.term(id))
      if useIDF {
        let df = Double(documentFrequency[id]) + (smoothIDF ? 1 : 0)
        idf.append(log(n / df) + 1)
      }
    }
    guard !terms.isEmpty else { throw JobFitError.emptyCorpus }

    let model = TFIDFModel(
      configuration: self, analyzerIdentifier: identifier, terms: terms,
      inverseDocumentFrequency: idf, prunedTerms: prunedTerms, documentCount: documentCount)
    let columnOfLocal = globalOfLocal.map { $0.map { columnOfGlobal[Int($0)] } }
    return FittedCounts(model: model, chunks: chunks, columnOfLocal: columnOfLocal)
  }
}

/// The ids of `table`'s terms in code point order (= byte order of UTF-8; no ties, the terms are
/// distinct).
///
/// Sorts (first 8 bytes big-endian, id) keys, so most comparisons are one integer comparison;
/// only terms sharing their first 8 bytes are compared in full.
func codePointOrder(_ table: TermTable) -> [Int] {
  var keys = (0..<table.count).map { id -> (prefix: UInt64, id: Int) in
    let bytes = table.bytes(id)
    var prefix: UInt64 = 0
    for index in 0..<8 {
      prefix = prefix << 8 | UInt64(index < bytes.count ? bytes[index] : 0)
    }
    return (prefix, id)
  }
  // A term shorter than 8 bytes pads with zeros, which sort before any byte of a longer term
  // with the same start, except a real NUL byte: the full comparison settles equal prefixes.
  keys.sort { a, b in
    a.prefix != b.prefix
      ? a.prefix < b.prefix : lexicographicallyPrecedes(table.bytes(a.id), table.bytes(b.id))
  }
  return keys.map(\.id)
}
