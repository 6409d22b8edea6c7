import JobFitCore
import JobFitTestSupport
import Testing

@Suite("SklearnAnalyzer")
struct SklearnAnalyzerTests {
  let analyzer = SklearnAnalyzer()

  @Test("ASCII text: lowercase, runs of two or more word characters, punctuation splits")
  func ascii() {
    let text = "Hello, World! It's a test_case: 42 x C++ e-mail"
    let tokens = analyzer.tokens(in: text)
    expectTokens(tokens, ["hello", "world", "it", "test_case", "42", "mail"], in: text)
    // Offsets slice back to the source words.
    let utf8 = Array(text.utf8)
    let slices = tokens.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
    #expect(slices == ["Hello", "World", "It", "test_case", "42", "mail"])
  }

  @Test("Empty and punctuation-only text has no tokens")
  func empty() {
    #expect(analyzer.tokens(in: "").isEmpty)
    #expect(analyzer.tokens(in: "a b c ! ? -- ...").isEmpty)
  }

  @Test("Unicode word characters: letters of any script, numeric characters, not marks or symbols")
  func unicodeWords() {
    let text = "Café e\u{301}cole 東京 ²³ ٣٤ Ⅻ Ⓐⓑ 👩‍💻ok"
    expectTokens(analyzer.tokens(in: text), ["café", "cole", "東京", "²³", "٣٤", "ok"], in: text)
  }

  @Test("Lowercasing is Python's: final sigma in context, İ expands to i + U+0307")
  func pythonLowercase() {
    let text = "ΣΟΦΟΣ ΑΣ.Β ΑΣ' İstanbul"
    let tokens = analyzer.tokens(in: text)
    expectTokens(tokens, ["σοφος", "ασ", "ας", "stanbul"], in: text)
    // İ lowercases to "i" + U+0307 (a mark, not a word character), so the token starts at "s".
    let utf8 = Array(text.utf8)
    let last = tokens[3]
    #expect(String(decoding: utf8[last.start..<last.end], as: UTF8.self) == "stanbul")
  }

  @Test("Tokens match scikit-learn's build_analyzer() on the fixture's Unicode documents")
  func matchesFixture() throws {
    let corpus = try TFIDFFixture.corpus()
    #expect(corpus.tokens.count >= 8)
    for (index, expected) in corpus.tokens.enumerated() {
      let text = corpus.documents[corpus.tokenDocumentOffset + index]
      let tokens = analyzer.tokens(in: text)
      // Compare bytes: Swift String == would equate canonically equivalent terms.
      #expect(tokens.map { Array($0.term.utf8) } == expected.map { Array($0.utf8) },
              "document \(index)")
      expectTokens(tokens, expected, in: text)
    }
  }

  /// The terms of the allocation-free path that fit and transform use (ASCII fast scan, handing
  /// over to the full scanner at the first non-ASCII run).
  static func fastTerms(_ text: String, buffer: TermBuffer = TermBuffer()) -> [[UInt8]] {
    buffer.reset()
    SklearnAnalyzer().appendTerms(of: text, to: buffer)
    return (0..<buffer.count).map { Array(buffer[$0]) }
  }

  @Test("The fit path's ASCII fast scan gives the same terms as the full scanner", arguments: [
    "", "a", "ab", "x ab", "ab x", "Hello, World! It's a test_case: 42 x C++",
    "ASCII then Café au lait", "résumé first, then ASCII words", "déjà", "x é yz",
    "ab\u{301}cd and more", "ΣΟΦΟΣ ascii ΑΣ", "naïve_Case MIXED 東京 tail", "__ _ 9_ Z",
    "end with é", "end with ab", "tab\tand\nnewline\u{0}nul", "İstanbul Ankara",
    "INTERNATIONALIZATION and_underscores_here x12345678901234567 ABCDEFGH abcdefghi Z",
    "exactly8 chars16charsXXXXXXX 12345678", "@[`{ /:09AZaz_ @@AZ[[az{{ 0/9:", "abcdefgh",
    "mixedCASEwordsWITHdigits0123 and ÉCOLE-Normale longASCIIwordthenÜmlaut",
  ])
  func fastPathMatches(text: String) {
    let expected = analyzer.tokens(in: text).map { Array($0.term.utf8) }
    #expect(Self.fastTerms(text) == expected)
    // Appending after earlier terms (a reused buffer) keeps each term's bytes.
    let buffer = TermBuffer(capacity: 4)
    buffer.reset()
    SklearnAnalyzer().appendTerms(of: "Prefix words", to: buffer)
    SklearnAnalyzer().appendTerms(of: text, to: buffer)
    let all = (0..<buffer.count).map { Array(buffer[$0]) }
    #expect(all == [Array("prefix".utf8), Array("words".utf8)] + expected)
  }
}
