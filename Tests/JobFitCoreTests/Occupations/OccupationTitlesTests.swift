import Foundation
import Testing

@testable import JobFitCore

@Suite("Plural folding")
struct PluralFoldingTests {
  @Test("Harman's S rules fold plurals and leave other endings alone")
  func rules() {
    #expect(PluralFolding.fold("developers") == "developer")
    #expect(PluralFolding.fold("agencies") == "agency")
    #expect(PluralFolding.fold("services") == "service")
    #expect(PluralFolding.fold("analysis") == nil)
    #expect(PluralFolding.fold("business") == nil)
    #expect(PluralFolding.fold("campus") == nil)
    #expect(PluralFolding.fold("shoes") == nil)
    #expect(PluralFolding.fold("companies") == "company")
    #expect(PluralFolding.fold("bus") == nil)
    #expect(PluralFolding.fold("apis") == nil)
    #expect(PluralFolding.fold("Managers") == nil)
  }

  @Test("The title analyzer folds plurals, keeps offsets and does not stem")
  func titleAnalyzer() throws {
    let analyzer = try TitleChannel.analyzer(for: .default)
    let text = "Software Developers, Accountants"
    let tokens = analyzer.tokens(in: text)
    #expect(tokens.map(\.term) == ["software", "developer", "accountant"])
    let last = try #require(tokens.last)
    #expect(String(decoding: Array(text.utf8)[last.start..<last.end], as: UTF8.self) == "Accountants")
    #expect(analyzer.terms(in: "Account Executive") == ["account", "executive"])
  }
}

@Suite("Occupation titles")
struct OccupationTitlesTests {
  /// A small table with the shapes of the real one.
  static func table() throws -> OccupationTitles {
    try OccupationTitles(
      rows: [
        ("15-1252.00", .occupation, "Software Developers"),
        ("15-1252.00", .alternate, "Software Engineer"),
        ("15-1252.00", .reported, "Software Engineer"),
        ("15-1252.00", .alternate, "Programmer Analyst"),
        ("13-1071.00", .occupation, "Human Resources Specialists"),
        ("13-1071.00", .alternate, "Recruiter"),
        ("13-1071.00", .reported, "Recruiter"),
        ("11-3021.00", .occupation, "Computer and Information Systems Managers"),
        ("11-3021.00", .alternate, "IT Manager"),
        ("15-1299.09", .occupation, "Information Technology Project Managers"),
        ("15-1299.09", .alternate, "IT Manager"),
        ("15-1299.09", .reported, "IT Manager"),
        ("11-1021.00", .occupation, "General and Operations Managers"),
        ("11-1021.00", .alternate, "Manager"),
        ("15-1254.00", .occupation, "Web Developers"),
        ("15-1254.00", .alternate, "Back End Engineer"),
      ],
      analyzer: try TitleChannel.analyzer(for: .default))
  }

  @Test("A title's first part names the job; rank words are ignored")
  func firstPart() throws {
    let table = try Self.table()
    let matches = table.classify("Senior Software Engineer II, Machine Learning")
    #expect(matches.map(\.occupation.code) == ["15-1252.00"])
    #expect(matches.first?.share == 1)
    #expect(table.classify("Recruiter")[0].occupation.title == "Human Resources Specialists")
    #expect(table.classify("Software Developers")[0].occupation.code == "15-1252.00")
  }

  @Test("Votes split a title between occupations in proportion")
  func votes() throws {
    let matches = try Self.table().classify("IT Manager")
    #expect(matches.map(\.occupation.code) == ["15-1299.09", "11-3021.00"])
    #expect(abs(matches[0].share - 2.0 / 3) < 1e-12)
    #expect(abs(matches.reduce(0) { $0 + $1.share } - 1) < 1e-12)
  }

  @Test("A lone word counts only as a whole part; parts average")
  func parts() throws {
    let table = try Self.table()
    #expect(table.classify("Partner Manager").isEmpty)
    // "Manager" has one vote in this table: a lone word needs two.
    #expect(table.classify("Manager").isEmpty)
    let two = table.classify("Recruiter / Programmer Analyst")
    #expect(two.map(\.share) == [0.5, 0.5])
    #expect(table.classify("Recruiter at Software Developers Inc").count == 2)
    #expect(table.classify("Recruiter\nJames Carter").map(\.share) == [1])
    #expect(table.classify("").isEmpty)
  }

