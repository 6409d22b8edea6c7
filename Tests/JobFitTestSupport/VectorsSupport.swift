import Foundation
import JobFitCore
import Testing

/// The scikit-learn parity fixture written by `Tests/Fixtures/make_tfidf_fixture.py`.
public enum TFIDFFixture {
  /// Folder of the fixture files.
  public static let folder = Repository.root
    .appendingPathComponent("Tests/JobFitCoreTests/Fixtures/tfidf")

  /// The corpus and the reference tokens of its hand-written Unicode documents.
  public struct Corpus: Decodable, Sendable {
    public let versions: [String: String]
    public let sources: [String]
    public let documents: [String]
    /// sklearn's `build_analyzer()` output for `documents[tokenDocumentOffset...]`.
    public let tokens: [[String]]
    public let tokenDocumentOffset: Int
  }

  /// One vectorizer configuration and scikit-learn's result for it.
  public struct Case: Decodable, Sendable, CustomStringConvertible {
    public struct Bound: Decodable, Sendable {
      public let kind: String
      public let value: Double
    }
    public struct Parameters: Decodable, Sendable {
      public let max_features: Int?
      public let sublinear_tf: Bool?
      public let smooth_idf: Bool?
      public let use_idf: Bool?
    }
    public let name: String
    public let versions: [String: String]
    public let parameters: Parameters
    public let documentFrequencyBounds: [String: Bound]
    /// sklearn's `norm` spelled as `TFIDFConfiguration.Norm` ("l2", "l1", "none").
    public let normName: String
    public let terms: [String]
    public let idf: [Double]?
    public let shape: [Int]
    public let indptr: [Int]
    public let indices: [Int32]
    public let data: [Double]

    public var description: String { name }

    /// The same configuration in JobFit's terms.
    public func configuration() throws -> TFIDFConfiguration {
      func bound(_ key: String) throws -> TFIDFConfiguration.DocumentFrequency {
        let bound = try #require(documentFrequencyBounds[key])
        return bound.kind == "int" ? .count(Int(bound.value)) : .proportion(bound.value)
      }
      let norm = try #require(TFIDFConfiguration.Norm(rawValue: normName))
      return TFIDFConfiguration(
        minDocumentFrequency: try bound("min_df"), maxDocumentFrequency: try bound("max_df"),
        maxFeatures: parameters.max_features, useIDF: parameters.use_idf ?? true,
        smoothIDF: parameters.smooth_idf ?? true,
        sublinearTermFrequency: parameters.sublinear_tf ?? false, norm: norm)
    }
  }

  public static let caseNames = [
    "default", "sublinear_unsmoothed", "min_df_2_max_df_half", "max_features", "norm_none",
    "norm_l1_no_idf", "proportional_bounds",
  ]

  public static func corpus() throws -> Corpus {
    let url = folder.appendingPathComponent("corpus.json")
    return try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
  }

  public static func load(_ name: String) throws -> Case {
    let url = folder.appendingPathComponent("\(name).json")
    return try JSONDecoder().decode(Case.self, from: Data(contentsOf: url))
  }
}

// MARK: - Invariant checks

/// Checks `tokens` against `expected` terms and the invariants every analyzer must keep: offsets
/// inside `text`, on scalar boundaries, never going backwards, positions 0, 1, 2, ….
public func expectTokens(
  _ tokens: [Token], _ expected: [String], in text: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(tokens.map(\.term) == expected, sourceLocation: sourceLocation)
  let utf8 = Array(text.utf8)
  var previousEnd = 0
  for (index, token) in tokens.enumerated() {
    #expect(token.position == index, sourceLocation: sourceLocation)
    #expect(token.start >= previousEnd && token.start < token.end && token.end <= utf8.count,
            "offsets \(token.start)..<\(token.end)", sourceLocation: sourceLocation)
    guard token.start < token.end, token.end <= utf8.count, token.start >= 0 else { continue }
    // Scalar boundaries: neither end falls on a UTF-8 continuation byte.
    #expect(utf8[token.start] & 0xC0 != 0x80, sourceLocation: sourceLocation)
    #expect(token.end == utf8.count || utf8[token.end] & 0xC0 != 0x80, sourceLocation: sourceLocation)
    previousEnd = token.end
  }
}

/// Checks that every stored row of `matrix` has unit L2 norm (empty rows excepted).
public func expectUnitRows(
  _ matrix: CSRMatrix, tolerance: Float = 1e-5, sourceLocation: SourceLocation = #_sourceLocation
) {
  for (row, norm) in matrix.rowNorms.enumerated() where matrix.row(row).values.count > 0 {
    #expect(abs(norm - 1) <= tolerance, "row \(row) has norm \(norm)", sourceLocation: sourceLocation)
  }
}
