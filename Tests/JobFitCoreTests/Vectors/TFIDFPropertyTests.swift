import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

@Suite("TF-IDF properties")
struct TFIDFPropertyTests {
  /// A seeded random corpus: `count` documents of 5–60 words drawn from a skewed vocabulary.
  static func corpus(count: Int, seed: UInt64) -> [String] {
    var generator = SplitMix64(seed: seed)
    let words = (0..<400).map { "w\($0)" } + ["Café", "naïve", "東京", "x_y", "ΣΟΦΟΣ"]
    return (0..<count).map { _ in
      let length = Int(generator.next() % 56) + 5
      return (0..<length).map { _ in
        let a = Int(generator.next() % UInt64(words.count))
        let b = Int(generator.next() % UInt64(words.count))
        return words[min(a, b)]  // skewed toward low indices
      }.joined(separator: generator.next() % 7 == 0 ? ", " : " ")
    }
  }

  @Test("L2 rows have unit norm")
  func unitNorm() throws {
    let (_, matrix) = try TFIDFConfiguration(sublinearTermFrequency: true)
      .fitTransform(Self.corpus(count: 300, seed: 1))
    #expect(matrix.rows == 300)
    expectUnitRows(matrix)
    matrix._checkInvariants()
  }

  @Test("Transform is deterministic and independent of how documents are split across threads")
  func deterministic() throws {
    let documents = Self.corpus(count: 500, seed: 2)
    let (model, matrix) = try TFIDFConfiguration().fitTransform(documents)
    #expect(try model.transform(documents) == matrix)
    // One document per call runs on one thread; the rows must be identical.
    for index in stride(from: 0, to: documents.count, by: 37) {
      let single = try model.transform([documents[index]])
      #expect(single.row(0) == matrix.row(index), "row \(index)")
    }
  }

  @Test("Vocabulary and idf do not depend on document order")
  func orderIndependent() throws {
    let documents = Self.corpus(count: 400, seed: 3)
    var generator = SplitMix64(seed: 4)
    let shuffled = documents.shuffled(using: &generator)
    let configuration = TFIDFConfiguration(minDocumentFrequency: 2, maxFeatures: 300)
    let a = try configuration.fit(documents)
    let b = try configuration.fit(shuffled)
    #expect(a == b)
    #expect(a.terms.count == 300)
  }
}
