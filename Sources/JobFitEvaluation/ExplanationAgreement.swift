import Foundation
import JobFitCore

/// How often JobFit's per-skill verdicts agree with HR users' per-skill feedback (FERR).
///
/// In the FERR study an HR user marked, for a (job, résumé) pair, which of the job's skill
/// phrases the résumé shows (*positive*) and which it lacks (*negative*). JobFit's verdict for a
/// phrase is what its explanation would say: the phrase is mapped to taxonomy skills by the
/// same matcher that profiles postings; it is **shown** when the résumé's profile names one of
/// them (the explanation's exact / alias match), **related** when it names only a related skill
/// (the explanation's half-credit match), and **missing** otherwise. Phrases that name no
/// taxonomy skill ("Purchase Executive") have no verdict and are counted apart.
///
/// - positive agreement = (shown + ½ related) / mapped positive phrases;
/// - negative agreement = (missing + ½ related) / mapped negative phrases;
/// - balanced agreement = their mean (chance is 0.5 whatever the class balance).
///
/// The keyword baseline calls a phrase shown when it occurs in the résumé text, case-folded —
/// what a keyword matcher would report — over the same mapped phrases.
public struct ExplanationAgreement: Codable, Sendable, Equatable {
  public var pairs: Int
  public var positivePhrases: Int
  public var negativePhrases: Int
  /// Phrases that name at least one taxonomy skill (the ones with a verdict).
  public var mappedPositive: Int
  public var mappedNegative: Int
  public var positiveAgreement: Double
  public var negativeAgreement: Double
  public var keywordPositiveAgreement: Double
  public var keywordNegativeAgreement: Double

  public var balanced: Double { (positiveAgreement + negativeAgreement) / 2 }
  public var keywordBalanced: Double { (keywordPositiveAgreement + keywordNegativeAgreement) / 2 }

  /// Measures agreement over `feedback`, with résumé texts looked up in `resumes` by id
  /// (pairs whose résumé is missing are skipped).
  public static func measure(
    feedback: [FERRSkillFeedback], resumes: [String: Document], language: String = "english"
  ) throws -> ExplanationAgreement {
    let matcher = try SkillMatcher.shared(language: language)
    let profiler = SkillProfiler(matcher: matcher)
    let taxonomy = matcher.taxonomy
    var phraseSkills: [String: [Int]] = [:]
    func skills(of phrase: String) -> [Int] {
      if let known = phraseSkills[phrase] { return known }
      let document = Document(id: "phrase", sourcePath: "feedback", format: .text, text: phrase)
      let found = profiler.profile(document, as: .posting).skills.compactMap { taxonomy.index[$0.id] }
      phraseSkills[phrase] = found
      return found
    }
    var result = ExplanationAgreement(
      pairs: 0, positivePhrases: 0, negativePhrases: 0, mappedPositive: 0, mappedNegative: 0,
      positiveAgreement: 0, negativeAgreement: 0, keywordPositiveAgreement: 0,
      keywordNegativeAgreement: 0)
    var shown = (positive: 0.0, negative: 0.0)
    var keyword = (positive: 0, negative: 0)
    for row in feedback {
      guard let resume = resumes[row.resumeID] else { continue }
      result.pairs += 1
      let profile = profiler.profile(resume, as: .resume)
      let present = Set(profile.skills.compactMap { taxonomy.index[$0.id] })
      var related = Set<Int>()
      for i in present { related.formUnion(taxonomy.relatedIndices[i]) }
      let text = resume.text.lowercased()
      for (phrases, isPositive) in [(row.positive, true), (row.negative, false)] {
        for phrase in phrases {
          if isPositive { result.positivePhrases += 1 } else { result.negativePhrases += 1 }
          let mapped = skills(of: phrase)
          guard !mapped.isEmpty else { continue }
          // Credit that the résumé shows the phrase: 1 shown, ½ related, 0 missing.
          let credit =
            mapped.contains { present.contains($0) } ? 1.0
            : mapped.contains { related.contains($0) } ? 0.5 : 0
          let keywordShown = text.contains(phrase.lowercased())
          if isPositive {
            result.mappedPositive += 1
            shown.positive += credit
            if keywordShown { keyword.positive += 1 }
          } else {
            result.mappedNegative += 1
            shown.negative += 1 - credit
            if !keywordShown { keyword.negative += 1 }
          }
        }
      }
    }
    func share(_ n: Double, _ d: Int) -> Double { d == 0 ? 0 : n / Double(d) }
    result.positiveAgreement = share(shown.positive, result.mappedPositive)
    result.negativeAgreement = share(shown.negative, result.mappedNegative)
    result.keywordPositiveAgreement = share(Double(keyword.positive), result.mappedPositive)
    result.keywordNegativeAgreement = share(Double(keyword.negative), result.mappedNegative)
    return result
  }
}
