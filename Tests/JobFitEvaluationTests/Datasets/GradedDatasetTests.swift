import Foundation
import JobFitCore
import JobFitEvaluation
import Testing

/// The human-graded readers (FERR, GULP, vanetik) on the synthetic fixtures.
@Suite struct GradedDatasetTests {
  let data = DatasetFixtures.data

  @Test func ferrPoolsEachListAndShiftsGradesToZero() throws {
    let task = try data.ferrTask()
    expectWellFormed(task)
    #expect(task.graded && task.queryRole == .posting)
    #expect(task.queries.map(\.id) == ["ferr-hr3-bbbb", "ferr-hr5-aaaa"])
    // gain = score − 1: 7 → 6, 1 → 0, 4 → 3.
    #expect(
      task.gains["ferr-hr5-aaaa"]
        == ["livecareer-101": 6, "livecareer-102": 0, "livecareer-600": 3])
    #expect(task.pools?["ferr-hr5-aaaa"] == ["livecareer-101", "livecareer-102", "livecareer-600"])
    #expect(task.relevantCount(for: "ferr-hr5-aaaa") == 2)
    // 205 was dropped as a duplicate of 150, so its judgment has no résumé.
    #expect(task.gains["ferr-hr3-bbbb"] == ["livecareer-150": 1, "livecareer-400": 2])
    #expect(task.notes.contains { $0.contains("1 judgment(s) of résumés missing") })
    #expect(task.splitKeys == ["ferr-hr5-aaaa": "aaaa", "ferr-hr3-bbbb": "bbbb"])
    #expect(task.groups["ferr-hr5-aaaa"] == "hr5")
    #expect(
      Set(task.items.map(\.id))
        == Set(["101", "102", "600", "150", "400"].map { "livecareer-\($0)" }))
    // Skill phrases of every recommendation of the job: lower-cased, deduplicated, sorted.
    #expect(task.queries.last?.text == "ledger reconciliation\ntax")
    #expect(task.queries.first?.text == "windows server")
  }

  @Test func ferrSkillFeedbackSplitsThePhraseLists() throws {
    let feedback = try data.ferrSkillFeedback()
    #expect(
      feedback.first
        == FERRSkillFeedback(
          hrID: "5", jobID: "aaaa", queryID: "ferr-hr5-aaaa", resumeID: "livecareer-101",
          chosen: true, positive: ["ledger reconciliation", "tax"], negative: [],
          neutral: ["payroll"]))
    #expect(feedback.last?.chosen == false)
    #expect(feedback.last?.negative == ["windows server"])
    #expect(feedback.count == 2)
  }

  @Test func gulpAveragesRepeatedPairsAndPutsLabelOneOnTop() throws {
    let task = try data.gulpTask()
    expectWellFormed(task)
    #expect(task.graded && task.queryRole == .resume)
    #expect(task.queries.map(\.id) == ["gulp-cv-1", "gulp-cv-2"])
    // cv 1 / post 10 is graded 1 and 2: mean 1.5, gain 3.5. Label 5 is gain 0.
    #expect(
      task.gains["gulp-cv-1"] == ["gulp-post-10": 3.5, "gulp-post-11": 0, "gulp-post-12": 2])
    #expect(task.gains["gulp-cv-2"] == ["gulp-post-11": 1])
    #expect(task.pools?["gulp-cv-1"] == ["gulp-post-10", "gulp-post-11", "gulp-post-12"])
    #expect(task.items.count == 4)
    #expect(task.groups == ["gulp-cv-1": "de", "gulp-cv-2": "en"])
    #expect(
      task.notes.contains {
        $0.contains(
          "6 graded pairs, 4 distinct; 2 pair(s) graded more than once (1 with conflicting")
      })
  }

  @Test func vanetikDropsNonPermutationsAndRanksBestFirst() throws {
    let task = try data.vanetikTask()
    expectWellFormed(task)
    #expect(task.queries.map(\.id) == ["vanetik-a1-cv1", "vanetik-a2-cv1"])
    #expect(
      task.items.map(\.id) == [
        "vanetik-v1", "vanetik-v2", "vanetik-v3", "vanetik-v4", "vanetik-v5",
      ])
    #expect(task.items.first?.title == "Developer A")
    // Annotator 1, CV 1: [2, 1, 4, 3, 5] best to worst.
    #expect(
      task.gains["vanetik-a1-cv1"]
        == ["vanetik-v2": 4, "vanetik-v1": 3, "vanetik-v4": 2, "vanetik-v3": 1, "vanetik-v5": 0])
    #expect(task.gains["vanetik-a2-cv1"]?["vanetik-v5"] == 4)
    #expect(task.splitKeys == ["vanetik-a1-cv1": "cv1", "vanetik-a2-cv1": "cv1"])
    #expect(task.groups["vanetik-a2-cv1"] == "annotator 2")
    #expect(
      task.notes.contains { $0.contains("dropped 1 that are not permutations (annotator 1 CV 2)") })
    #expect(task.pools == nil)
  }

  @Test func tasksAreSelectedByNameOrDataset() throws {
    #expect(
      try data.tasks(named: ["google"]).map(\.name) == [
        "google:posting→resume", "google:resume→posting",
      ])
    #expect(
      try data.tasks(named: ["gulp:resume→posting", "dsinwild:resume→posting"]).map(\.name)
        == ["dsinwild:resume→posting", "gulp:resume→posting"])
    #expect(
      throws: JobFitError.invalidParameter(
        name: "task", value: "nope",
        expected: "a task name or one of dsinwild, ferr, google, gulp, vanetik")
    ) { try data.tasks(named: ["nope"]) }
  }

  @Test func allTasksLoadsEveryDataset() throws {
    let names = try data.allTasks().map(\.name)
    #expect(names == EvaluationData.taskNames)
    #expect(names.count == 7)
  }
}
