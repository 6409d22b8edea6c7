import Benchmark
import Foundation
import JobFitCore

// MARK: - Index save / load

func indexBenchmarks() {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("jobfit-bench-\(ProcessInfo.processInfo.processIdentifier).tfidf")
  Benchmark(
    "index save: TF-IDF model of 5k docs (atomic write, CRC-32)",
    configuration: .init(metrics: [.wallClock], teardown: { try? FileManager.default.removeItem(at: url) })
  ) { benchmark in
    let model = tfidfFitted.model
    for _ in benchmark.scaledIterations {
      try model.save(to: url)
      let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
      precondition(size > model.dimension * 4, "model file too small: \(size) bytes")
    }
  }
  Benchmark(
    "index load: TF-IDF model of 5k docs (verify CRC-32, decode)",
    configuration: .init(
      metrics: [.wallClock, .peakMemoryResident],
      setup: { try tfidfFitted.model.save(to: url) },
      teardown: { try? FileManager.default.removeItem(at: url) })
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      let loaded = try TFIDFModel.load(from: url)
      precondition(loaded == tfidfFitted.model, "loaded model differs from the saved one")
      blackHole(loaded)
    }
  }
}

// MARK: - rank: one résumé × 10k postings

/// 10,000 generated postings of 250 words and one résumé, loaded through `DocumentLoader` from a
/// temporary JSONL file so sections are found as in real use.
let rankDocuments: (resume: Document, postings: [Document]) = {
  var text = SyntheticText(seed: 21)
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("jobfit-bench-rank-\(ProcessInfo.processInfo.processIdentifier)")
  try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  func write(_ name: String, _ texts: [String], prefix: String) -> [Document] {
    let lines = texts.enumerated().map { i, t -> String in
      let row = ["id": "\(prefix)-\(i)", "text": t]
      let data = (try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])) ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
    let url = directory.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(lines.joined(separator: "\n").utf8))
    let result = DocumentLoader().load([url.path])
    precondition(result.failures.isEmpty && result.documents.count == texts.count)
    return result.documents
  }
  let postings = write("postings.jsonl", (0..<10_000).map { _ in text.posting(words: 250) }, prefix: "posting")
  let resume = write("resume.jsonl", [text.resume(words: 400)], prefix: "resume")[0]
  return (resume, postings)
}()

func rankBenchmarks() {
  let variants: [(String, ChannelWeights)] = [("lexical only", .lexicalOnly), ("default channels", .default)]
  for (label, weights) in variants {
    Benchmark(
      "rank: 1 résumé × 10k postings × 250 words, top 10 (MatchEngine, \(label))",
      configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxIterations: 5)
    ) { benchmark in
      let engine = try MatchEngine(configuration: MatchConfiguration(weights: weights))
      let (resume, postings) = rankDocuments
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        let result = try engine.rank(resume: resume, postings: postings, limit: 10)
        // Ten results, best first, each score in [0, 1] and the channels' blend adding up.
        precondition(result.results.count == 10)
        precondition(zip(result.results, result.results.dropFirst()).allSatisfy { $0.score >= $1.score })
        precondition(result.results.allSatisfy { $0.score >= 0 && $0.score <= 1 + 1e-9 })
        blackHole(result)
      }
    }
  }
}
