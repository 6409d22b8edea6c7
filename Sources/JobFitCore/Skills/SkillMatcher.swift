import Dispatch
import Foundation
import LinearAlgebra

/// Finds taxonomy skills in documents.
///
/// Every name and alias goes through the same analyzer as documents (Lucene's
/// `Analyzer.normalize` idea), so "Kubernetes", "kubernetes," and "KUBERNETES" all meet as the
/// same terms, and "machine-learning" meets "machine learning". Matching is greedy longest-first
/// over the token stream: at each token the longest phrase starting there wins, and matches do not
/// overlap. Phrase words must be adjacent, allowing one removed stop word between them
/// ("years of Python" still matches "years Python" phrasing), but a phrase never spans a list
/// separator (a conjunction such as "and"/"or", a comma, semicolon, pipe, bullet or line break)
/// unless the alias has one in the same place: "product and design" is two items, not "product
/// design", while "research and development" and "trust & safety" still match their aliases (see
/// `SkillMatcher+Gaps.swift`).
///
/// Ambiguous aliases ("Go", "R", "C", "CV", "ML", …) only count in context; see
/// `SkillMatcher+Context.swift` for the rule.
///
/// Skill names are mostly proper nouns, so the matcher's analyzer does not stem (Snowball would
/// make "Solidity" meet "solid"); it only removes a plural "s" from both sides
/// (`minimalStem`: "LLMs" meets "LLM", "diffusion models" meets "diffusion model"; "electronics"
/// does not meet "electronic").
public struct SkillMatcher: Sendable {
  public let taxonomy: SkillTaxonomy
  let analyzer: Analyzer
  /// First term → phrases starting with it, longest first.
  let phrases: [String: [Phrase]]

  struct Phrase: Sendable {
    var terms: [String]
    var skill: Int
    var surface: String
    var isCanonical: Bool
    var isAmbiguous: Bool
    var isAcronym: Bool
    /// The skill is a human language ("German"): it needs a language context
    /// (`MatchContext.allowsLanguage`).
    var isLanguage = false
    /// Bit *j* set: the alias has a list separator between terms *j* − 1 and *j*
    /// ("research and development"), so the text may have one there too.
    var separatedGaps: UInt64 = 0
  }

