import Foundation
import JobFitCore

/// A mean over queries with its bootstrap 95 % confidence interval.
public struct MetricSummary: Codable, Sendable, Equatable {
  public var mean: Double
  public var low: Double
  public var high: Double
}

/// One system's numbers on one task.
public struct SystemReport: Codable, Sendable {
  public var system: String
  public var metrics: [String: MetricSummary]
  /// Mean nDCG@10 per query group (category), for the per-category breakdown.
  public var groups: [String: Double]
}

/// One task's numbers: every system on the same queries.
public struct TaskReport: Codable, Sendable {
  public var task: String
  public var dataset: String
  public var split: String
  public var graded: Bool
  public var queries: Int
  /// Queries without any relevant candidate (no metric is defined for them).
  public var skippedQueries: Int
  public var items: Int
  public var notes: [String]
  public var systems: [SystemReport]
  /// Paired bootstrap of nDCG@10, blend minus each other system: mean difference and CI.
  public var blendVersus: [String: MetricSummary]

  public func system(_ name: String) -> SystemReport? { systems.first { $0.system == name } }
}

/// A goal of the issue, checked on the reported numbers.
public struct GoalCheck: Codable, Sendable {
  public var goal: String
  public var task: String
  public var met: Bool
  public var detail: String
}

/// Everything `jobfit eval` found.
public struct EvaluationReport: Codable, Sendable {
  public var version: String
  public var date: String
  public var split: String
  public var channels: [String]
  /// The blend reported as "blend:tuned" (or the given weights when not tuning).
  public var weights: [String: Double]
  /// How the weights were chosen: dev objective of the chosen blend and the references.
  public var tuning: Tuning?
  public var tasks: [TaskReport]
  public var goals: [GoalCheck]
  public var seconds: Double
  /// Agreement of the per-skill verdicts with HR feedback (FERR), when that task ran.
  public var explanations: ExplanationAgreement?

  public struct Tuning: Codable, Sendable {
    public var objective: String
    public var devQueries: Int
    public var best: Double
    public var reference: [String: Double]
    public var gridPoints: Int
    /// The chosen point in standardised units (weight per unit of within-query spread).
    public var standardized: [String: Double]
    /// Each channel's within-query score spread on dev.
    public var spread: [String: Double]
  }
}

extension EvaluationReport {
  /// One table: nDCG@10 of every system on every task (Kendall τ-b beside it on graded tasks),
  /// the best single channel of each task in bold.
  public func summary() -> String {
    guard let first = tasks.first else { return "" }
    let systems = first.systems.map(\.system)
    var out = "| task (queries) | " + systems.joined(separator: " | ") + " |\n"
    out += "|---|" + systems.map { _ in "---:|" }.joined() + "\n"
    for task in tasks {
      let channels = task.systems.filter { Channel(rawValue: $0.system) != nil }
      let best = channels.max {
        ($0.metrics[ReportedMetrics.ndcg10]?.mean ?? 0) < ($1.metrics[ReportedMetrics.ndcg10]?.mean ?? 0)
      }?.system
      out += "| \(task.task) (\(task.queries)) | " + systems.map { name in
        guard let system = task.system(name), let n = system.metrics[ReportedMetrics.ndcg10] else { return "–" }
        var cell = String(format: "%.3f", n.mean)
        if task.graded, let tau = system.metrics[MetricName.kendallTauB] {
          cell += String(format: " (τ %.2f)", tau.mean)
        }
        return name == best ? "**\(cell)**" : cell
      }.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// A Markdown report: the goal checks, one table per task, per-group nDCG@10.
  public func markdown(metrics: [String]? = nil) -> String {
    var out = "# JobFit evaluation (\(date), v\(version), split: \(split))\n\n"
    out += "Blend weights: "
      + (weights.isEmpty
        ? "none (no blend: its channels were not scored)"
        : weights.sorted { $0.key < $1.key }
          .map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ")) + "\n"
    if let tuning {
      out += "Tuned on dev (\(tuning.devQueries) queries, \(tuning.gridPoints) grid points): "
      out += "\(tuning.objective) \(String(format: "%.3f", tuning.best))"
      out += " (" + tuning.reference.sorted { $0.key < $1.key }
        .map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", ") + ")\n"
    }
    out += "\n" + summary()
    out += "\n## Goals\n\n| goal | task | met | detail |\n|---|---|---|---|\n"
    for g in goals { out += "| \(g.goal) | \(g.task) | \(g.met ? "yes" : "**no**") | \(g.detail) |\n" }
    for task in tasks {
      let names = metrics ?? (task.graded ? ReportedMetrics.graded : ReportedMetrics.binary)
      out += "\n## \(task.task) (\(task.queries) queries × \(task.items) items"
      out += task.skippedQueries > 0 ? ", \(task.skippedQueries) without relevant skipped)\n\n" : ")\n\n"
      out += "| system | " + names.joined(separator: " | ") + " |\n"
      out += "|---|" + names.map { _ in "---|" }.joined() + "\n"
      for s in task.systems {
        out += "| \(s.system) | " + names.map { name in
          guard let m = s.metrics[name] else { return "–" }
          return String(format: "%.3f [%.3f, %.3f]", m.mean, m.low, m.high)
        }.joined(separator: " | ") + " |\n"
      }
      let groups = Set(task.systems.flatMap(\.groups.keys)).sorted()
      if groups.count > 1 {
        out += "\nnDCG@10 by group:\n\n| system | " + groups.joined(separator: " | ") + " |\n"
        out += "|---|" + groups.map { _ in "---|" }.joined() + "\n"
        for s in task.systems {
          out += "| \(s.system) | "
            + groups.map { s.groups[$0].map { String(format: "%.3f", $0) } ?? "–" }
            .joined(separator: " | ") + " |\n"
        }
      }
      if !task.notes.isEmpty {
        out += "\n" + task.notes.map { "- \($0)" }.joined(separator: "\n") + "\n"
      }
    }
    if let e = explanations {
      out += "\n## Per-skill explanations vs HR feedback (FERR, \(e.pairs) pairs)\n\n"
      out += "| verdict | JobFit | keyword baseline |\n|---|---:|---:|\n"
      out += String(
        format: "| HR: shown (%d of %d phrases name a skill) | %.3f | %.3f |\n", e.mappedPositive,
        e.positivePhrases, e.positiveAgreement, e.keywordPositiveAgreement)
      out += String(
        format: "| HR: missing (%d of %d phrases name a skill) | %.3f | %.3f |\n", e.mappedNegative,
        e.negativePhrases, e.negativeAgreement, e.keywordNegativeAgreement)
      out += String(format: "| balanced | %.3f | %.3f |\n", e.balanced, e.keywordBalanced)
    }
    out += "\n(\(String(format: "%.0f", seconds)) s; 95 % CIs: percentile bootstrap over queries.)\n"
    return out
  }
}
