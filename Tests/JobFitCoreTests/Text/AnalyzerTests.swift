import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

@Suite("Analyzer")
struct AnalyzerTests {
  @Test("the English preset removes stop words and stems, but not technical tokens")
  func englishPreset() {
    expectTokens(
      ["senior", "c++", "engin", "node.js", "ci/cd", "e-commerce", "run", "gpt-4", "s3", "python3"],
      from: "The Senior C++ engineers (Node.js, CI/CD), e-commerce; running GPT-4 on S3 with Python3.")
    #expect(Analyzer.english.configuration == Analyzer.Configuration())
  }

  @Test("Snowball English outputs", arguments: [
    ("running", "run"), ("engineers", "engin"), ("connected", "connect"),
    ("generalization", "general"), ("learning", "learn"), ("databases", "databas"), ("python's", "python"),
  ])
  func englishStems(word: String, stem: String) {
    expectTokens([stem], from: word)
  }

  @Test("German preset: German stop words and Snowball German stems")
  func german() throws {
    let german = try Analyzer(language: "german")
    #expect(german.configuration.stopWords == .language("german"))
    expectTokens(
      ["entwicklerinn", "dat", "haus", "kenntnis", "erfahr"],
      from: "Die Entwicklerinnen und der Daten-Häuser: Kenntnisse, Erfahrung!", analyzer: german)
  }

  @Test("English stop words are compiled in, German ones come from data/stopwords")
  func stopWordLists() throws {
    let english = try StopWords.english.words()
    #expect(english.contains("the") && english.contains("don't") && !english.contains("c"))
    let german = try StopWords.language("german").words()
    #expect(german.contains("und") && german.contains("die"))
    #expect(StopWords.shippedLanguages.contains("german"))
    expectTokens(
      ["python", "go"],
      from: "und die Python oder Go", analyzer: try Analyzer(configuration: .init(stopWords: .language("german"), stemmer: nil)))
    expectTokens(
      ["skill"],
      from: "Foo bar skill", analyzer: try Analyzer(configuration: .init(stopWords: .custom(["FOO", "bar"]), stemmer: nil)))
  }