  /// Compiles the taxonomy's names and aliases with `analyzer`'s normaliser, stop words and
  /// tokenizer (its stemmer is replaced by `minimalStem`).
  ///
  /// Single-term aliases of one or two characters are always treated as ambiguous, whatever the
  /// taxonomy says: they are too easily ordinary words or initials. Two kinds of alias from the
  /// imported (non-curated) sources are not used at all: aliases without a letter ("100" for
  /// "Sage 100 ERP"), and one-word fragments of a longer product name ("Tracks" for "Tracks
  /// Software", "ENGINEER" for "Control Station ENGINEER"), which are ordinary words far more
  /// often than they are the product; and one-word aliases written all in lower case ("current"
  /// for "electricity principles", "standard" for "scaffolding components"): ESCO's generated
  /// variants, which are common words rather than names.
  public init(taxonomy: SkillTaxonomy, analyzer: Analyzer = .english) {
    self.taxonomy = taxonomy
    var configuration = analyzer.configuration
    configuration.stemmer = nil
    configuration.ngramRange = 1...1
    let analyzer = (try? Analyzer(configuration: configuration)) ?? analyzer
    self.analyzer = analyzer
    // Analyse names and aliases in parallel chunks (about 100k strings), then merge in order.
    let skills = taxonomy.skills
    let chunkCount = max(1, min(skills.count, ProcessorCount.active * 4))
    var chunks = [[Phrase]](repeating: [], count: chunkCount)
    chunks.withUnsafeMutableBufferPointer { buffer in
      let out = UncheckedSendable(buffer)
      DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
        let range = (skills.count * chunk / chunkCount)..<(skills.count * (chunk + 1) / chunkCount)
        out.value[chunk] = range.flatMap { Self.phrases(of: skills[$0], at: $0, analyzer: analyzer) }
      }
    }
    var table: [String: [Phrase]] = [:]
    for phrase in chunks.joined() { table[phrase.terms[0], default: []].append(phrase) }
    // Longest first; among equal phrases prefer canonical names, then the earlier skill.
    for key in table.keys {
      table[key]?.sort {
        if $0.terms.count != $1.terms.count { return $0.terms.count > $1.terms.count }
        if $0.isCanonical != $1.isCanonical { return $0.isCanonical }
        return $0.skill < $1.skill
      }
    }
    self.phrases = table
  }

  /// The phrases of one skill: its name and usable aliases, analysed, without duplicates.
  ///
  /// Besides the rules for imported aliases (see `init`), an alias that analysis shrinks to one
  /// word because its other words were stop words ("on-call" → "call", "After the Deadline" →
  /// "deadline") is dropped: what is left is too generic. Two-word alphabetic phrases are also
  /// indexed written as one word ("fine tuning" → "finetuning").
  private static func phrases(of skill: Skill, at index: Int, analyzer: Analyzer) -> [Phrase] {
    var result: [Phrase] = []
    var seen: [[String]: Int] = [:]  // terms → index in `result`
    let ambiguous = Set(skill.ambiguousAliases.map { $0.lowercased() })
    let nameTokens = analyzer.tokens(in: skill.name)
    let nameTerms = nameTokens.map { minimalStem($0.term) }
    for (surface, canonical) in [(skill.name, true)] + skill.aliases.map({ ($0, false) }) {
      let tokens = canonical ? nameTokens : analyzer.tokens(in: surface)
      let terms = canonical ? nameTerms : tokens.map { minimalStem($0.term) }
      guard let first = terms.first else { continue }
      let words = surface.split(whereSeparator: { $0 == " " || $0 == "-" }).count
      if !canonical && terms.count == 1 && words > 1 { continue }
      if !canonical && !skill.isCurated {
        if !ASCIIText.contains(surface, .letter) { continue }
        let camelCase = ASCIIText.contains(String(surface.dropFirst()), .upper)
          && ASCIIText.contains(surface, .lower)
        if terms.count == 1 && nameTerms.count > 1 && nameTerms.contains(first) && !camelCase {
          continue
        }
        if terms.count == 1 && !ASCIIText.contains(surface, .upper) && surface != skill.name {
          continue
        }
      }
      var variants = [terms]
      if terms.count == 2, terms.allSatisfy({ $0.allSatisfy(\.isLetter) }) {
        variants.append([terms[0] + terms[1]])
      }
      let gaps = terms.count > 1 ? separatedGaps(of: tokens, in: surface) : 0
      for variant in variants {
        let variantGaps = variant.count > 1 ? gaps : 0
        if let earlier = seen[variant] {
          // Same words as an earlier form: it may still allow a separator the earlier did not
          // ("Foo & Bar" after "Foo Bar").
          result[earlier].separatedGaps |= variantGaps
          continue
        }
        seen[variant] = result.count
        let short = variant.count == 1 && surface.count <= 2
        result.append(
          Phrase(
            terms: variant, skill: index, surface: surface, isCanonical: canonical,
            isAmbiguous: short || ambiguous.contains(surface.lowercased()),
            isAcronym: isAcronym(surface),
            // A longer form naming the language says it is the language ("competent in
            // German"); one without the name ("from the Netherlands") still needs a context.
            isLanguage: Self.humanLanguages.contains(skill.name.lowercased())
              && !(variant.count > 1 && variant.contains(skill.name.lowercased())),
            separatedGaps: variantGaps))
      }
    }
    return result
  }

  /// Short forms written mostly in capitals ("LEDs", "NEC", "GANs", "SaaS"): they match only
  /// when the text writes them in the same capitals (a plural "s" allowed), so "Led the team"
  /// is not "LEDs".
  static func isAcronym(_ surface: String) -> Bool {
    // ASCII fast path (the taxonomy's 100k+ aliases are checked at every start-up): the same
    // rule on bytes, where a letter is A–Z or a–z and an upper-case letter A–Z.
    if surface.utf8.allSatisfy({ $0 < 0x80 }) {
      var letters = 0
      var upper = 0
      for byte in surface.utf8 {
        if byte == 0x20 { return false }
        if byte >= 0x41 && byte <= 0x5A {
          letters += 1
          upper += 1
        } else if byte >= 0x61 && byte <= 0x7A {
          letters += 1
        }
      }
      return letters >= 2 && letters <= 6 && upper >= 2 && upper * 2 >= letters
    }
    let letters = surface.filter(\.isLetter)
    guard letters.count >= 2, letters.count <= 6, !surface.contains(" ") else { return false }
    let upper = letters.filter(\.isUppercase).count
    return upper >= 2 && upper * 2 >= letters.count
  }

  /// The skills named in `document`, in text order.
  public func mentions(in document: Document) -> [SkillMention] {
    mentions(in: document.text, sections: document.sections)
  }

  /// The skills named in `text`, whose sections are `sections` (byte ranges into `text`).
  public func mentions(in text: String, sections: [Section]) -> [SkillMention] {
    let tokens = splitSlashes(
      analyzer.tokens(in: text).map {
        Token(term: Self.minimalStem($0.term), start: $0.start, end: $0.end, position: $0.position)
      }, text: text)
    guard !tokens.isEmpty else { return [] }
    let context = MatchContext(text: text, sections: sections, tokens: tokens)
    var result: [SkillMention] = []
    var i = 0
    while i < tokens.count {
      if let (phrase, length) = longestMatch(at: i, tokens: tokens, context: context) {
        let start = tokens[i].start
        let end = tokens[i + length - 1].end
        let line = context.line(containing: start)
        result.append(
          SkillMention(
            skill: phrase.skill, alias: phrase.surface, isCanonical: phrase.isCanonical,
            start: start, end: end, lineStart: line.lowerBound, lineEnd: line.upperBound,
            section: context.section(containing: start)))
        i += length
      } else {
        i += 1
      }
    }
    return result
  }

  private func longestMatch(at i: Int, tokens: [Token], context: MatchContext) -> (Phrase, Int)? {
    guard let candidates = phrases[tokens[i].term] else { return nil }
    for phrase in candidates {
      let n = phrase.terms.count
      guard i + n <= tokens.count else { continue }
      var ok = true
      for j in 1..<max(n, 1) where ok {
        ok = tokens[i + j].term == phrase.terms[j]
          && tokens[i + j].position - tokens[i + j - 1].position <= 2
          && (phrase.allowsSeparator(before: j)
            || !Self.hasSeparator(context.bytes, tokens[i + j - 1].end..<tokens[i + j].start))
      }
      guard ok else { continue }
      if phrase.isAcronym && !context.hasCasing(of: phrase.surface, at: i, length: n) { continue }
      if phrase.isAmbiguous && !context.allowsAmbiguous(phrase.surface, at: i, length: n) {
        continue
      }
      if phrase.isLanguage && !context.allowsLanguage(at: i, length: n) { continue }
      return (phrase, n)
    }
    return nil
  }
}

