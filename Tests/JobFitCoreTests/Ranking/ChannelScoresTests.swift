import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

@Suite("Channel score matrices")
struct ChannelScoresTests {
  private func samples() -> (postings: [Document], resumes: [Document]) {
    let folder = Repository.root.appendingPathComponent("data/samples")
    let postings = DocumentLoader().load([folder.appendingPathComponent("postings").path]).documents
    let resumes = DocumentLoader().load([folder.appendingPathComponent("resumes").path]).documents
    return (postings, resumes)
  }

  @Test("Sparse × sparseᵀ equals the naive dense product")
  func denseProduct() {
    var state: UInt64 = 7
    func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
    func random(rows: Int, columns: Int) -> CSRMatrix {
      var pointers = [0]
      var indices: [Int32] = []
      var values: [Float] = []
      for _ in 0..<rows {
        for c in 0..<columns where next() % 4 == 0 {
          indices.append(Int32(c))
          values.append(Float(next() % 100) / 10)
        }
        pointers.append(indices.count)
      }
      return CSRMatrix(
        rows: rows, columns: columns, rowPointers: pointers, columnIndices: indices, values: values)
    }
    let a = random(rows: 13, columns: 30)
    let b = random(rows: 17, columns: 30)
    let product = a.denseProduct(transposing: b)
    let (da, db) = (a.dense(), b.dense())
    for i in 0..<13 {
      for j in 0..<17 {
        let naive = zip(da[i], db[j]).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(abs(product[i, j] - naive) <= 1e-3 * max(1, abs(naive)))
      }
    }
  }

  @Test("The default blend of the matrices is the engine's blended score of each kept pair")
  func blendMatchesEngine() throws {
    let (postings, resumes) = samples()
    #expect(postings.count >= 5 && resumes.count >= 5)
    let engine = try MatchEngine()
    let channels: [Channel] = [.lexical, .skills, .resumeCoverage]
    let matrices = try engine.channelScores(
      queries: resumes, items: postings, queryRole: .resume, channels: channels)
    let blend = matrices.blend(.default)
    let ranked = try engine.score(
      queries: resumes, items: postings, queryRole: .resume, limit: postings.count)
    let column = Dictionary(uniqueKeysWithValues: postings.enumerated().map { ($1.id, $0) })
    var compared = 0
    for (q, result) in ranked.enumerated() {
      for match in result.results {
        let j = try #require(column[match.id])
        #expect(abs(Double(blend[q, j]) - match.score) < 1e-4)
        for channel in channels {
          #expect(abs(Double(matrices.scores[channel]?[q, j] ?? -1) - (match.channels[channel.rawValue] ?? 0)) < 1e-4)
        }
        compared += 1
      }
    }
    #expect(compared > 20)
  }
}
