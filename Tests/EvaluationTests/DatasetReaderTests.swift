import Foundation
import JobFitCore
import JobFitEvaluation
import Testing

/// The dataset readers on the real evaluation data: the counts each PROVENANCE.md states, and
/// what cleaning leaves. Disabled, with a reason, without ../shared/data.
@Suite struct DatasetReaderTests {
  let data = EvaluationData(root: SharedData.folder)

  /// Query and item ids unique, gains ≥ 0 on known ids, pools covering the judged items.
  func expectConsistent(_ task: EvaluationTask) {
    let queries = Set(task.queries.map(\.id))
    let items = Set(task.items.map(\.id))
    #expect(queries.count == task.queries.count)
    #expect(items.count == task.items.count)
    #expect(Set(task.gains.keys).isSubset(of: queries))
    for row in task.gains.values {
      #expect(Set(row.keys).isSubset(of: items))
      #expect(row.values.allSatisfy { $0 >= 0 })
    }
    if let pools = task.pools {
      for query in queries {
        let judged = Set((task.gains[query] ?? [:]).keys)
        #expect(judged.isSubset(of: Set(pools[query] ?? [])))
      }
    }
    #expect(task.queries.allSatisfy { !$0.text.isEmpty })
  }

  @Test(.enabled(if: SharedData.exists("kaggle-livecareer-resume-dataset"), SharedData.reason))
  func livecareerKeeps2481Resumes() throws {
    let resumes = try data.livecareerResumes()
    // 2,484 rows − 1 without text (12632728) − 2 duplicate texts (the higher IDs).
    #expect(resumes.documents.count == 2481)
    let ids = Set(resumes.documents.map(\.id))
    #expect(!ids.contains("livecareer-12632728"))
    #expect(ids.contains("livecareer-16850314") && !ids.contains("livecareer-37473139"))
    #expect(ids.contains("livecareer-19147603") && !ids.contains("livecareer-28398216"))
    #expect(Set(resumes.categories.values).count == 24)
    #expect(resumes.categories.values.filter { $0 == "FINANCE" }.count == 117)
    // No "Â" is left before a space (the collapsed non-breaking spaces of ~900 rows).
    #expect(!resumes.documents.contains { $0.text.contains("Â ") })
  }

  @Test(
    .enabled(
      if: SharedData.exists("dsinwild-category-jds")
        && SharedData.exists("kaggle-livecareer-resume-dataset"), SharedData.reason))
  func dsinwildHas50JDsAnd46Kept() throws {
    let tasks = try data.dsinwildTasks()
    let forward = try #require(tasks.first)
    let reverse = try #require(tasks.last)
    #expect(
      forward.notes.contains { $0.hasPrefix("dsinwild: 50 JDs; dropped 4 \"Developer Advocate\"") })
    #expect(forward.queries.count == 46)
    #expect(forward.items.count == 2481)
    #expect(Set(forward.groups.values).count == 5)
    #expect(forward.groups.values.filter { $0 == "ADVOCATE" }.count == 6)
    #expect(forward.relevantCount(for: "dsinwild-1") == 120)  // INFORMATION-TECHNOLOGY
    // IT 120 + BUSINESS-DEVELOPMENT 119 + FINANCE 117 + ADVOCATE 118 + ACCOUNTANT 118.
    #expect(reverse.queries.count == 592)
    #expect(reverse.items.count == 46)
    expectConsistent(forward)
    expectConsistent(reverse)
  }

  @Test(
    .enabled(
      if: SharedData.exists("google-job-skills")
        && SharedData.exists("kaggle-livecareer-resume-dataset"), SharedData.reason))
  func googleHas1250RowsAnd123ExactDuplicates() throws {
    let tasks = try data.googleTasks()
    let forward = try #require(tasks.first)
    let reverse = try #require(tasks.last)
    #expect(
      forward.notes.contains {
        $0.hasPrefix(
          "google: 1250 rows; dropped 123 exact duplicate row(s), 266 repeat(s) of a posting's "
            + "text for another location and 14 row(s) with no text but the title; 847 postings")
      })
    #expect(forward.queries.count == 603)
    #expect(Set(forward.groups.values).count == GoogleCrosswalk.categories.count)
    // Every kept posting has at least one headed section the splitter recognises.
    let headed: Set<Section.Kind> = [.responsibilities, .requirements, .preferred]
    #expect(forward.queries.allSatisfy { $0.sections.contains { headed.contains($0.kind) } })
    #expect(reverse.queries.count == 1247)
    #expect(reverse.items.count == 603)
    expectConsistent(forward)
    expectConsistent(reverse)
  }

  @Test(
    .enabled(
      if: SharedData.exists("ferr-hr-resume-judgments")
        && SharedData.exists("kaggle-livecareer-resume-dataset"), SharedData.reason))
  func ferrHas463JudgmentsIn50Lists() throws {
    let task = try data.ferrTask()
    #expect(task.queries.count == 50)
    #expect(task.gains.values.reduce(0) { $0 + $1.count } == 463)
    #expect(task.items.count == 352)
    #expect(Set(task.splitKeys.values).count == 50)
    #expect(task.pools?.values.allSatisfy { (7...10).contains($0.count) } == true)
    // Score 1: 43 judgments → gain 0; score 7: 16 → gain 6.
    let all = task.gains.values.flatMap(\.values)
    #expect(all.filter { $0 == 0 }.count == 43)
    #expect(all.filter { $0 == 6 }.count == 16)
    expectConsistent(task)
    let feedback = try data.ferrSkillFeedback()
    #expect(feedback.count == 147)
    #expect(feedback.filter(\.chosen).count == 85)
  }

  @Test(.enabled(if: SharedData.exists("gulp-cv-project-matching-de"), SharedData.reason))
  func gulpHas2366PairsWith128Repeated() throws {
    let task = try data.gulpTask()
    #expect(
      task.notes.first
        == "gulp: 2366 graded pairs, 2236 distinct; 128 pair(s) graded more than once "
        + "(34 with conflicting labels) averaged; gain = 5 − label (1 = best fit)")
    #expect(task.queries.count == 94)
    #expect(task.items.count == 181)
    let pooled = Set((task.pools ?? [:]).values.flatMap { $0 })
    #expect(pooled.count == 124)
    expectConsistent(task)
  }

  @Test(.enabled(if: SharedData.exists("vanetik-vacancy-resume-ranking"), SharedData.reason))
  func vanetikKeeps48Of50Arrays() throws {
    let task = try data.vanetikTask()
    // Annotator 1: 30 arrays, CV 9 and CV 28 not permutations; annotator 2: 20 arrays.
    #expect(task.queries.count == 48)
    #expect(task.items.count == 5)
    #expect(task.groups.values.filter { $0 == "annotator 1" }.count == 28)
    #expect(task.queries.contains { $0.id == "vanetik-a2-cv9" })
    #expect(!task.queries.contains { $0.id == "vanetik-a1-cv9" || $0.id == "vanetik-a1-cv28" })
    #expect(task.gains["vanetik-a1-cv1"]?["vanetik-v2"] == 4)
    expectConsistent(task)
  }
}