// MARK: - Slash lists

extension SkillMatcher {
  /// Tokens such as "llm/sd" or "nlp/cv" (kept whole by the tokenizer because each side is short)
  /// are split into their parts unless the whole token names a skill ("ci/cd", "a/b").
  func splitSlashes(_ tokens: [Token], text: String) -> [Token] {
    guard tokens.contains(where: { Self.hasSlash($0.term) }) else { return tokens }
    let bytes = Array(text.utf8)
    var result: [Token] = []
    for token in tokens {
      guard Self.hasSlash(token.term), phrases[token.term] == nil else {
        result.append(token)
        continue
      }
      var start = token.start
      for i in token.start...token.end where i == token.end || bytes[i] == UInt8(ascii: "/") {
        if i > start {
          let part = String(decoding: bytes[start..<i], as: UTF8.self).lowercased()
          result.append(
            Token(term: Self.minimalStem(part), start: start, end: i, position: token.position))
        }
        start = i + 1
      }
    }
    return result
  }
}

extension SkillMatcher {
  /// Foundation's `term.contains("/")` (which was 15 % of a posting's profile) answered on bytes
  /// when the term is ASCII: no other scalar is canonically equivalent to "/", so without that
  /// byte the answer is no.
  static func hasSlash(_ term: String) -> Bool {
    guard term.utf8.contains(UInt8(ascii: "/")) else { return false }
    return term.utf8.allSatisfy { $0 < 0x80 } || term.contains("/")
  }
}

// MARK: - Plurals

extension SkillMatcher {
  /// Drops one plural "s" from alphabetic terms longer than three letters, unless the word ends
  /// in "ss", "us", "is" or "ics" ("LLMs" → "llm", "models" → "model"; "class", "status",
  /// "analysis", "electronics" stay).
  ///
  /// Words in "-ics" are mostly nouns of their own, not plurals of the "-ic" adjective:
  /// "electronics", "economics", "ethics", "analytics", "robotics", "genetics" name fields, and
  /// folding them made "electronic signatures" mention Electronics. The few "-ic" count nouns
  /// whose plural is common in the taxonomy and in postings (`icPlurals`: "metrics", "topics",
  /// "clinics", …) still fold.
  static func minimalStem(_ term: String) -> String {
    let bytes = term.utf8
    guard bytes.count > 3, bytes.last == UInt8(ascii: "s") else { return term }
    let penultimate = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
    guard penultimate != UInt8(ascii: "s"), penultimate != UInt8(ascii: "u"),
      penultimate != UInt8(ascii: "i"),
      bytes.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) })
    else { return term }
    if penultimate == UInt8(ascii: "c"),
      bytes[bytes.index(bytes.endIndex, offsetBy: -3)] == UInt8(ascii: "i"),
      !icPlurals.contains(term)
    {
      return term
    }
    return String(term.dropLast())
  }

  /// Plurals of "-ic" count nouns, which fold like any plural ("metrics" → "metric").
  static let icPlurals: Set<String> = [
    "metrics", "topics", "clinics", "fabrics", "tactics", "schematics", "characteristics",
    "paramedics", "mosaics", "antibiotics", "critics", "rubrics",
  ]
}

// MARK: - Shared instances

extension SkillMatcher {
  private static let cache = MatcherCache()

  /// The matcher over the bundled taxonomy for `language`, built once per process.
  ///
  /// - Throws: `JobFitError.missingDataFile` when the taxonomy is not installed;
  ///   `unsupportedLanguage` for an unknown stemmer language.
  public static func shared(language: String) throws -> SkillMatcher {
    try cache.matcher(language: language)
  }
}

private final class MatcherCache: @unchecked Sendable {
  private var matchers: [String: SkillMatcher] = [:]
  private let lock = NSLock()

  func matcher(language: String) throws -> SkillMatcher {
    lock.lock()
    defer { lock.unlock() }
    if let m = matchers[language] { return m }
    let m = SkillMatcher(taxonomy: try SkillTaxonomy.bundled(), analyzer: try Analyzer(language: language))
    matchers[language] = m
    return m
  }
}
