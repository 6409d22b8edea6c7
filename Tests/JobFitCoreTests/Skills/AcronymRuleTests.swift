import Testing

@testable import JobFitCore

@Suite("Acronym rule")
struct AcronymRuleTests {
  /// The rule on Characters, as written for any script.
  static func reference(_ surface: String) -> Bool {
    let letters = surface.filter(\.isLetter)
    guard letters.count >= 2, letters.count <= 6, !surface.contains(" ") else { return false }
    let upper = letters.filter(\.isUppercase).count
    return upper >= 2 && upper * 2 >= letters.count
  }

  @Test("The ASCII fast path agrees with the Character rule")
  func fastPathAgrees() {
    let samples = [
      "LEDs", "NEC", "GANs", "SaaS", "Led", "AWS", "aws", "C++", "A/B", "CI/CD", "Go", "GO", "R",
      "ML", "ml", "NoSQL", "PyTorch", "iOS", "IaaS", "AB CD", "ABCDEFG", "ABCDEF", "A1B2", "Q&A",
      "", "X", "gRPC", "REST", "OAuth2", "k8s", "K8S", "ETL ", ".NET",
    ]
    for sample in samples {
      #expect(SkillMatcher.isAcronym(sample) == Self.reference(sample), "\(sample)")
    }
    #expect(SkillMatcher.isAcronym("LEDs"))
    #expect(!SkillMatcher.isAcronym("Led"))
    #expect(SkillMatcher.isAcronym("ÉTÉ") == Self.reference("ÉTÉ"))
  }

  @Test("Letter classes on bytes agree with Character for ASCII and fall back otherwise")
  func letterClasses() {
    for sample in ["", "123", "abc", "ABC", "aBc", "C++", "é", "Ünïcode", "a1", "-_-", "ÉTÉ"] {
      #expect(ASCIIText.contains(sample, .letter) == sample.contains(where: \.isLetter), "\(sample)")
      #expect(ASCIIText.contains(sample, .upper) == sample.contains(where: \.isUppercase), "\(sample)")
      #expect(ASCIIText.contains(sample, .lower) == sample.contains(where: \.isLowercase), "\(sample)")
    }
  }
}
