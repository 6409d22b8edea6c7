import Dispatch
import Foundation
import JobFitCore
import LinearAlgebra

/// `jobfit-stages --corpus DIR --stage NAME [--repeat R]`: times one stage R times and prints
/// one JSON line:
///
///     {"implementation":"jobfit","stage":"sparse","seconds_median":…,"seconds_all":[…],
///      "checksum":…,"detail":{…},"rows":{"resumes":N,"postings":M}}
///
/// Run one stage per process so `/usr/bin/time -v` reports that stage's peak memory.
/// `--list` prints the stage names; `--blas` prints the BLAS in use and its measured GFLOP/s.
@main
struct StageRunner {
  struct Report: Encodable {
    let implementation = "jobfit"
    let stage: String
    let summary: String
    let seconds_median: Double
    let seconds_all: [Double]
    let checksum: Double
    let detail: [String: Double]
    let threads: Int
  }

  struct BLASReport: Encodable {
    let blas: BLASInfo
    let sgemm_gflops: Double
    let threads: Int
  }

  static func main() {
    do {
      try run(Array(CommandLine.arguments.dropFirst()))
    } catch {
      FileHandle.standardError.write(Data("jobfit-stages: \(error)\n".utf8))
      exit(1)
    }
  }

  static func run(_ arguments: [String]) throws {
    var options: [String: String] = [:]
    var i = 0
    while i < arguments.count {
      let key = arguments[i]
      if key == "--list" || key == "--blas" {
        options[key] = ""
        i += 1
      } else if i + 1 < arguments.count {
        options[key] = arguments[i + 1]
        i += 2
      } else {
        throw StageError("missing value for \(key)")
      }
    }
    if options["--list"] != nil {
      for stage in Stage.all { print("\(stage.name)\t\(stage.summary)") }
      return
    }
    if options["--blas"] != nil {
      let report = BLASReport(
        blas: BLASInfo.current(), sgemm_gflops: BLASInfo.measureSGEMM(n: 1024, budget: 1.0),
        threads: ProcessorCount.active)
      print(try json(report))
      return
    }
    guard let directory = options["--corpus"], let name = options["--stage"] else {
      throw StageError(
        "usage: jobfit-stages --corpus DIR --stage NAME [--repeat R] | --list | --blas")
    }
    guard let stage = Stage.named(name) else {
      throw StageError("unknown stage \(name); known: \(Stage.all.map(\.name).joined(separator: ", "))")
    }
    let repeats = Int(options["--repeat"] ?? "3") ?? 3
    let corpus = Corpus(directory: URL(fileURLWithPath: directory))
    let work = try stage.prepare(corpus)
    var seconds: [Double] = []
    var checksum = Checksum(value: 0)
    for _ in 0..<max(1, repeats) {
      let start = DispatchTime.now().uptimeNanoseconds
      checksum = try work()
      seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let sorted = seconds.sorted()
    let report = Report(
      stage: stage.name, summary: stage.summary, seconds_median: sorted[sorted.count / 2],
      seconds_all: seconds, checksum: checksum.value, detail: checksum.detail,
      threads: ProcessorCount.active)
    print(try json(report))
  }

  static func json(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
