/// A fitted TF-IDF vectorizer: vocabulary, inverse document frequencies and the configuration.
///
/// Made by `TFIDFConfiguration.fit`; immutable, `Codable` and versioned, so a model fitted once
/// can be saved (`save(to:)`) and used to `transform` new documents later, as with a fitted
/// scikit-learn `TfidfVectorizer`.
///
/// The analyzer itself is not stored (it is code): the model records `analyzerIdentifier`, and
/// the caller transforms with the same analyzer. `SklearnAnalyzer.identifier` is resolved
/// automatically by `transform(_:)`.
public struct TFIDFModel: Sendable {
  /// The format version this build writes and reads.
  public static let currentFormatVersion = 1

  /// Format version of this model's encoding.
  public let formatVersion: Int
  /// The configuration the model was fitted with.
  public let configuration: TFIDFConfiguration
  /// Names the analyzer used in `fit` (for example `SklearnAnalyzer.identifier`).
  public let analyzerIdentifier: String
  /// The terms, indexed by column, in Unicode code point order (sklearn `get_feature_names_out()`).
  public let terms: [String]
  /// `idf(t)` per column (sklearn `idf_`); empty when `configuration.useIDF` is false.
  public let inverseDocumentFrequency: [Double]
  /// Terms seen in `fit` but removed by the document-frequency bounds or `maxFeatures`, in code
  /// point order (sklearn's former `stop_words_`).
  public let prunedTerms: [String]
  /// Number of documents the model was fitted on.
  public let documentCount: Int

  /// Term → column index (sklearn `vocabulary_`).
  ///
  /// A convenience view: Swift `String` keys compare by canonical equivalence, so if two
  /// terms differ only in Unicode normalisation, this dictionary keeps the lower column.
  /// `column(of:)` compares bytes, as scikit-learn does.
  public let vocabulary: [String: Int]
  /// Terms by bytes; ids equal columns.
  let table: TermTable

  init(
    configuration: TFIDFConfiguration, analyzerIdentifier: String, terms: [String],
    inverseDocumentFrequency: [Double], prunedTerms: [String], documentCount: Int
  ) {
    self.formatVersion = Self.currentFormatVersion
    self.configuration = configuration
    self.analyzerIdentifier = analyzerIdentifier
    self.terms = terms
    self.inverseDocumentFrequency = inverseDocumentFrequency
    self.prunedTerms = prunedTerms
    self.documentCount = documentCount
    self.table = TermTable(terms: terms)
    self.vocabulary = Dictionary(zip(terms, terms.indices), uniquingKeysWith: min)
  }

  /// Number of columns of the vectors this model produces.
  public var dimension: Int { terms.count }

  /// The column of `term` (compared byte for byte), or `nil` if it is not in the vocabulary.
  public func column(of term: String) -> Int? {
    var term = term
    return term.withUTF8 { table.id(of: $0) }.map(Int.init)
  }
}

// MARK: - Equatable

extension TFIDFModel: Equatable {
  public static func == (lhs: TFIDFModel, rhs: TFIDFModel) -> Bool {
    lhs.formatVersion == rhs.formatVersion && lhs.configuration == rhs.configuration
      && lhs.analyzerIdentifier == rhs.analyzerIdentifier && lhs.documentCount == rhs.documentCount
      && lhs.terms.elementsEqual(rhs.terms, by: { $0.utf8.elementsEqual($1.utf8) })
      && lhs.inverseDocumentFrequency == rhs.inverseDocumentFrequency
      && lhs.prunedTerms.elementsEqual(rhs.prunedTerms, by: { $0.utf8.elementsEqual($1.utf8) })
  }
}

// MARK: - Codable

extension TFIDFModel: Codable {
  enum CodingKeys: String, CodingKey {
    case formatVersion, configuration, analyzerIdentifier, terms, inverseDocumentFrequency
    case prunedTerms, documentCount
  }

  /// Decodes and validates a model: the version must be `currentFormatVersion`, terms strictly
  /// increasing in code point order, one finite idf per term.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let version = try container.decode(Int.self, forKey: .formatVersion)
    func corrupt(_ reason: String) -> DecodingError {
      .dataCorruptedError(forKey: .formatVersion, in: container, debugDescription: reason)
    }
    guard version == Self.currentFormatVersion else {
      throw corrupt("format version \(version) is not supported; expected \(Self.currentFormatVersion)")
    }
    let configuration = try container.decode(TFIDFConfiguration.self, forKey: .configuration)
    let terms = try container.decode([String].self, forKey: .terms)
    let idf = try container.decode([Double].self, forKey: .inverseDocumentFrequency)
    let documentCount = try container.decode(Int.self, forKey: .documentCount)
    guard configuration.useIDF ? idf.count == terms.count : idf.isEmpty, idf.allSatisfy(\.isFinite)
    else { throw corrupt("\(idf.count) idf values for \(terms.count) terms") }
    let bytes = terms.map { Array($0.utf8) }
    guard zip(bytes, bytes.dropFirst()).allSatisfy({ $0.lexicographicallyPrecedes($1) }) else {
      throw corrupt("terms are not strictly increasing in code point order")
    }
    guard documentCount >= 0 else { throw corrupt("negative document count") }
    self.init(
      configuration: configuration,
      analyzerIdentifier: try container.decode(String.self, forKey: .analyzerIdentifier),
      terms: terms, inverseDocumentFrequency: idf,
      prunedTerms: try container.decode([String].self, forKey: .prunedTerms),
      documentCount: documentCount)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(formatVersion, forKey: .formatVersion)
    try container.encode(configuration, forKey: .configuration)
    try container.encode(analyzerIdentifier, forKey: .analyzerIdentifier)
    try container.encode(terms, forKey: .terms)
    try container.encode(inverseDocumentFrequency, forKey: .inverseDocumentFrequency)
    try container.encode(prunedTerms, forKey: .prunedTerms)
    try container.encode(documentCount, forKey: .documentCount)
  }
}
