import JobFitCore
import Testing

@testable import JobFitEvaluation

@Suite struct ExplanationAgreementTests {
  /// One résumé with Python and Docker. HR says Python and Docker are shown and HACCP (food
  /// safety) is missing; "Purchase Executive" names no skill and gets no verdict.
  @Test func agreementByHand() throws {
    let resume = Document(
      id: "r", sourcePath: "r", format: .text,
      text: "Skills\nPython, Docker\n\nExperience\nBuilt data pipelines in Python.\n")
    let feedback = FERRSkillFeedback(
      hrID: "1", jobID: "j", queryID: "q", resumeID: "r", chosen: true,
      positive: ["Python", "Docker"], negative: ["HACCP", "Purchase Executive"], neutral: [])
    let missingResume = FERRSkillFeedback(
      hrID: "1", jobID: "j", queryID: "q", resumeID: "absent", chosen: false,
      positive: ["Python"], negative: [], neutral: [])
    let result = try ExplanationAgreement.measure(
      feedback: [feedback, missingResume], resumes: ["r": resume])
    #expect(result.pairs == 1)
    #expect(result.positivePhrases == 2 && result.negativePhrases == 2)
    #expect(result.mappedPositive == 2 && result.mappedNegative == 1)
    #expect(result.positiveAgreement == 1)
    #expect(result.negativeAgreement == 1)
    // Keyword baseline: "python" and "docker" occur in the text; "haccp" does not.
    #expect(result.keywordPositiveAgreement == 1 && result.keywordNegativeAgreement == 1)
    #expect(result.balanced == 1)
  }

  /// A skill HR calls missing that the résumé does name is a disagreement; one the résumé only
  /// has a related skill for (Kubernetes via Docker) is half right.
  @Test func disagreementCounts() throws {
    let resume = Document(id: "r", sourcePath: "r", format: .text, text: "Skills\nKubernetes\n")
    let feedback = FERRSkillFeedback(
      hrID: "1", jobID: "j", queryID: "q", resumeID: "r", chosen: false,
      positive: [], negative: ["Kubernetes"], neutral: [])
    let result = try ExplanationAgreement.measure(feedback: [feedback], resumes: ["r": resume])
    #expect(result.mappedNegative == 1)
    #expect(result.negativeAgreement == 0)
    #expect(result.keywordNegativeAgreement == 0)

    let docker = Document(id: "d", sourcePath: "d", format: .text, text: "Skills\nDocker\n")
    let related = try ExplanationAgreement.measure(
      feedback: [FERRSkillFeedback(
        hrID: "1", jobID: "j", queryID: "q", resumeID: "d", chosen: false,
        positive: ["Kubernetes"], negative: ["Kubernetes"], neutral: [])],
      resumes: ["d": docker])
    #expect(related.positiveAgreement == 0.5 && related.negativeAgreement == 0.5)
  }
}