  @Test("a missing stop word file is a clear error naming the file")
  func missingStopWords() {
    #expect(throws: JobFitError.missingDataFile(relativePath: "stopwords/klingon.txt")) {
      try Analyzer(configuration: .init(stopWords: .language("klingon"), stemmer: nil))
    }
    let message = JobFitError.missingDataFile(relativePath: "stopwords/klingon.txt").description
    #expect(message.contains("stopwords/klingon.txt") && message.contains("JOBFIT_DATA"))
  }

  @Test("unknown stemmer languages are rejected", arguments: ["klingon", "en", "English", ""])
  func unknownLanguage(language: String) {
    #expect(throws: JobFitError.unsupportedLanguage(language)) { try Analyzer(language: language) }
    #expect(throws: JobFitError.unsupportedLanguage(language)) {
      try Analyzer(configuration: .init(stemmer: language))
    }
  }

  @Test("every Snowball language builds a preset")
  func allLanguages() throws {
    #expect(Snowball.languages.contains("english") && Snowball.languages.contains("german"))
    for language in Snowball.languages {
      let analyzer = try Analyzer(language: language)
      #expect(analyzer.configuration.stemmer == language)
    }
    #expect(try Analyzer(language: "nepali").configuration.stopWords == StopWords.none)
  }

  @Test("word n-grams follow sklearn: built after stop-word removal, joined by one space")
  func ngrams() throws {
    let bigrams = try Analyzer(configuration: .init(stemmer: nil, ngramRange: 1...2))
    expectTokens(
      ["machine", "machine learning", "learning", "learning engineer", "engineer"],
      from: "Machine learning engineer", analyzer: bigrams)
    let tokens = bigrams.tokens(in: "Machine learning engineer")
    #expect(tokens[1] == Token(term: "machine learning", start: 0, end: 16, position: 0))
    expectTokens(["head", "head data", "data"], from: "head of data", analyzer: bigrams)
    let onlyBigrams = try Analyzer(configuration: .init(stemmer: nil, ngramRange: 2...3))
    expectTokens(
      ["a/b testing", "a/b testing team", "testing team"], from: "A/B testing team", analyzer: onlyBigrams)
    expectTokens([], from: "single", analyzer: onlyBigrams)
  }

  @Test("bad parameters are rejected")
  func invalidParameters() {
    #expect(throws: JobFitError.invalidParameter(name: "ngramRange", value: "0...1", expected: "n-gram lengths of 1 or more")) {
      try Analyzer(configuration: .init(ngramRange: 0...1))
    }
    #expect(throws: JobFitError.invalidParameter(name: "maxTokenBytes", value: "0", expected: "a positive byte count")) {
      try Analyzer(configuration: .init(maxTokenBytes: 0))
    }
  }

  @Test("tokens longer than maxTokenBytes are dropped but keep their position")
  func longTokens() throws {
    let long = String(repeating: "a", count: 65)
    let limit = String(repeating: "b", count: 64)
    let tokens = Analyzer.english.tokens(in: "ok \(long) \(limit) fine")
    #expect(tokens.map(\.term) == ["ok", limit, "fine"])
    #expect(tokens.map(\.position) == [0, 2, 3])
    let roomy = try Analyzer(configuration: .init(stemmer: nil, maxTokenBytes: 100))
    expectTokens(["ok", long], from: "ok \(long)", analyzer: roomy)
    // The limit is in UTF-8 bytes of the source: 33 × "é" is 66 bytes.
    expectTokens([], from: String(repeating: "é", count: 33))
  }

  @Test("positions count stop words; offsets point into the source")
  func positionsAndOffsets() {
    let text = "Über the Café"
    let tokens = Analyzer.english.tokens(in: text)
    #expect(tokens.map(\.position) == [0, 2])
    #expect(tokens.map(\.start) == [0, 10])
    #expect(tokens.map(\.end) == [5, 15])
  }

  @Test("the configuration round-trips through JSON and rebuilds the same analyzer")
  func codable() throws {
    let configuration = Analyzer.Configuration(
      normalizer: Normalizer(compatibilityComposition: true, lowercase: false), foldDiacritics: true,
      stopWords: .custom(["x"]), stemmer: "french", ngramRange: 1...3, maxTokenBytes: 40)
    let analyzer = try Analyzer(configuration: configuration)
    let data = try JSONEncoder().encode(analyzer)
    let decoded = try JSONDecoder().decode(Analyzer.self, from: data)
    #expect(decoded == analyzer)
    #expect(decoded.configuration == configuration)
    let text = "Développeurs Java à Paris"
    #expect(decoded.tokens(in: text) == analyzer.tokens(in: text))
    let bad = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "french", with: "klingon").utf8)
    #expect(throws: JobFitError.unsupportedLanguage("klingon")) { try JSONDecoder().decode(Analyzer.self, from: bad) }
  }

  @Test("concurrent analysis gives the same tokens as sequential analysis")
  func concurrency() async {
    let texts = (0..<64).map { "Document \($0): Senior engineers running Node.js and C++ on AWS S3, \($0 * 7) years." }
    let sequential = texts.map { Analyzer.english.tokens(in: $0) }
    let concurrent = await withTaskGroup(of: (Int, [Token]).self) { group in
      for (index, text) in texts.enumerated() {
        group.addTask { (index, Analyzer.english.tokens(in: text)) }
      }
      var result = [[Token]](repeating: [], count: texts.count)
      for await (index, tokens) in group { result[index] = tokens }
      return result
    }
    #expect(concurrent == sequential)
  }
}

@Suite("Analyzer term cache")
struct AnalyzerCacheTests {
  @Test("more distinct tokens than the cache holds: terms stay exact across growth and clearing")
  func cacheOverflow() throws {
    let analyzer = try Analyzer(configuration: .init(stopWords: .custom(["stop"])))
    let count = 140_000
    let text = (0..<count).map { "w\($0) Running stop" }.joined(separator: " ")
    let expected = (0..<count).flatMap { ["w\($0)", "run"] }
    for _ in 0..<2 {
      let tokens = analyzer.tokens(in: text)
      #expect(tokens.map(\.term) == expected)
      #expect(tokens.last?.position == count * 3 - 2)
    }
  }
}
