import Foundation
import JobFitCore
import JobFitEvaluation
import Testing

/// A small slice of `jobfit eval` on the real labelled data, so the evaluation cannot rot:
/// every reader, the score table, the tuner, the metrics and the report run end to end.
/// The full evaluation (minutes) is `jobfit eval`; its numbers are in the README.
@Suite(.enabled(if: SharedData.exists("kaggle-livecareer-resume-dataset"), SharedData.reason))
struct EvaluationSliceTests {
  @Test("A quick slice of four tasks: sane metrics, tuned weights, goal checks")
  func quickSlice() throws {
    let tasks = try EvaluationData(root: SharedData.folder).tasks(named: [
      "dsinwild:posting→resume", "ferr", "gulp", "vanetik",
    ])
    var options = EvaluationRunner.Options(
      cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("jobfit-eval-slice"))
    options.channels = [.lexical, .skills, .resumeCoverage, .lsa, .title]
    options.maxQueries = 8
    options.maxItems = 120
    options.resamples = 200
    options.tuneStep = 0.25
    options.split = .all
    let report = try EvaluationRunner(options: options).run(tasks)

    #expect(report.tasks.map(\.task) == tasks.map(\.name))
    #expect(abs(report.weights.values.reduce(0, +) - 1) < 1e-6)
    #expect(report.tuning != nil)
    #expect(!report.goals.isEmpty)
    for task in report.tasks {
      #expect(task.queries > 0, "\(task.task) has no evaluable query")
      #expect(task.systems.map(\.system) == [
        "tfidf", "bm25", "lexical", "skills", "resume_coverage", "lsa", "title_match", "blend:default",
        "blend:tuned",
      ])
      for system in task.systems {
        for (name, m) in system.metrics {
          let range: ClosedRange<Double> = name.contains("tau") || name.contains("rho") ? -1...1 : 0...1
          #expect(range.contains(m.mean), "\(task.task) \(system.system) \(name) = \(m.mean)")
          #expect(m.low <= m.mean + 1e-12 && m.mean <= m.high + 1e-12)
        }
      }
    }
    // The category task must be far above chance. The slice keeps 60 relevant items (for the
    // kept queries' categories together) among 120, so one query's relevant share, what a random
    // ranking gets as P@10 in expectation, is about 60 / 3 categories / 120 ≈ 0.17.
    let category = try #require(tasks.first { $0.name == "dsinwild:posting→resume" })
    let sliced = try #require(report.tasks.first { $0.task == category.name })
    let p10 = try #require(sliced.system("tfidf")?.metrics[MetricName.precision(at: 10)]?.mean)
    #expect(p10 > 0.35, "TF-IDF P@10 \(p10)")
  }
}
