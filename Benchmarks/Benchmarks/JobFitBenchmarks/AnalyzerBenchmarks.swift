import Benchmark
import JobFitCore

/// 2,000 generated documents of 300 words (résumé and posting shapes, skill phrases included).
let analyzerTexts = SyntheticText.documents(count: 2_000, words: 300, seed: 11)
let analyzerBytes = Double(analyzerTexts.reduce(0) { $0 + $1.utf8.count })
let analyzerWords = analyzerTexts.reduce(0) { $0 + $1.split(separator: " ").count }

func analyzerBenchmarks() {
  let presets: [(String, any TextAnalyzer)] = [
    ("English preset (NFKC, stop words, Snowball)", Analyzer.english),
    ("sklearn preset", SklearnAnalyzer()),
  ]
  for (label, analyzer) in presets {
    Benchmark(
      "analyzer \(label): 2k docs × 300 words",
      configuration: .init(metrics: [.wallClock, .megabytesPerSecond])
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        var tokens = 0
        let elapsed = seconds {
          for text in analyzerTexts { tokens += analyzer.tokens(in: text).count }
        }
        // Nearly every generated word is a term: a tokenizer that drops or splits words fails.
        precondition(
          tokens > analyzerWords * 7 / 10 && tokens < analyzerWords * 13 / 10,
          "\(tokens) tokens for \(analyzerWords) words")
        benchmark.rate(.megabytesPerSecond, analyzerBytes / 1e6, seconds: elapsed)
        blackHole(tokens)
      }
    }
  }
}
