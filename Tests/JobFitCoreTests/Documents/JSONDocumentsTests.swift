import JobFitTestSupport
import Testing

@testable import JobFitCore

@Suite("JSON documents")
struct JSONDocumentsTests {
  static let resume = """
    {"basics": {"name": "Ada Lovelace", "label": "Backend Engineer", "email": "ada@example.com",
      "summary": "Builds payment systems.", "location": {"city": "London", "countryCode": "GB"}},
     "work": [{"name": "Acme", "position": "Senior Engineer", "startDate": "2019-03", "endDate": "2023-06",
       "highlights": ["Cut latency by 40%", "Led 4 engineers"]},
      {"company": "Initech", "position": "Engineer", "startDate": "2016-01"}],
     "education": [{"institution": "UCL", "area": "Computer Science", "studyType": "BSc", "endDate": "2015"}],
     "skills": [{"name": "Backend", "level": "Expert", "keywords": ["Go", "PostgreSQL"]}, {"name": "Rust"}],
     "certificates": [{"name": "CKA", "issuer": "CNCF", "date": "2021-05-01"}],
     "languages": [{"language": "English", "fluency": "Native"}]}
    """

  @Test("A JSON Resume becomes sectioned text with one line per item")
  func jsonResume() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("ada.json", Self.resume)
    let documents = try DocumentLoader().loadDocument(at: path)
    let document = try #require(documents.first)
    #expect(documents.count == 1)
    #expect(document.format == .jsonResume)
    #expect(document.id == "ada.json")
    #expect(document.title == "Ada Lovelace")
    #expect(!document.text.contains("ada@example.com"))
    #expect(
      document.text == """
        Ada Lovelace
        Backend Engineer
        London, GB

        Summary
        Builds payment systems.

        Experience
        Senior Engineer, Acme (2019-03 – 2023-06)
        • Cut latency by 40%
        • Led 4 engineers
        Engineer, Initech (2016-01 – present)

        Education
        BSc in Computer Science, UCL (until 2015)

        Skills
        Backend (Expert): Go, PostgreSQL
        Rust

        Certifications
        CKA, CNCF (2021-05-01)

        Languages
        English: Native
        """)
    #expect(
      document.sections.map(\.kind) == [
        .other, .summary, .experience, .education, .skills, .certifications, .languages,
      ])
    #expect(
      DocumentInvariants.body(of: .skills, in: document) == "Backend (Expert): Go, PostgreSQL\nRust"
    )
  }

  @Test("A schema.org JobPosting inside @graph: HTML description stripped, sections added")
  func jobPostingGraph() throws {
    let json = """
      {"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Acme"},
       {"@type": "JobPosting", "title": "Data Engineer", "identifier": {"@type": "PropertyValue", "value": "J-42"},
        "hiringOrganization": {"@type": "Organization", "name": "Acme"},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}},
        "employmentType": ["FULL_TIME"], "datePosted": "2024-05-01",
        "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}},
        "description": "<p>Build <b>pipelines</b>.</p><ul><li>Own Airflow</li></ul>",
        "qualifications": ["Python", "SQL"], "skills": "Spark, Kafka",
        "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"}}]}
      """
    let folder = try TemporaryFolder()
    let document = try #require(
      try DocumentLoader().loadDocument(at: try folder.write("job.json", json)).first)
    #expect(document.format == .jobPosting)
    #expect(document.title == "Data Engineer")
    #expect(
      document.text == """
        Data Engineer
        Acme — Berlin, DE
        Employment type: FULL_TIME
        Salary: EUR 70000–90000 per YEAR
        Posted: 2024-05-01

        Build pipelines.
        • Own Airflow

        Requirements
        • Python
        • SQL
        bachelor degree

        Skills
        Spark, Kafka
        """)
    #expect(
      DocumentInvariants.body(of: .requirements, in: document) == "• Python\n• SQL\nbachelor degree"
    )
  }

  @Test("An array of postings is a collection with ids from identifier, else file#index")
  func collection() throws {
    let json = """
      [{"@type": "JobPosting", "title": "Nurse", "description": "Night shifts", "identifier": "N1"},
       {"title": "Welder", "company": "Forge Ltd", "responsibilities": ["Weld pipes"], "qualifications": ["TIG"]},
       {"foo": "bar"}]
      """
    let folder = try TemporaryFolder()
    let path = try folder.write("jobs.json", json)
    let result = DocumentLoader().load([path])
    #expect(result.documents.map(\.id) == ["N1", "jobs.json#1"])
    #expect(result.documents.map(\.format) == [.jobPosting, .jobPosting])
    #expect(
      result.documents[1].text
        == "Welder\nForge Ltd\n\nResponsibilities\n• Weld pipes\n\nRequirements\n• TIG")
    #expect(result.failures.map(\.path) == [path + "#2"])
    #expect(throws: JobFitError.self) { try DocumentLoader().loadDocument(at: path) }
  }

  @Test("Other JSON, broken JSON and hostile nesting are refused with a reason")
  func refused() throws {
    let folder = try TemporaryFolder()
    let other = try folder.write("other.json", #"{"foo": 1}"#)
    #expect(
      throws: JobFitError.invalidDocument(path: other, reason: JSONDocuments.unrecognisedReason)
    ) {
      try DocumentLoader().loadDocument(at: other)
    }
    let broken = try folder.write("broken.json", #"{"basics": "#)
    let brokenError = #expect(throws: JobFitError.self) {
      try DocumentLoader().loadDocument(at: broken)
    }
    #expect(brokenError?.description.hasPrefix(broken + ": invalid JSON") == true)
    let deep = try folder.write("deep.json", String(repeating: "[", count: 100_000))
    #expect(
      throws: JobFitError.invalidDocument(path: deep, reason: "JSON nested deeper than 256 levels")
    ) {
      try DocumentLoader().loadDocument(at: deep)
    }
    let empty = try folder.write("empty.json", "[]")
    #expect(throws: JobFitError.emptyDocument(path: empty)) {
      try DocumentLoader().loadDocument(at: empty)
    }
  }
}
