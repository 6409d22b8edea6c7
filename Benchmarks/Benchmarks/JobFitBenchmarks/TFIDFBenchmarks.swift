import Benchmark
import JobFitCore

/// 5,000 generated documents of 300 words.
let tfidfTexts = SyntheticText.documents(count: 5_000, words: 300, seed: 3)
let tfidfFitted: (model: TFIDFModel, matrix: CSRMatrix) = {
  do { return try TFIDFConfiguration().fitTransform(tfidfTexts) } catch {
    fatalError("fitting the benchmark corpus failed: \(error)")
  }
}()

func tfidfBenchmarks() {
  Benchmark(
    "TF-IDF fit+transform: 5k docs × 300 words (sklearn analyzer)",
    configuration: .init(metrics: [.wallClock, .peakMemoryResident, .documentsPerSecond])
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      var fitted: (model: TFIDFModel, matrix: CSRMatrix)?
      let elapsed = try seconds { fitted = try TFIDFConfiguration().fitTransform(tfidfTexts) }
      // Same vocabulary and nonzeros as the reference fit; every row l2-normalised.
      precondition(fitted?.model.dimension == tfidfFitted.model.dimension)
      precondition(fitted?.matrix.nonzeroCount == tfidfFitted.matrix.nonzeroCount)
      precondition(fitted?.matrix.rowNorms.allSatisfy { abs($0 - 1) < 1e-4 } == true)
      benchmark.rate(.documentsPerSecond, Double(tfidfTexts.count), seconds: elapsed)
      blackHole(fitted)
    }
  }

  Benchmark(
    "TF-IDF transform: 5k docs × 300 words against a fitted model (sklearn analyzer)",
    configuration: .init(metrics: [.wallClock, .documentsPerSecond])
  ) { benchmark in
    let model = tfidfFitted.model
    for _ in benchmark.scaledIterations {
      var matrix: CSRMatrix?
      let elapsed = try seconds { matrix = try model.transform(tfidfTexts) }
      // transform(fit corpus) must reproduce fitTransform exactly.
      precondition(matrix?.isApproximatelyEqual(to: tfidfFitted.matrix, tolerance: 1e-6) == true)
      benchmark.rate(.documentsPerSecond, Double(tfidfTexts.count), seconds: elapsed)
      blackHole(matrix)
    }
  }

  Benchmark(
    "TF-IDF fit+transform: 5k docs × 300 words (English analyzer, sublinear tf)",
    configuration: .init(metrics: [.wallClock, .documentsPerSecond])
  ) { benchmark in
    for _ in benchmark.scaledIterations {
      var fitted: (model: TFIDFModel, matrix: CSRMatrix)?
      let elapsed = try seconds {
        fitted = try MatchConfiguration.defaultTFIDF.fitTransform(tfidfTexts, analyzer: Analyzer.english)
      }
      precondition(fitted?.matrix.rows == tfidfTexts.count && (fitted?.model.dimension ?? 0) > 1_000)
      benchmark.rate(.documentsPerSecond, Double(tfidfTexts.count), seconds: elapsed)
      blackHole(fitted)
    }
  }
}
