/// JobFit's text analyzer: tokenize → normalise → stop words → stem → fold diacritics → n-grams.
///
/// One ``Tokenizer`` scans the source bytes; every later step rewrites only the term, so each
/// ``Token`` keeps the UTF-8 byte offsets of its source text (`start..<end`) and its position.
///
/// ```swift
/// let analyzer = Analyzer.english
/// analyzer.terms(in: "Senior C++ engineers (Node.js, CI/CD), e-commerce.")
/// // ["senior", "c++", "engin", "node.js", "ci/cd", "e-commerce"]
/// ```
///
/// The steps, in order (each is configurable in ``Configuration``):
///
/// 1. **Tokenize** (``Tokenizer``): words, technical tokens kept whole, CJK bigrams, e-mail
///    addresses and URLs dropped. Every token takes a position, also those removed later.
/// 2. **Remove long tokens**: tokens whose source is longer than `maxTokenBytes` UTF-8 bytes
///    (default 64) are dropped (Lucene's and tantivy's `RemoveLongFilter`): they are base64 blobs,
///    hashes or run-together junk, never skills.
/// 3. **Normalise** (``Normalizer``): NFKC, lowercase, apostrophes, acronym dots.
/// 4. **Stop words** (``StopWords``), compared with the normalised term.
/// 5. **Stem** with Snowball, only terms made purely of letters (and `'`): `c++`, `node.js`,
///    `gpt-4`, `s3`, `python3` and CJK bigrams are never stemmed.
/// 6. **Fold diacritics** if enabled (off by default).
/// 7. **Word n-grams** when `ngramRange` is not `1...1`: sklearn's order (n-grams are built from
///    the tokens left after stop-word removal, so "head of data" gives the bigram "head data"),
///    terms joined by one space, offsets spanning the words, position of the first word. Tokens
///    are ordered by start offset, each unigram followed by the n-grams it starts.
///
/// `Analyzer` is an immutable value, `Sendable`, and `Codable` through its configuration, so a
/// fitted model can record the analyzer that produced it. Copies share one pool of Snowball
/// stemmers and a bounded per-thread cache of analysed terms.
public struct Analyzer: Sendable {
  /// The settings this analyzer was built from.
  public let configuration: Configuration
  let pipeline: Pipeline

  /// An analyzer with `configuration`.
  ///
  /// - Throws: `JobFitError.unsupportedLanguage` for an unknown stemmer language,
  ///   `JobFitError.invalidParameter` for a bad `ngramRange` or `maxTokenBytes`, and the errors of
  ///   ``StopWords/words()`` when a stop word file is missing.
  public init(configuration: Configuration) throws {
    self.configuration = configuration
    self.pipeline = try Pipeline(configuration: configuration)
  }

  /// The preset for a Snowball language: the defaults, that language's stemmer, and its stop
  /// words (compiled in for English, `data/stopwords/<language>.txt` when shipped, else none).
  ///
  /// - Parameter language: one of ``Snowball/languages``, e.g. `"german"`.
  /// - Throws: `JobFitError.unsupportedLanguage` for a name libstemmer does not list.
  public init(language: String) throws {
    guard Snowball.languages.contains(language) else {
      throw JobFitError.unsupportedLanguage(language)
    }
    try self.init(
      configuration: Configuration(stopWords: StopWords.defaultList(for: language), stemmer: language))
  }

  /// The default analyzer: NFKC, lowercase, technical tokenizer, English stop words, English
  /// Snowball stemmer, unigrams, tokens up to 64 bytes.
  public static let english: Analyzer = {
    do {
      return try Analyzer(configuration: Configuration())
    } catch {
      preconditionFailure("the English preset needs libstemmer's english algorithm: \(error)")
    }
  }()
}

// MARK: - Configuration

extension Analyzer {
  /// The settings of an ``Analyzer``: plain values, saved with fitted models.
  public struct Configuration: Sendable, Hashable, Codable {
    /// NFKC and lowercasing (both on by default).
    public var normalizer: Normalizer
    /// Remove diacritics after stemming (`café` → `cafe`); off by default.
    public var foldDiacritics: Bool
    /// The stop words removed after normalisation (default: compiled-in English).
    public var stopWords: StopWords
    /// The Snowball language to stem with, or `nil` for no stemming (default `"english"`).
    public var stemmer: String?
    /// Lengths of word n-grams to emit, like sklearn's `ngram_range` (default `1...1`).
    public var ngramRange: ClosedRange<Int>
    /// Tokens whose source is longer than this many UTF-8 bytes are dropped (default 64).
    public var maxTokenBytes: Int

    public init(
      normalizer: Normalizer = Normalizer(),
      foldDiacritics: Bool = false,
      stopWords: StopWords = .english,
      stemmer: String? = "english",
      ngramRange: ClosedRange<Int> = 1...1,
      maxTokenBytes: Int = 64
    ) {
      self.normalizer = normalizer
      self.foldDiacritics = foldDiacritics
      self.stopWords = stopWords
      self.stemmer = stemmer
      self.ngramRange = ngramRange
      self.maxTokenBytes = maxTokenBytes
    }
  }
}

// MARK: - TextAnalyzer

extension Analyzer: TextAnalyzer {
  /// The tokens of `text`, with UTF-8 byte offsets into `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public func tokens(in text: String) -> [Token] {
    var text = text
    return text.withUTF8 { pipeline.tokens(in: $0) }
  }

  /// The term a token with source text `raw` gets, without stop-word removal: normalised,
  /// stemmed when `stemmed` and the term is purely alphabetic, and folded if configured.
  package func term(forSource raw: String, stemmed: Bool) -> String {
    pipeline.term(forSource: raw, stemmed: stemmed)
  }
}

// MARK: - Equatable, Hashable, Codable

extension Analyzer: Hashable, Codable {
  public static func == (lhs: Analyzer, rhs: Analyzer) -> Bool {
    lhs.configuration == rhs.configuration
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(configuration) }

  /// Decodes a configuration and rebuilds the analyzer; throws like ``init(configuration:)``.
  public init(from decoder: any Decoder) throws {
    try self.init(configuration: Configuration(from: decoder))
  }

  public func encode(to encoder: any Encoder) throws { try configuration.encode(to: encoder) }
}
