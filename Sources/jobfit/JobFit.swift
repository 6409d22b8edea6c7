import ArgumentParser
import JobFitCore

@main
struct JobFit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobfit",
    abstract: "Match résumés and job postings, and explain every score."
  )
}
