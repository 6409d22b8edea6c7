import JobFitEvaluation
import Testing

@Suite struct SplitTests {
  /// FNV-1a 64 values computed by hand from the published offset basis and prime.
  @Test func fnvHalvesAreStable() {
    // FNV-1a 64("") = 0xcbf29ce484222325 (odd), FNV-1a 64("a") = 0xaf63dc4c8601ec8c (even).
    #expect(EvaluationSplit.half(of: "") == .test)
    #expect(EvaluationSplit.half(of: "a") == .dev)
  }

  @Test func splitsPartitionTheKeys() {
    let keys = (0..<2000).map { "query-\($0)" }
    let dev = keys.filter { EvaluationSplit.dev.contains(key: $0) }
    let test = keys.filter { EvaluationSplit.test.contains(key: $0) }
    #expect(dev.count + test.count == keys.count)
    #expect(Set(dev).isDisjoint(with: test))
    #expect(dev.count > 900 && dev.count < 1100)
    #expect(keys.allSatisfy { EvaluationSplit.all.contains(key: $0) })
  }
}