  @Test("Two short words are also indexed written as one")
  func joinedWords() throws {
    let table = try Self.table()
    #expect(table.classify("Backend Engineer").first?.occupation.code == "15-1254.00")
    #expect(table.classify("Back-End Engineer").first?.occupation.code == "15-1254.00")
    #expect(OccupationTitles.keys(["software", "developer"]) == ["software developer"])
    #expect(OccupationTitles.keys(["full", "stack", "dev"]) == ["full stack dev", "fullstack dev", "full stackdev"])
  }

  @Test("Upper-case IT is spelled out; other IT letters are not")
  func spellingOut() {
    #expect(OccupationTitles.spellingOut("IT Manager") == "Information Technology Manager")
    #expect(OccupationTitles.spellingOut("Head of IT") == "Head of Information Technology")
    #expect(OccupationTitles.spellingOut("ITIL Lead, IT/Ops") == "ITIL Lead, Information Technology/Ops")
    #expect(OccupationTitles.spellingOut("Audit it") == "Audit it")
    #expect(OccupationTitles.spellingOut("ITIT") == "ITIT")
    #expect(OccupationTitles.spellingOut("IT, IT") == "Information Technology, Information Technology")
  }

  @Test("A malformed row names the file and line")
  func malformed() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("occupations-\(UUID().uuidString).tsv")
    defer { try? FileManager.default.removeItem(at: url) }
    try "# comment\n15-1252.00\toccupation\tSoftware Developers\n15-1252.00\tbogus\tCoder\n"
      .write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: JobFitError.invalidDocument(
      path: "\(url.path):3", reason: "not an occupation row (code, kind, title)")) {
      try OccupationTitles.load(from: url, analyzer: try TitleChannel.analyzer(for: .default))
    }
    try "15-1252.00\talternate\tCoder\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: JobFitError.self) {
      try OccupationTitles.load(from: url, analyzer: try TitleChannel.analyzer(for: .default))
    }
  }

  @Test("The bundled O*NET table recognises common titles")
  func bundled() throws {
    let table = try OccupationTitles.bundled()
    #expect(table.occupations.count > 1000)
    func top(_ title: String) -> String? { table.classify(title).first?.occupation.code }
    #expect(top("Staff Accountant") == "13-2011.00")
    #expect(top("Software Engineer, Machine Learning") == "15-1252.00")
    #expect(top("Hardware Engineer, Silicon") == "17-2061.00")
    #expect(top("EXECUTIVE CHEF") == "35-1011.00")
    #expect(top("Recruiter") == "13-1071.00")
    #expect(top("Senior Software Engineer II") == "15-1252.00")
    // Generic heads and positions name no occupation alone; table rows that lost a short form
    // to the stop words ("IS Manager") or that only match in pieces ("Managers, All Other") do
    // not vote.
    for generic in ["Manager", "Senior Manager", "Specialist", "Coordinator", "Developer", "Owner",
      "Intern", "Representative", "Engineer @ Google"]
    {
      #expect(table.classify(generic).isEmpty, "\(generic)")
    }
    #expect(!table.classify("Manager, Finance").contains { $0.occupation.code == "11-9199.00" })
  }

  @Test("Table rows are indexed only when they can match as written")
  func indexable() {
    #expect(OccupationTitles.isIndexable("IT Manager", terms: ["information", "technology", "manager"]))
    #expect(OccupationTitles.isIndexable("HR Manager", terms: ["hr", "manager"]))
    #expect(!OccupationTitles.isIndexable("IS Manager", terms: ["manager"]))
    #expect(!OccupationTitles.isIndexable("Managers, All Other", terms: ["manager"]))
    #expect(!OccupationTitles.isIndexable("Commission for the Blind Director", terms: ["commission", "blind", "director"]))
    #expect(!OccupationTitles.isIndexable("Entry Writer", terms: ["entry", "writer"]))
  }
}
