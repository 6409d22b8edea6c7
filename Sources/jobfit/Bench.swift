import ArgumentParser
import Dispatch
import Foundation
import JobFitCore
import LinearAlgebra

/// `jobfit bench`: this machine's numbers in a few seconds, on a corpus generated in memory.
///
/// Each stage runs three times and reports its median rate: analyzer MB/s (English and sklearn
/// presets), TF-IDF fit + transform docs/s, sparse cosine top-10 pairs/s, and dense 256-d
/// top-10 GFLOP/s with its share of the BLAS's measured sgemm peak. The full suite and the
/// comparison with scikit-learn and FAISS live in Benchmarks/ (see Benchmarks/README.md).
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure each stage's throughput on a generated corpus (a few seconds).")

  @Flag(help: "Print the results as JSON.") var json = false
  @Option(help: "Documents in the generated corpus (half résumés, half postings).")
  var documents = 2_000
  @Option(help: "Seed of the generated corpus.") var seed: UInt64 = 42

  struct Stage: Codable {
    var name: String
    var rate: Double
    var unit: String
    var secondsMedian: Double
    var size: String
  }

  struct Report: Codable {
    var version: String
    var blas: BLASInfo
    var sgemmGFLOPS: Double
    var threads: Int
    var corpusDocuments: Int
    var corpusMegabytes: Double
    var stages: [Stage]
  }

  func validate() throws {
    guard documents >= 20 && documents <= 1_000_000 else {
      throw ValidationError("--documents must be between 20 and 1000000")
    }
  }

  func run() throws {
    let blas = BLASInfo.current()
    let peak = BLASInfo.measureSGEMM(n: blas.isReference ? 256 : 1024, budget: 0.5)
    let texts = BenchCorpus.documents(count: documents, words: 300, seed: seed)
    let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1e6
    var stages: [Stage] = []

    for (label, analyzer) in [("English", Analyzer.english as any TextAnalyzer), ("sklearn", SklearnAnalyzer())] {
      let time = try Self.median {
        var count = 0
        for text in texts { count += analyzer.tokens(in: text).count }
        guard count > 0 else { throw ValidationError("the analyzer produced no tokens") }
      }
      stages.append(Stage(
        name: "analyzer (\(label))", rate: megabytes / time, unit: "MB/s", secondsMedian: time,
        size: "\(documents) docs, \(String(format: "%.1f", megabytes)) MB"))
    }

    var matrix = CSRMatrix(zeros: 0, columns: 0)
    let fitTime = try Self.median {
      matrix = try MatchConfiguration.defaultTFIDF.fitTransform(texts, analyzer: Analyzer.english).matrix
    }
    stages.append(Stage(
      name: "TF-IDF fit+transform", rate: Double(documents) / fitTime, unit: "docs/s",
      secondsMedian: fitTime, size: "\(documents) docs × 300 words"))

    let half = documents / 2
    let queries = matrix.rowSlice(0..<half)
    let items = matrix.rowSlice(half..<documents)
    let sparseTime = try Self.median {
      let hits = try SparseScorer().topK(queries: queries, items: items, k: 10)
      guard hits.count == half else { throw ValidationError("sparse scoring lost queries") }
    }
    stages.append(Stage(
      name: "sparse cosine top-10", rate: Double(half) * Double(documents - half) / sparseTime,
      unit: "pairs/s", secondsMedian: sparseTime, size: "\(half) × \(documents - half)"))

    let (rows, columns, dimension) = (1_000, blas.isReference ? 2_000 : 10_000, 256)
    let denseQueries = BenchCorpus.unitRows(rows, dimension, seed: seed &+ 1)
    let denseItems = BenchCorpus.unitRows(columns, dimension, seed: seed &+ 2)
    let denseTime = try Self.median {
      let hits = try BlockedScorer().topK(queries: denseQueries, items: denseItems, k: 10)
      guard hits.count == rows else { throw ValidationError("dense scoring lost queries") }
    }
    let gflops = 2 * Double(rows * columns * dimension) / 1e9 / denseTime
    stages.append(Stage(
      name: "dense 256-d top-10", rate: gflops, unit: "GFLOP/s", secondsMedian: denseTime,
      size: "\(rows) × \(columns) × \(dimension), \(Int((100 * gflops / peak).rounded()))% of sgemm peak"))

    let report = Report(
      version: JobFitVersion.current, blas: blas, sgemmGFLOPS: peak, threads: ProcessorCount.active,
      corpusDocuments: documents, corpusMegabytes: megabytes, stages: stages)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print("BLAS:    \(blas.implementation) (\(blas.configuration ?? blas.libraryPath))")
      print("sgemm:   \(String(format: "%.1f", peak)) GFLOP/s measured; \(report.threads) threads")
      for stage in stages {
        let name = stage.name.padding(toLength: 24, withPad: " ", startingAt: 0)
        let rate = Self.format(stage.rate).padding(toLength: 9, withPad: " ", startingAt: 0)
        print("\(name)\(rate)\(stage.unit.padding(toLength: 9, withPad: " ", startingAt: 0))\(stage.size)")
      }
    }
  }

  /// Median seconds of three runs of `body`.
  static func median(_ body: () throws -> Void) throws -> Double {
    var times: [Double] = []
    for _ in 0..<3 {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      times.append(max(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 1e-9))
    }
    return times.sorted()[1]
  }

  /// 3 significant digits with k/M suffixes: 1.23M, 456k, 78.9.
  static func format(_ value: Double) -> String {
    switch value {
    case 1e6...: String(format: "%.3gM", value / 1e6)
    case 1e4...: String(format: "%.0fk", value / 1e3)
    default: String(format: "%.3g", value)
    }
  }
}

