import JobFitCore
import JobFitTestSupport
import Testing

/// Tokenizer rules, checked through an analyzer that only normalises (no stop words, no stemming).
@Suite("Tokenizer")
struct TokenizerTests {
  static let plain: Analyzer = {
    do {
      return try Analyzer(configuration: .init(stopWords: .none, stemmer: nil))
    } catch {
      preconditionFailure("\(error)")
    }
  }()

  @Test("technical tokens stay whole in sentences", arguments: [
    (
      "We use C++, C# and F# on .NET; Node.js, Vue.js and ASP.NET for the web.",
      ["we", "use", "c++", "c#", "and", "f#", "on", ".net", "node.js", "vue.js", "and", "asp.net", "for", "the", "web"]
    ),
    (
      "CI/CD pipelines, A/B testing, TCP/IP, UI/UX, PL/SQL and T-SQL.",
      ["ci/cd", "pipelines", "a/b", "testing", "tcp/ip", "ui/ux", "pl/sql", "and", "t-sql"]
    ),
    (
      "R&D and P&L owner, 24/7 support, e-commerce, GPT-4, S3 and EC2.",
      ["r&d", "and", "p&l", "owner", "24/7", "support", "e-commerce", "gpt-4", "s3", "and", "ec2"]
    ),
    ("Python3 and HTML5, 7+ years since 2019.", ["python3", "and", "html5", "7", "years", "since", "2019"]),
  ])
  func technicalTokens(text: String, expected: [String]) {
    expectTokens(expected, from: text, analyzer: Self.plain)
  }

  @Test("sentence punctuation never sticks to tokens", arguments: [
    ("Python.", ["python"]),
    ("(C++)", ["c++"]),
    ("node.js, then", ["node.js", "then"]),
    ("e.g. Java, i.e. Kotlin; U.S.A.", ["eg", "java", "ie", "kotlin", "usa"]),
    ("\"quoted\" 'single' [brackets] {braces}", ["quoted", "single", "brackets", "braces"]),
    ("Hello!!! World??? ...and", ["hello", "world", "and"]),
    ("end.Next -dash- /slash/ &amp", ["end.next", "dash", "slash", "amp"]),
  ])
  func punctuation(text: String, expected: [String]) {
    expectTokens(expected, from: text, analyzer: Self.plain)
  }

  @Test("hyphens join a single letter or a version number, and split plain compounds")
  func hyphenPolicy() {
    expectTokens(
      ["full", "stack", "state", "of", "the", "art", "2019", "2021", "covid-19", "x-ray", "gpt-4o", "utf-8"],
      from: "full-stack, state-of-the-art, 2019-2021, COVID-19, X-ray, GPT-4o, UTF-8",
      analyzer: Self.plain)
  }

  @Test("slashes join short parts only")
  func slashPolicy() {
    expectTokens(
      ["python", "java", "html", "css", "and/or", "i/o", "12/05", "2019"],
      from: "Python/Java, HTML/CSS, and/or I/O, 12/05/2019", analyzer: Self.plain)
  }

  @Test("plus and hash suffixes attach to short words or as ++")
  func suffixes() {
    expectTokens(
      ["notepad++", "python", "c+", "g++", "item", "1"],
      from: "Notepad++ python+ C+ g++ item# #1", analyzer: Self.plain)
  }

  @Test("apostrophes and underscores join inside words")
  func apostrophesAndUnderscores() {
    expectTokens(
      ["don't", "o'reilly's", "quoted", "snake_case", "init"],
      from: "don't O’Reilly's 'quoted' snake_case __init__", analyzer: Self.plain)
  }

  @Test("e-mail addresses and URLs are dropped")
  func emailsAndURLs() {
    expectTokens(
      ["mail", "or", "see", "and", "today"],
      from: "Mail jane.doe@example.com or see https://github.com/jane?tab=repos and www.jane.dev today",
      analyzer: Self.plain)
    expectTokens(["x", "y"], from: "x HTTP://EXAMPLE.ORG/a(b) y", analyzer: Self.plain)
  }

  @Test("the bare tokenizer reports source slices")
  func rawTokenizer() {
    expectTokens(["Node.js", "C++", "ÄRZTIN", "機械", "械学"], from: "Node.js, (C++) ÄRZTIN 機械学", analyzer: Tokenizer())
  }

  @Test("empty and punctuation-only text give no tokens", arguments: ["", " ", "... !!! --- ,,, () // && ++ ##", "\n\t\r"])
  func noTokens(text: String) {
    expectTokens([], from: text, analyzer: Self.plain)
  }
}
