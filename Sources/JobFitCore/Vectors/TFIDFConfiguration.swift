/// The parameters of a TF-IDF vectorizer, as scikit-learn's `TfidfVectorizer`
/// (`CountVectorizer` + `TfidfTransformer`) names them.
///
/// A configuration is a plain value; `fit` validates it and learns an immutable `TFIDFModel`.
/// With the defaults, the weight of term *t* in document *d* of a corpus of *n* documents is
///
///     tf(t, d) × idf(t),   idf(t) = ln((1 + n) / (1 + df(t))) + 1
///
/// where tf is the raw count and df(t) the number of documents containing *t*; each row is then
/// divided by its Euclidean norm. The "+ 1" after the logarithm keeps terms that occur in every
/// document (idf would be 0 in the textbook formula); the "1 +" inside smooths as if one extra
/// document contained every term once, so no division by zero can occur.
/// See scikit-learn's `TfidfTransformer` docstring (`sklearn/feature_extraction/text.py`).
public struct TFIDFConfiguration: Sendable, Codable, Hashable {
  /// A document-frequency bound: an absolute number of documents or a proportion of the corpus.
  ///
  /// As in scikit-learn, an integer literal is a count and a floating-point literal a proportion:
  /// `minDocumentFrequency = 2` means two documents, `maxDocumentFrequency = 0.5` half the corpus
  /// (compared as `df ≤ 0.5 × n`, without rounding).
  public enum DocumentFrequency: Sendable, Codable, Hashable, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
  {
    /// At least 1.
    case count(Int)
    /// In `0...1`.
    case proportion(Double)

    public init(integerLiteral value: Int) { self = .count(value) }
    public init(floatLiteral value: Double) { self = .proportion(value) }

    /// The bound in documents for a corpus of `documentCount` documents (not rounded).
    func documents(outOf documentCount: Int) -> Double {
      switch self {
      case let .count(count): Double(count)
      case let .proportion(proportion): proportion * Double(documentCount)
      }
    }
  }

  /// How rows are normalised (sklearn `norm`).
  public enum Norm: String, Sendable, Codable, Hashable {
    /// Divide by `sqrt(Σ w²)`: cosine similarity becomes a dot product (`"l2"`).
    case l2
    /// Divide by `Σ |w|` (`"l1"`).
    case l1
    /// Keep raw weights (`None`).
    case none
  }

  /// Ignore terms in fewer documents than this (sklearn `min_df`, default 1).
  public var minDocumentFrequency: DocumentFrequency
  /// Ignore terms in more documents than this (sklearn `max_df`, default 1.0 = no limit).
  public var maxDocumentFrequency: DocumentFrequency
  /// Keep only this many terms, those with the highest total count in the corpus
  /// (sklearn `max_features`, default `nil` = all). Ties go to the term first in code point order;
  /// scikit-learn leaves ties to NumPy's unstable `argsort`, so it may pick differently.
  public var maxFeatures: Int?
  /// Multiply by idf (sklearn `use_idf`, default true); otherwise rows are normalised counts.
  public var useIDF: Bool
  /// Smooth idf as if one extra document held every term (sklearn `smooth_idf`, default true):
  /// `ln((1 + n) / (1 + df)) + 1`; without smoothing `ln(n / df) + 1`.
  public var smoothIDF: Bool
  /// Replace tf with `1 + ln(tf)` (sklearn `sublinear_tf`, default false).
  public var sublinearTermFrequency: Bool
  /// Row normalisation (sklearn `norm`, default `.l2`).
  public var norm: Norm

  public init(
    minDocumentFrequency: DocumentFrequency = .count(1),
    maxDocumentFrequency: DocumentFrequency = .proportion(1.0),
    maxFeatures: Int? = nil,
    useIDF: Bool = true,
    smoothIDF: Bool = true,
    sublinearTermFrequency: Bool = false,
    norm: Norm = .l2
  ) {
    self.minDocumentFrequency = minDocumentFrequency
    self.maxDocumentFrequency = maxDocumentFrequency
    self.maxFeatures = maxFeatures
    self.useIDF = useIDF
    self.smoothIDF = smoothIDF
    self.sublinearTermFrequency = sublinearTermFrequency
    self.norm = norm
  }

  /// Throws `JobFitError.invalidParameter` unless every parameter is in its domain
  /// (scikit-learn's `_parameter_constraints`).
  public func validate() throws {
    for (name, bound) in [("minDocumentFrequency", minDocumentFrequency),
                          ("maxDocumentFrequency", maxDocumentFrequency)] {
      switch bound {
      case let .count(count) where count < 1:
        throw JobFitError.invalidParameter(name: name, value: "\(count)",
                                           expected: "a document count ≥ 1")
      case let .proportion(proportion) where !(0...1).contains(proportion):
        throw JobFitError.invalidParameter(name: name, value: "\(proportion)",
                                           expected: "a proportion in [0, 1]")
      default: break
      }
    }
    if let maxFeatures, maxFeatures < 1 {
      throw JobFitError.invalidParameter(name: "maxFeatures", value: "\(maxFeatures)",
                                         expected: "at least 1, or nil for no limit")
    }
  }
}
