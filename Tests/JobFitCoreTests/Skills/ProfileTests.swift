import JobFitCore
import Testing

@Suite("Experience, degrees, languages and work history")
struct ExperienceTests {
  @Test("Year requirements in their common spellings", arguments: [
    ("7+ years of experience", 7.0, nil as Double?),
    ("2–4 years in a similar role", 2, 4),
    ("at least five years of nursing", 5, nil),
    ("minimum of 3 years", 3, nil),
    ("3 to 5 yrs", 3, 5),
  ])
  func years(_ example: (text: String, min: Double, max: Double?)) {
    let found = ExperienceExtractor.yearRequirements(in: example.text)
    #expect(found == [ExperienceExtractor.YearRange(minimum: example.min, maximum: example.max)])
  }

  @Test("No years in text without a stated duration")
  func noYears() {
    #expect(ExperienceExtractor.yearRequirements(in: "Year-end close and annual reports").isEmpty)
  }

  @Test("Degrees are recognised and ordered")
  func degrees() {
    #expect(ExperienceExtractor.degrees(in: "MSc or PhD in Computer Science") == [.doctorate, .master])
    #expect(ExperienceExtractor.degrees(in: "Bachelor's degree in nursing (BSN)") == [.bachelor])
    #expect(ExperienceExtractor.Degree.master > .bachelor)
  }

  @Test("Spoken languages are whole capitalised words")
  func languages() {
    #expect(ExperienceExtractor.languages(in: "Fluent English and conversational Spanish") == ["English", "Spanish"])
    #expect(ExperienceExtractor.languages(in: "englishman; Polishing").isEmpty)
  }

  @Test("Work history periods: month names, numeric forms, Present, overlaps counted once")
  func workHistory() {
    let text = """
      Senior Nurse, Mar 2019 – Present
      Staff Nurse, 06/2015 - 02/2019
      Volunteer 2017 - 2018
      """
    let periods = WorkHistory.periods(in: text, asOf: (2024, 3))
    #expect(periods.count == 3)
    #expect(periods[0].months == 61)  // Mar 2019 through Mar 2024
    #expect(periods[1].months == 45)  // Jun 2015 through Feb 2019
    // 2017–2018 lies inside 2015–2019, so the union is Jun 2015 – Mar 2024.
    #expect(abs(WorkHistory.years(periods) - 106.0 / 12) < 1e-9)
  }
}

@Suite("Skill profiles")
struct ProfileTests {
  let profiler = SkillProfiler(matcher: SkillMatcher(taxonomy: miniTaxonomy), asOf: (2024, 6))

  func document(_ text: String) -> Document {
    Document(
      id: "d", sourcePath: "d", format: .text, text: text, sections: SectionSplitter.sections(in: text))
  }

  @Test("Posting levels come from sections and wording; must-haves outrank nice-to-haves")
  func postingLevels() {
    let posting = document("""
      Machine Learning Engineer

      Responsibilities
      - Build training pipelines in PyTorch and ship them with Docker.

      Requirements
      - 5+ years of machine learning; strong PyTorch.
      - Kubernetes experience.

      Nice to have
      - Diffusion models or GANs.
      - SQL is a plus.
      """)
    let profile = profiler.profile(posting, as: .posting)
    let levels = Dictionary(uniqueKeysWithValues: profile.skills.map { ($0.id, $0.level) })
    #expect(levels["pytorch"] == .required)
    #expect(levels["kubernetes"] == .required)
    #expect(levels["machine-learning"] == .required)
    #expect(levels["docker"] == .mentioned)
    #expect(levels["diffusion-models"] == .preferred)
    #expect(levels["sql"] == .preferred)
    #expect(profile.experienceYears == 5)
    #expect(profile.skills.first?.level == .required)
  }

  @Test("Résumé skills keep their evidence line and the years of the job that mentions them")
  func resumeEvidence() {
    let resume = document("""
      Ana Ruiz

      Experience
      ML Engineer, Acme — Jan 2020 – Present
      - Trained diffusion models with PyTorch on Kubernetes.
      Data Analyst, Beta — Jan 2018 – Dec 2019
      - SQL reporting.

      Skills
      Go, Docker
      """)
    let profile = profiler.profile(resume, as: .resume)
    let byID = Dictionary(uniqueKeysWithValues: profile.skills.map { ($0.id, $0) })
    #expect(Set(byID.keys) == ["diffusion-models", "pytorch", "kubernetes", "sql", "go", "docker"])
    #expect(byID["pytorch"]?.evidence.first?.line == "- Trained diffusion models with PyTorch on Kubernetes.")
    #expect(byID["pytorch"]?.years.map { abs($0 - 4.5) < 1e-9 } == true)
    #expect(byID["sql"]?.years.map { abs($0 - 2) < 1e-9 } == true)
    #expect(profile.experienceYears == 6.5)
    #expect(profile.skills.allSatisfy { $0.level == nil && $0.weight == 1 })
  }
}
