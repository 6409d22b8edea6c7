import ArgumentParser
import JobFitCore

@main
struct JobFit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobfit",
    abstract: "Match résumés and job postings, and explain every score.",
    discussion: """
      Exit status: 0 success; 3 results produced but some inputs were skipped; \
      64 usage error; 65 bad input (nothing usable); 66 input not found; \
      69 helper program missing or failed (pdftotext); 74 output not writable.
      """,
    version: JobFitVersion.current,
    subcommands: [Rank.self, Score.self, Explain.self, Skills.self, Eval.self, Doctor.self, Bench.self]
  )
}
