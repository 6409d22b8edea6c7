import JobFitTestSupport
import Testing

@testable import JobFitCore

@Suite("SectionSplitter")
struct SectionSplitterTests {
  static let posting = """
    Senior Backend Engineer — Acme
    Remote, EU

    About us:
    We move money.

    What You’ll Actually Do
    • Design APIs
    • Location: remote
    - Own on-call

    MINIMUM QUALIFICATIONS
    5+ years of Go.
    AWS

    Nice-to-have:
    Kafka

    **Perks & Benefits**
    Equity
    ## Hiring process
    Two calls.
    """

  @Test("Headings of every style map to their kinds; bullets and short lines stay text")
  func posting() {
    let sections = SectionSplitter.sections(in: Self.posting)
    #expect(
      sections.map(\.kind) == [
        .other, .about, .responsibilities, .requirements, .preferred, .benefits, .other,
      ])
    #expect(
      sections.map(\.heading) == [
        "", "About us", "What You’ll Actually Do", "MINIMUM QUALIFICATIONS", "Nice-to-have",
        "Perks & Benefits", "Hiring process",
      ])
    let document = Document(
      id: "p", sourcePath: "p", format: .text, text: Self.posting, sections: sections)
    #expect(DocumentInvariants.violations(document).isEmpty)
    #expect(DocumentInvariants.body(of: .requirements, in: document) == "5+ years of Go.\nAWS")
    #expect(
      DocumentInvariants.body(of: .other, in: document)
        == "Senior Backend Engineer — Acme\nRemote, EU")
    #expect(
      DocumentInvariants.body(of: .responsibilities, in: document)
        == "• Design APIs\n• Location: remote\n- Own on-call")
  }

  @Test("Résumé headings: capitals, colons, Markdown and known names")
  func resume() {
    let text = """
      # Jane Doe
      Engineer
      PROFESSIONAL EXPERIENCE
      Acme, 2019 – 2023
      Technical Skills:
      Go, SQL
      Education
      MSc
      3. Projects
      jobfit
      Volunteering:
      Red Cross
      """
    let sections = SectionSplitter.sections(in: text)
    #expect(sections.map(\.kind) == [.other, .experience, .skills, .education, .projects, .other])
    #expect(sections.first?.heading == "Jane Doe")
  }

  @Test("Entries under Experience keep its kind: deeper Markdown headings inherit it")
  func nestedEntries() {
    let markdown = "## Experience\n### Staff Engineer — Acme\n*Mar 2021 – Present*\n## Publications\nA paper\n"
    #expect(SectionSplitter.sections(in: markdown).map(\.kind) == [.experience, .experience, .other])
    // A heading at the same Markdown level starts a section of its own.
    let posting = "## Requirements\n- Go\n## Team Rituals\nWe ship.\n### Fridays\nDemos.\n"
    #expect(SectionSplitter.sections(in: posting).map(\.kind) == [.requirements, .other, .other])
  }

  @Test(
    "Kinds from the name table",
    arguments: [
      ("Core Competencies", Section.Kind.skills), ("Tech stack", .skills),
      ("Employment History", .experience),
      ("Licenses & Certifications", .certifications), ("Languages", .languages),
      ("What we're looking for", .requirements),
      ("Basic Qualifications", .requirements), ("Must-haves", .requirements),
      ("Bonus points", .preferred),
      ("Pluses", .preferred), ("Duties", .responsibilities), ("The role", .responsibilities),
      ("What we offer", .benefits),
      ("About the company", .about), ("Objective", .summary), ("About me", .summary),
      ("Profile", .summary),
    ])
  func table(heading: String, kind: Section.Kind) {
    #expect(SectionHeadings.kind(of: heading) == kind)
    #expect(SectionSplitter.heading(in: heading + ":")?.kind == kind)
  }

  @Test("Text without headings is one section; empty text has none; offsets are UTF-8 bytes")
  func offsets() {
    #expect(SectionSplitter.sections(in: "").isEmpty)
    let plain = SectionSplitter.sections(in: "  only text here  \n")
    #expect(plain == [Section(kind: .other, heading: "", range: 2..<16)])
    let text = "Résumé\nSKILLS\nGo\n"
    let sections = SectionSplitter.sections(in: text)
    #expect(sections.last == Section(kind: .skills, heading: "SKILLS", range: 16..<18))
    #expect(sections.first?.range == 0..<8)
  }

  @Test("Consecutive headings give an empty body at the next heading")
  func emptyBody() {
    let sections = SectionSplitter.sections(in: "Skills\nExperience\nAcme")
    #expect(sections.map(\.kind) == [.skills, .experience])
    #expect(sections[0].range.isEmpty)
  }
}
