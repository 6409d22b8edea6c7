import Foundation
import JobFitCore

/// Terminal styling that honours NO_COLOR and non-terminal stdout.
struct Style {
  let enabled = Terminal.useColor
  func bold(_ s: String) -> String { wrap(s, "1") }
  func green(_ s: String) -> String { wrap(s, "32") }
  func red(_ s: String) -> String { wrap(s, "31") }
  func dim(_ s: String) -> String { wrap(s, "2") }
  private func wrap(_ s: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }
}

extension Format {
  /// Channel names in a fixed order, for CSV columns.
  static let channelColumns = Channel.allCases.map(\.rawValue)

  static func csvHeader(prefix: [String]) -> String {
    (prefix + ["score"] + channelColumns + ["matched_skills", "missing_skills"])
      .joined(separator: ",")
  }

  /// score, each channel (empty when off), matched and missing skills (`;`-separated).
  static func csvScores(_ m: Match) -> [String] {
    [String(m.score)] + channelColumns.map { m.channels[$0].map { String($0) } ?? "" }
      + [csvField(matchedList(m, separator: "; ")), csvField(missingList(m, separator: "; "))]
  }

  /// "Kubernetes (alias), PyTorch (related via TensorFlow)".
  static func matchedList(_ m: Match, separator: String = ", ") -> String {
    (m.skills?.matched ?? []).map { d in
      switch d.match {
      case .related: "\(d.skill) (related via \(d.relatedVia ?? "?"))"
      case .alias: "\(d.skill) (alias)"
      default: d.skill
      }
    }.joined(separator: separator)
  }

  /// "Go (required), Terraform (preferred)".
  static func missingList(_ m: Match, separator: String = ", ") -> String {
    (m.skills?.missing ?? []).map { "\($0.skill) (\($0.level.rawValue))" }.joined(separator: separator)
  }

  /// An explanation tree as indented lines: value, then label.
  static func tree(_ e: Explanation, indent: String, into sink: OutputSink, depth: Int = 0) {
    let pad = indent + String(repeating: "  ", count: depth)
    sink.line("\(pad)\(String(format: "%.4f", e.value))  \(e.label)")
    for child in e.children { tree(child, indent: indent, into: sink, depth: depth + 1) }
  }

  /// Markdown bullet list of a tree.
  static func markdownTree(_ e: Explanation, into sink: OutputSink, depth: Int = 0) {
    let pad = String(repeating: "  ", count: depth)
    sink.line("\(pad)- **\(String(format: "%.4f", e.value))** \(markdownCell(e.label))")
    for child in e.children { markdownTree(child, into: sink, depth: depth + 1) }
  }
}
