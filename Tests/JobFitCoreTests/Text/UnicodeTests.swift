import JobFitCore
import JobFitTestSupport
import Testing

@Suite("Unicode normalisation and scripts")
struct UnicodeTests {
  static let plain = TokenizerTests.plain

  @Test("NFKC: ligatures and full-width forms")
  func compatibilityComposition() {
    expectTokens(
      ["finance", "python", "ci/cd", "m2"], from: "ﬁnance ＰＹＴＨＯＮ ＣＩ／ＣＤ m²", analyzer: Self.plain)
  }

  @Test("lowercasing covers non-ASCII letters and keeps ß")
  func caseFolding() {
    expectTokens(["ärztin", "straße", "σοφια", "élan"], from: "ÄRZTIN STRAßE ΣΟΦΙΑ Élan", analyzer: Self.plain)
  }

  @Test("diacritic folding is off by default and on when asked")
  func diacritics() throws {
    let text = "Café Crème naïve São Paulo Łódź"
    expectTokens(["café", "crème", "naïve", "são", "paulo", "łódź"], from: text, analyzer: Self.plain)
    let folding = try Analyzer(configuration: .init(foldDiacritics: true, stopWords: .none, stemmer: nil))
    expectTokens(["cafe", "creme", "naive", "sao", "paulo", "łodz"], from: text, analyzer: folding)
  }

  @Test("CJK runs become overlapping bigrams with byte offsets")
  func cjkBigrams() {
    let text = "機械学習エンジニア"
    expectTokens(["機械", "械学", "学習", "習エ", "エン", "ンジ", "ジニ", "ニア"], from: text, analyzer: Self.plain)
    let tokens = Self.plain.tokens(in: text)
    // Every character here is 3 UTF-8 bytes: bigram k spans bytes 3k..<3k+6.
    #expect(tokens.map(\.start) == [0, 3, 6, 9, 12, 15, 18, 21])
    #expect(tokens.map(\.end) == [6, 9, 12, 15, 18, 21, 24, 27])
    #expect(tokens.map(\.position) == Array(0..<8))
  }

  @Test("a one-character CJK run is a unigram; Latin next to CJK splits")
  func cjkUnigramsAndMixed() {
    expectTokens(["go", "語", "ok", "python", "开发"], from: "Go 語 OK Python开发", analyzer: Self.plain)
    let tokens = Self.plain.tokens(in: "Python开发")
    #expect(tokens.map(\.start) == [0, 6])
    #expect(tokens.map(\.end) == [6, 12])
  }

  @Test("Hangul runs become bigrams per word")
  func hangul() {
    expectTokens(["데이", "이터", "엔지", "지니", "니어"], from: "데이터 엔지니어", analyzer: Self.plain)
  }

  @Test("Thai, Arabic and Hebrew words stay words")
  func otherScripts() {
    expectTokens(["วิศวกรข้อมูล"], from: "วิศวกรข้อมูล", analyzer: Self.plain)
    expectTokens(["مهندس", "بيانات", "מהנדס"], from: "مهندس بيانات، מהנדס.", analyzer: Self.plain)
  }

  @Test("combining marks, emoji, joiners and replacement characters")
  func oddUnicode() {
    // A decomposed é composes under NFKC; a mark with no base letter is not a token.
    expectTokens(["café", "abc"], from: "cafe\u{301} \u{301}abc", analyzer: Self.plain)
    expectTokens(["i", "swift", "dev"], from: "I ❤️ Swift 👩‍💻 dev 🚀", analyzer: Self.plain)
    expectTokens(["experience", "a", "b"], from: "experi\u{AD}ence a\u{FFFD}b\u{200B}", analyzer: Self.plain)
    expectTokens(["gpt-4", "don't"], from: "GPT\u{2011}4 don\u{2019}t", analyzer: Self.plain)
    let invalid = String(decoding: [0x61, 0xFF, 0x62, 0xC3], as: UTF8.self)
    expectTokens(["a", "b"], from: invalid, analyzer: Self.plain)
  }
}
