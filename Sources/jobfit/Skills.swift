import ArgumentParser
import Foundation
import JobFitCore

/// `jobfit skills`: the skill profile of one document.
struct Skills: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the skills, requirement levels, experience, degree and languages of a document.")

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }
  enum Role: String, ExpressibleByArgument, CaseIterable { case auto, posting, resume }

  @Argument(help: "A posting or résumé (any supported format).") var file: String
  @Option(name: .customLong("as"), help: "Read it as a posting or a résumé (default: guess).")
  var role: Role = .auto
  @Option(help: "Output format: table or json.") var format: OutputFormat = .table
  @Option(help: "Language for analysis (Snowball name).") var language = "english"
  @OptionGroup var load: LoadOptions

  func run() throws {
    let document = try loadSingle(file, role: "document", with: load.loader)
    let profile = try reportingErrors {
      let matcher = try SkillMatcher.shared(language: language.lowercased())
      let role: DocumentRole? = switch self.role {
      case .auto: nil
      case .posting: .posting
      case .resume: .resume
      }
      return SkillProfiler(matcher: matcher).profile(document, as: role)
    }
    if format == .json {
      print(try Format.json(profile, pretty: true))
      return
    }
    let style = Style()
    print(style.bold("\(document.title) — read as a \(profile.role.rawValue)"))
    if let years = profile.experienceYears {
      print(profile.role == .posting ? "experience asked: \(Format.years(years))+ years" : "experience: \(Format.years(years)) years")
    }
    if let degree = profile.degree { print("degree: \(degree.rawValue)") }
    if !profile.languages.isEmpty { print("languages: \(profile.languages.joined(separator: ", "))") }
    print(style.bold("\(profile.skills.count) skills"))
    for s in profile.skills {
      var head = "  \(s.skill)"
      if let level = s.level { head += "  [\(level.rawValue), weight \(Format.years(s.weight))]" }
      if let years = s.years { head += "  [\(Format.years(years)) years]" }
      print(head)
      if let evidence = s.evidence.first {
        print(style.dim("      ← \(Format.truncate(evidence.line, 90))"))
      }
    }
  }
}

extension Format {
  /// A number without trailing zeros ("7", "2.5").
  static func years(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }
}
