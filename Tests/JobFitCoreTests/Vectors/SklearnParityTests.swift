import JobFitCore
import JobFitTestSupport
import Testing

/// TF-IDF parity with scikit-learn `TfidfVectorizer` on a 250-document corpus
/// (fixture from `Tests/Fixtures/make_tfidf_fixture.py`).
@Suite("TF-IDF parity with scikit-learn")
struct SklearnParityTests {
  static let tolerance = 1e-6

  @Test("Vocabulary, idf and matrix match scikit-learn", arguments: TFIDFFixture.caseNames)
  func parity(name: String) throws {
    let reference = try TFIDFFixture.load(name)
    let corpus = try TFIDFFixture.corpus()
    let configuration = try reference.configuration()
    let (model, matrix) = try configuration.fitTransform(corpus.documents)

    // Vocabulary: same terms, same order, byte for byte.
    #expect(model.terms.count == reference.terms.count)
    #expect(model.terms.map { Array($0.utf8) } == reference.terms.map { Array($0.utf8) })

    // idf within 1e-6 (absent when use_idf=False).
    if let idf = reference.idf {
      try #require(model.inverseDocumentFrequency.count == idf.count)
      let worst = zip(model.inverseDocumentFrequency, idf).map { abs($0 - $1) }.max() ?? 0
      #expect(worst <= Self.tolerance, "largest idf difference \(worst)")
    } else {
      #expect(model.inverseDocumentFrequency.isEmpty)
    }

    // Matrix: same shape and sparsity pattern, every value within 1e-6 (relative above 1: values
    // are stored as Float, whose spacing near 60 — an unnormalised count × idf — is 4e-6).
    #expect([matrix.rows, matrix.columns] == reference.shape)
    #expect(matrix.rowPointers == reference.indptr)
    #expect(matrix.columnIndices == reference.indices)
    try #require(matrix.values.count == reference.data.count)
    let worst = zip(matrix.values, reference.data)
      .map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
    #expect(worst <= Self.tolerance, "largest matrix difference \(worst)")
    matrix._checkInvariants()

    // fit then transform gives the same matrix as fitTransform.
    let transformed = try configuration.fit(corpus.documents).transform(corpus.documents)
    #expect(transformed == matrix)
  }

  @Test("The fixture records the scikit-learn version and a corpus of at least 200 documents")
  func fixtureProvenance() throws {
    let corpus = try TFIDFFixture.corpus()
    #expect(corpus.documents.count >= 200)
    #expect(corpus.versions["sklearn"] != nil)
    #expect(Set(corpus.sources).isSuperset(of: ["esco", "onet-description", "onet-tasks"]))
  }
}
