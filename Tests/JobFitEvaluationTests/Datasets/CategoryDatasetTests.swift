import Foundation
import JobFitCore
import JobFitEvaluation
import Testing

/// The category-relevance readers (livecareer, dsinwild, Google) on the synthetic fixtures.
@Suite struct CategoryDatasetTests {
  let data = DatasetFixtures.data

  @Test func livecareerDropsEmptyAndDuplicateTextsKeepingTheLowerID() throws {
    let resumes = try data.livecareerResumes()
    let ids = resumes.documents.map(\.id)
    // 11 rows: 301 is blank, 205 repeats 150's text (150 < 205 though it comes later).
    #expect(ids.count == 9)
    #expect(!ids.contains("livecareer-301"))
    #expect(!ids.contains("livecareer-205"))
    #expect(ids.contains("livecareer-150"))
    #expect(resumes.categories["livecareer-150"] == "INFORMATION-TECHNOLOGY")
    #expect(
      resumes.notes.contains { $0.contains("dropped 1 with empty text and 1 exact duplicate") })
    let staff = try #require(resumes.documents.first { $0.id == "livecareer-101" })
    #expect(staff.title == "STAFF ACCOUNTANT")
    #expect(staff.format == .record)
  }

  @Test func livecareerRepairsMojibakeAndKeepsPlaceholders() throws {
    let resumes = try data.livecareerResumes()
    let text = Dictionary(uniqueKeysWithValues: resumes.documents.map { ($0.id, $0.text) })
    #expect(text["livecareer-101"]?.contains("QuickBooks and Excel") == true)
    #expect(text["livecareer-101"]?.contains("Company Name City, State") == true)
    #expect(text["livecareer-102"]?.contains("Tax returns – payroll and Café bookkeeping") == true)
    #expect(!resumes.documents.contains { $0.text.contains("Â") || $0.text.contains("â€") })
    #expect(resumes.notes.contains { $0.contains("in 2 résumés") })
  }

  @Test func dsinwildDropsDeveloperAdvocatesAndGainsBySameCategory() throws {
    let tasks = try data.dsinwildTasks()
    let forward = try #require(tasks.first { $0.name == "dsinwild:posting→resume" })
    let reverse = try #require(tasks.first { $0.name == "dsinwild:resume→posting" })
    expectWellFormed(forward)
    expectWellFormed(reverse)
    #expect(forward.queries.map(\.id) == ["dsinwild-1", "dsinwild-2", "dsinwild-3", "dsinwild-5"])
    #expect(forward.queryRole == .posting && reverse.queryRole == .resume)
    #expect(!forward.graded && forward.pools == nil)
    #expect(forward.items.count == 9)
    #expect(forward.gains["dsinwild-1"] == ["livecareer-101": 1, "livecareer-102": 1])
    #expect(forward.gains["dsinwild-3"] == ["livecareer-150": 1])
    #expect(forward.gains["dsinwild-5"] == ["livecareer-300": 1])
    #expect(forward.groups["dsinwild-5"] == "ADVOCATE")
    #expect(forward.notes.contains { $0.contains("dropped 1 \"Developer Advocate\"") })
    // The swapped row gets its title back, and "\r\n" in the description becomes "\n".
    let swapped = try #require(forward.queries.first { $0.id == "dsinwild-2" })
    #expect(swapped.title == "Senior Accountant")
    #expect(swapped.text == "Senior Accountant\n\nAbout the job\nClose the books every month.")
    #expect(forward.queries.first { $0.id == "dsinwild-3" }?.title == "IT Support Technician")

    #expect(
      Set(reverse.queries.map(\.id))
        == ["livecareer-101", "livecareer-102", "livecareer-150", "livecareer-300"])
    #expect(reverse.items.map(\.id) == forward.queries.map(\.id))
    #expect(reverse.gains["livecareer-101"] == ["dsinwild-1": 1, "dsinwild-2": 1])
    #expect(reverse.groups["livecareer-300"] == "ADVOCATE")
  }

  @Test func googleDeduplicatesAndBuildsHeadedSections() throws {
    let tasks = try data.googleTasks()
    let forward = try #require(tasks.first { $0.name == "google:posting→resume" })
    // Rows 2 (exact copy) and 3 (other location) repeat row 1; row 6 has only a title; row 5
    // is Legal, which the crosswalk leaves out.
    #expect(forward.queries.map(\.id) == ["google-1", "google-4", "google-7"])
    #expect(forward.notes.contains { $0.contains("dropped 1 exact duplicate row(s), 1 repeat(s)") })
    #expect(forward.notes.contains { $0.contains("Legal & Government Relations (1)") })
    let analyst = try #require(forward.queries.first)
    #expect(
      analyst.text == """
        Financial Analyst

        Responsibilities
        Build forecasts.
        Report metrics.

        Minimum qualifications
        BA/BS degree or equivalent practical experience.

        Preferred qualifications
        MBA.
        SQL.
        """)
    #expect(analyst.sections.map(\.kind) == [.other, .responsibilities, .requirements, .preferred])
    let recruiter = try #require(forward.queries.first { $0.id == "google-4" })
    #expect(!recruiter.sections.contains { $0.kind == .preferred })
  }

  @Test func googleGainsFollowTheCrosswalk() throws {
    let tasks = try data.googleTasks()
    let forward = try #require(tasks.first { $0.name == "google:posting→resume" })
    let reverse = try #require(tasks.first { $0.name == "google:resume→posting" })
    expectWellFormed(forward)
    expectWellFormed(reverse)
    // Finance → FINANCE, ACCOUNTANT; People Operations → HR; Sales → SALES, BUSINESS-DEVELOPMENT.
    #expect(
      forward.gains["google-1"]
        == ["livecareer-101": 1, "livecareer-102": 1, "livecareer-600": 1])
    #expect(forward.gains["google-4"] == ["livecareer-400": 1])
    #expect(forward.gains["google-7"] == ["livecareer-500": 1, "livecareer-510": 1])
    #expect(forward.groups["google-7"] == "Sales & Account Management")
    // Résumés of categories the crosswalk reaches: not ADVOCATE (300) nor CHEF (700).
    #expect(
      Set(reverse.queries.map(\.id))
        == Set(["101", "102", "150", "400", "500", "510", "600"].map { "livecareer-\($0)" }))
    #expect(reverse.gains["livecareer-510"] == ["google-7": 1])
    #expect(reverse.gains["livecareer-150"] == [:])
    #expect(reverse.relevantCount(for: "livecareer-600") == 1)
    #expect(reverse.groups["livecareer-600"] == "FINANCE")
  }

  @Test func crosswalkNamesOnlyLivecareerCategoriesAndExplainsEveryGap() {
    let livecareer: Set<String> = [
      "ACCOUNTANT", "ADVOCATE", "AGRICULTURE", "APPAREL", "ARTS", "AUTOMOBILE", "AVIATION",
      "BANKING", "BPO", "BUSINESS-DEVELOPMENT", "CHEF", "CONSTRUCTION", "CONSULTANT",
      "DESIGNER", "DIGITAL-MEDIA", "ENGINEERING", "FINANCE", "FITNESS", "HEALTHCARE", "HR",
      "INFORMATION-TECHNOLOGY", "PUBLIC-RELATIONS", "SALES", "TEACHER",
    ]
    #expect(Set(GoogleCrosswalk.reachedCategories).isSubset(of: livecareer))
    #expect(Set(GoogleCrosswalk.categories.keys).isDisjoint(with: GoogleCrosswalk.unmapped.keys))
    #expect(GoogleCrosswalk.categories.count + GoogleCrosswalk.unmapped.count == 23)
  }
}
