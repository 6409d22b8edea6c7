import Foundation
import JobFitCore
import LinearAlgebra

// MARK: - LSA

extension Stage {
  /// Latent components: `LSAModel.fit` of the sklearn-analyzed TF-IDF matrix of all N + M texts
  /// to k = 256 with the default oversampling (10) and power iterations (5), like
  /// `TruncatedSVD(256, random_state=0).fit_transform` (same `n_oversamples`, `n_iter`).
  ///
  /// Checksum: `Σ σ_j`, the sum of the singular values (the peer prints the same). The work also
  /// checks the answer: the σ are finite, positive and sorted, and for a few components `j`,
  /// `‖A·v_j‖ ≥ σ_j` (true of any orthonormal `v_j` from `B = QᵀA`, up to rounding) with equality
  /// within 0.1 % for the first two, where the randomized range finder is essentially exact.
  static let lsa = Stage(
    name: "lsa", summary: "LSA 256: randomized truncated SVD of the TF-IDF matrix"
  ) { corpus in
    let (resumes, postings) = try corpus.texts()
    let matrix = try TFIDFConfiguration().fitTransform(resumes + postings).matrix
    return {
      let model = try LSAModel.fit(matrix, components: 256)
      try checkLSA(model, matrix: matrix)
      return Checksum(
        value: model.singularValues.reduce(0.0) { $0 + Double($1) },
        detail: ["components": Double(model.componentCount)])
    }
  }

  static func checkLSA(_ model: LSAModel, matrix: CSRMatrix) throws {
    let sigma = model.singularValues
    let k = min(256, min(matrix.rows, matrix.columns) - 1)
    guard sigma.count == k, model.componentCount == k, model.dimension == matrix.columns else {
      throw StageError("LSA: \(sigma.count) singular values, \(model.componentCount) components; expected \(k)")
    }
    for j in 0..<k where !(sigma[j].isFinite && sigma[j] > 0) || (j > 0 && sigma[j] > sigma[j - 1]) {
      throw StageError("LSA: singular value \(j) is \(sigma[j]): not finite, positive and sorted")
    }
    for j in Set([0, 1, k / 2, k - 1]) where j < k {
      let v = model.components.row(j)
      let vNorm = v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
      var product = 0.0
      for r in 0..<matrix.rows {
        var dot = 0.0
        for p in matrix.rowPointers[r]..<matrix.rowPointers[r + 1] {
          dot += Double(matrix.values[p]) * Double(v[Int(matrix.columnIndices[p])])
        }
        product += dot * dot
      }
      let norm = product.squareRoot()
      let s = Double(sigma[j])
      guard abs(vNorm - 1) < 1e-3, norm >= s * (1 - 1e-4), j > 1 || norm <= s * (1 + 1e-3) else {
        throw StageError("LSA: component \(j): ‖v‖ = \(vNorm), ‖A·v‖ = \(norm), σ = \(s)")
      }
    }
  }
}

// MARK: - Sentence encoder

extension Stage {
  /// Sentences the encoder stages embed: the résumé texts split at ".", trimmed, non-empty,
  /// the first 1,000 (`peers.py` takes the same ones for sentence-transformers).
  static let encoderSentenceCount = 1_000

  /// all-MiniLM-L6-v2 through `SentenceEncoder.encode` (batched, `JOBFIT_THREADS` workers) on
  /// the same sentences `sentence-transformers` encodes in `peers.py --stage st-encoder`.
  ///
  /// The model is read from `JOBFIT_ENCODER_MODEL` when set, else `ModelLocation.resolve()`.
  /// Before timing, the encoder must reproduce the stored sentence-transformers embeddings of
  /// the parity fixture (cosine ≥ 0.9999 for each of its first 60 strings). The timed work
  /// checks that every row is unit length and that the first 16 rows equal those sentences
  /// encoded one at a time. Checksum: sum of all embedding entries (the peer's, to rounding).
  static let encoder = Stage(
    name: "encoder", summary: "all-MiniLM-L6-v2 SentenceEncoder, 1,000 résumé sentences"
  ) { corpus in
    let environment = ProcessInfo.processInfo.environment
    let directory =
      environment["JOBFIT_ENCODER_MODEL"].map { URL(fileURLWithPath: $0, isDirectory: true) }
      ?? ModelLocation.resolve().directory
    let encoder = try SentenceEncoder(modelDirectory: directory)
    try checkEncoderParity(encoder)
    let (resumes, _) = try corpus.texts()
    let sentences = Array(
      resumes.lazy.flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .filter { !$0.isEmpty }
        .prefix(encoderSentenceCount))
    guard sentences.count == encoderSentenceCount else {
      throw StageError("only \(sentences.count) résumé sentences")
    }
    let probe = Array(sentences.prefix(16))
    let single = try probe.map { try encoder.encode([$0]).row(0) }
    return {
      let embeddings = try encoder.encode(sentences)
      guard embeddings.rows == sentences.count, embeddings.columns == encoder.dimension else {
        throw StageError("encoder: \(embeddings.rows) × \(embeddings.columns) embeddings")
      }
      var total = 0.0
      for i in 0..<embeddings.rows {
        let row = embeddings.row(i)
        let norm = row.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard abs(norm - 1) < 1e-3 else { throw StageError("encoder: row \(i) has norm \(norm)") }
        total += row.reduce(0.0) { $0 + Double($1) }
      }
      for (i, reference) in single.enumerated() where cosine(embeddings.row(i), reference) < 0.9999 {
        throw StageError("encoder: batched row \(i) differs from the sentence encoded alone")
      }
      return Checksum(value: total, detail: ["sentences": Double(sentences.count)])
    }
  }

  /// The parity fixture of the encoder tests (sentence-transformers 6.2.0 reference embeddings).
  static func checkEncoderParity(_ encoder: SentenceEncoder) throws {
    struct Fixture: Decodable {
      struct Case: Decodable {
        let text: String
        let embedding: [Float]
      }
      let cases: [Case]
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Tests/JobFitCoreTests/Fixtures/encoder/cases.json")
    let cases = Array(try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases.prefix(60))
    let vectors = try encoder.encode(cases.map(\.text))
    for (i, item) in cases.enumerated() where cosine(vectors.row(i), item.embedding) < 0.9999 {
      throw StageError("encoder: fixture case \(i) differs from sentence-transformers")
    }
  }

  static func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0
    var aa = 0.0
    var bb = 0.0
    for (x, y) in zip(a, b) {
      dot += Double(x) * Double(y)
      aa += Double(x) * Double(x)
      bb += Double(y) * Double(y)
    }
    return aa > 0 && bb > 0 ? dot / (aa * bb).squareRoot() : 0
  }
}