/// A small seeded corpus: Zipfian invented words (word *i* drawn ∝ 1 / (i + 1)) with a few skill
/// names, in résumé and posting shapes. Deterministic for a seed on every platform.
enum BenchCorpus {
  static let skills = [
    "Python", "Java", "Kubernetes", "Docker", "SQL", "machine learning", "React", "TypeScript",
    "AWS", "Terraform", "Linux", "Spark", "Excel", "project management", "C++", "Rust", "Kafka",
    "Swift", "statistics", "Git", "REST APIs", "customer service", "accounting", "Tableau",
  ]

  static func documents(count: Int, words: Int, seed: UInt64, vocabulary: Int = 20_000) -> [String] {
    var rng = SplitMix64(seed: seed)
    var total = 0.0
    let cumulative = (0..<vocabulary).map { i -> Double in
      total += 1 / Double(i + 1)
      return total
    }
    let names = (0..<vocabulary).map { i -> String in
      var n = i
      var s = ""
      repeat {
        s.unicodeScalars.append(Unicode.Scalar(UInt8(97 + n % 26)))
        n /= 26
      } while n > 0
      return s + "x"
    }
    func word() -> String {
      if rng.nextDouble() < 0.05 { return skills[Int(rng.nextDouble() * Double(skills.count))] }
      let u = rng.nextDouble() * total
      var (lo, hi) = (0, vocabulary - 1)
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
      }
      return names[lo]
    }
    func prose(_ n: Int) -> String { (0..<n).map { _ in word() }.joined(separator: " ") }
    return (0..<count).map { i in
      let listed = (0..<6).map { _ in skills[Int(rng.nextDouble() * Double(skills.count))] }
      return i % 2 == 0
        ? "Summary\n\(prose(words / 5))\n\nSkills\n\(listed.joined(separator: ", "))\n\nExperience\n\(prose(words - words / 5))\n"
        : "About the role\n\(prose(words))\n\nRequirements\n- \(listed.joined(separator: "\n- "))\n"
    }
  }

  static func unitRows(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
    var rng = SplitMix64(seed: seed)
    var m = Matrix(rows: rows, columns: columns)
    for i in m.storage.indices { m.storage[i] = Float(rng.nextDouble() * 2 - 1) }
    m.normalizeRows()
    return m
  }
}
