import ArgumentParser
import Foundation
import JobFitCore
import LinearAlgebra

/// `jobfit doctor`: what this machine gives JobFit, so slow or missing pieces are found early.
struct Doctor: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Report the BLAS in use (measured GFLOP/s), helper programs and data files.")

  @Flag(help: "Print the report as JSON.") var json = false

  struct Report: Codable {
    var version: String
    var blas: BLASInfo
    var sgemmGFLOPS: Double
    var threads: Int
    var pdftotext: String?
    var dataDirectory: String?
    var encoderInstalled: Bool
    var warnings: [String]
  }

  func run() throws {
    let blas = BLASInfo.current()
    let gflops = BLASInfo.measureSGEMM(n: blas.isReference ? 256 : 1024, budget: 0.5)
    var warnings: [String] = []
    if blas.isReference || gflops < 10 {
      warnings.append(
        "the loaded BLAS is slow (\(String(format: "%.1f", gflops)) GFLOP/s); install "
          + "libopenblas0-pthread and select it with 'update-alternatives --config "
          + "libblas.so.3-x86_64-linux-gnu'")
    }
    let pdftotext = ExternalTools.which("pdftotext")
    if pdftotext == nil { warnings.append("pdftotext not found: PDF input needs poppler-utils") }
    if DataDirectory.url == nil {
      warnings.append("data folder not found: set JOBFIT_DATA to the repository's data/ folder")
    }
    let encoder = MatchEngine.encoderInstalled
    if !encoder {
      warnings.append("sentence encoder not installed: run scripts/install_model.sh for --channels encoder")
    }
    let report = Report(
      version: JobFitVersion.current, blas: blas, sgemmGFLOPS: gflops,
      threads: ProcessorCount.active, pdftotext: pdftotext,
      dataDirectory: DataDirectory.url?.path, encoderInstalled: encoder, warnings: warnings)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print("jobfit \(report.version)")
      print("BLAS:        \(blas.implementation) (\(blas.libraryPath))")
      if let config = blas.configuration { print("             \(config)") }
      if let t = blas.threads { print("BLAS threads: \(t)") }
      print("sgemm:       \(String(format: "%.1f", gflops)) GFLOP/s (measured, median)")
      print("threads:     \(report.threads)")
      print("pdftotext:   \(pdftotext ?? "not found")")
      print("data:        \(report.dataDirectory ?? "not found")")
      print("encoder:     \(encoder ? "all-MiniLM-L6-v2 installed" : "not installed")")
    }
    for warning in warnings { Terminal.warn("warning: \(warning)") }
  }
}
