import Foundation
import JobFitCore
import Testing

/// A hand-run throughput measurement of ``Analyzer/english`` (no timed assertion: speed is shown
/// by benchmarks, never asserted in tests). What it asserts is that splitting the corpus over two
/// concurrent tasks gives exactly the sequential tokens.
///
/// For real numbers build in release and point it at a corpus:
///
///     JOBFIT_THROUGHPUT_CORPUS=../shared/data/postings-seed JOBFIT_THROUGHPUT_MB=8 \
///       swift test -c release --filter AnalyzerThroughput
@Suite("AnalyzerThroughput")
struct AnalyzerThroughputTests {
  static let sample = """
    Senior Data Engineer (m/w/d) — we build ETL pipelines in Python3, Scala and SQL on AWS (S3, EC2, \
    EMR) with CI/CD via GitHub Actions. You have 5+ years of experience with Spark, Kafka, Airflow, \
    dbt and Node.js; C++ or C# is a plus. Ärztin, café, naïve résumé. 機械学習エンジニア、데이터 엔지니어.
    """

  static func corpus() -> [String] {
    var documents = [sample]
    if let folder = ProcessInfo.processInfo.environment["JOBFIT_THROUGHPUT_CORPUS"],
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    {
      let texts = names.sorted().compactMap { try? String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
      if !texts.isEmpty { documents = texts }
    }
    let megabytes = ProcessInfo.processInfo.environment["JOBFIT_THROUGHPUT_MB"].flatMap(Double.init) ?? 0.25
    let target = Int(megabytes * 1_000_000)
    var result: [String] = []
    var bytes = 0
    while bytes < target {
      for text in documents {
        result.append(text)
        bytes += text.utf8.count
      }
    }
    return result
  }

  @Test("two concurrent halves give the sequential tokens; prints MB/s")
  func throughput() async {
    let documents = Self.corpus()
    let bytes = documents.reduce(0) { $0 + $1.utf8.count }
    let analyzer = Analyzer.english

    let clock = ContinuousClock()
    var sequential = 0
    let one = clock.measure {
      for text in documents { sequential += analyzer.tokens(in: text).count }
    }
    var concurrent = 0
    let two = await clock.measure {
      concurrent = await withTaskGroup(of: Int.self) { group in
        let half = documents.count / 2
        for slice in [documents[..<half], documents[half...]] {
          group.addTask { slice.reduce(0) { $0 + analyzer.tokens(in: $1).count } }
        }
        return await group.reduce(0, +)
      }
    }
    #expect(concurrent == sequential)
    #expect(sequential > 0)
    func rate(_ d: Duration) -> String {
      let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
      return String(format: "%.1f MB/s, %.2f M tokens/s", Double(bytes) / seconds / 1e6, Double(sequential) / seconds / 1e6)
    }
    print("analyzer throughput on \(bytes) bytes, \(sequential) tokens: 1 task \(rate(one)); 2 tasks \(rate(two))")
  }
}
