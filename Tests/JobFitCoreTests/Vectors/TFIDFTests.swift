import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

/// Small corpora checked by hand, in the style of scikit-learn's `test_text.py`.
@Suite("TF-IDF")
struct TFIDFTests {
  /// df: apple 2, banana 2, cherry 1; corpus counts: 2 each.
  static let fruit = ["Apple banana", "apple cherry CHERRY", "banana"]

  @Test("Vocabulary, smoothed idf and L2 rows of a three-document corpus")
  func smoothed() throws {
    let (model, matrix) = try TFIDFConfiguration().fitTransform(Self.fruit)
    #expect(model.terms == ["apple", "banana", "cherry"])
    #expect(model.vocabulary == ["apple": 0, "banana": 1, "cherry": 2])
    #expect(model.prunedTerms.isEmpty)
    let common = log(4.0 / 3.0) + 1  // ln((1 + 3) / (1 + 2)) + 1
    let rare = log(2.0) + 1  // ln((1 + 3) / (1 + 1)) + 1
    #expect(model.inverseDocumentFrequency == [common, common, rare])

    let dense = matrix.dense()
    let half = Float(1 / 2.0.squareRoot())
    #expect(abs(dense[0][0] - half) < 1e-7 && abs(dense[0][1] - half) < 1e-7 && dense[0][2] == 0)
    let norm = (common * common + 4 * rare * rare).squareRoot()
    #expect(abs(dense[1][0] - Float(common / norm)) < 1e-7)
    #expect(abs(dense[1][2] - Float(2 * rare / norm)) < 1e-7)
    #expect(dense[2] == [0, 1, 0])
  }

  @Test("Unsmoothed idf, sublinear tf, L1 and no norm")
  func variants() throws {
    let unsmoothed = try TFIDFConfiguration(smoothIDF: false).fit(Self.fruit)
    #expect(unsmoothed.inverseDocumentFrequency == [log(1.5) + 1, log(1.5) + 1, log(3.0) + 1])

    let raw = try TFIDFConfiguration(useIDF: false, sublinearTermFrequency: true, norm: .none)
      .fitTransform(Self.fruit).matrix.dense()
    #expect(raw[1] == [1, 0, Float(1 + log(2.0))])  // tf 2 → 1 + ln 2

    let l1 = try TFIDFConfiguration(useIDF: false, norm: .l1).fitTransform(Self.fruit).matrix
    let expected: [Float] = [Float(1.0 / 3), 0, Float(2.0 / 3)]
    #expect(l1.dense()[1] == expected)
  }

  @Test("Document-frequency bounds: counts and proportions as scikit-learn reads them")
  func bounds() throws {
    let minTwo = try TFIDFConfiguration(minDocumentFrequency: 2).fit(Self.fruit)
    #expect(minTwo.terms == ["apple", "banana"])
    #expect(minTwo.prunedTerms == ["cherry"])
    // max_df = 1 (int) → at most one document; 0.5 (float) → df ≤ 1.5.
    #expect(try TFIDFConfiguration(maxDocumentFrequency: 1).fit(Self.fruit).terms == ["cherry"])
    #expect(try TFIDFConfiguration(maxDocumentFrequency: 0.5).fit(Self.fruit).terms == ["cherry"])
    // 1.0 (float) is the whole corpus; idf still counts all three documents.
    let all = try TFIDFConfiguration(minDocumentFrequency: 0.6).fit(Self.fruit)
    #expect(all.terms == ["apple", "banana"])
    #expect(all.documentCount == 3)
  }

  @Test("maxFeatures keeps the most frequent terms; ties go to code point order")
  func maxFeatures() throws {
    let corpus = ["beta beta alpha", "gamma gamma delta", "alpha"]  // counts: 2 each but delta 1
    #expect(try TFIDFConfiguration(maxFeatures: 3).fit(corpus).terms == ["alpha", "beta", "gamma"])
    #expect(try TFIDFConfiguration(maxFeatures: 1).fit(corpus).terms == ["alpha"])
    let two = try TFIDFConfiguration(maxFeatures: 2).fit(corpus)
    #expect(two.terms == ["alpha", "beta"])
    #expect(two.prunedTerms == ["delta", "gamma"])
  }

  @Test("Terms are ordered by code point (UTF-8 bytes), and canonically equal terms stay apart")
  func codePointOrder() throws {
    // Hangul: precomposed U+D55C U+AE00 and its decomposition into conjoining jamo (letters,
    // so still one word) are equal as Swift Strings but distinct, and far apart, in code points.
    let precomposed = "\u{D55C}\u{AE00}"
    let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"
    #expect(precomposed == decomposed)
    let model = try TFIDFConfiguration().fit(["éa zz \(precomposed)", "\(decomposed) Zulu", "ab"])
    #expect(model.terms.map { Array($0.utf8) }
      == ["ab", "zulu", "zz", "éa", decomposed, precomposed].map { Array($0.utf8) })
    #expect(model.column(of: decomposed) == 4)
    #expect(model.column(of: precomposed) == 5)
    #expect(model.column(of: "éa") == 3)
    #expect(model.column(of: "missing") == nil)
  }

  @Test("Invalid parameters throw invalidParameter", arguments: [
    TFIDFConfiguration(minDocumentFrequency: 0),
    TFIDFConfiguration(maxDocumentFrequency: 1.5),
    TFIDFConfiguration(minDocumentFrequency: .proportion(-0.1)),
    TFIDFConfiguration(maxFeatures: 0),
    TFIDFConfiguration(minDocumentFrequency: 3, maxDocumentFrequency: 2),
  ])
  func invalid(configuration: TFIDFConfiguration) {
    #expect {
      _ = try configuration.fit(Self.fruit)
    } throws: { error in
      guard case .invalidParameter = error as? JobFitError else { return false }
      return true
    }
  }

  @Test("No terms after analysis or after pruning throws emptyCorpus")
  func emptyCorpus() {
    #expect(throws: JobFitError.emptyCorpus) { try TFIDFConfiguration().fit(["a b !", ""]) }
    #expect(throws: JobFitError.emptyCorpus) { try TFIDFConfiguration().fit([]) }
    #expect(throws: JobFitError.emptyCorpus) {
      try TFIDFConfiguration(minDocumentFrequency: 3).fit(Self.fruit)
    }
  }

  @Test("Transform ignores unknown terms and leaves empty rows empty")
  func transformUnknown() throws {
    let model = try TFIDFConfiguration().fit(Self.fruit)
    let matrix = try model.transform(["kiwi mango", "cherry kiwi", ""])
    #expect(matrix.rows == 3 && matrix.columns == 3)
    #expect(matrix.rowPointers == [0, 0, 1, 1])
    #expect(matrix.row(1)[2] == 1)
  }

  @Test("Term lists and other analyzers are accepted; their identifier is recorded")
  func termLists() throws {
    let lists = Self.fruit.map { SklearnAnalyzer().terms(in: $0) }
    let fromLists = try TFIDFConfiguration().fitTransform(termLists: lists, analyzerIdentifier: "x")
    let fromText = try TFIDFConfiguration().fitTransform(Self.fruit)
    #expect(fromLists.model.analyzerIdentifier == "x")
    #expect(fromText.model.analyzerIdentifier == SklearnAnalyzer.identifier)
    #expect(fromLists.matrix == fromText.matrix)
    #expect(fromLists.model.transform(termLists: lists) == fromText.matrix)
    #expect(throws: JobFitError.self) { try fromLists.model.transform(Self.fruit) }
  }
}
