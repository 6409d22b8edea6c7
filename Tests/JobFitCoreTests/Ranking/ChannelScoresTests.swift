import Foundation
import JobFitCore
import JobFitTestSupport
import LinearAlgebra
import Testing

@Suite("Channel score matrices")
struct ChannelScoresTests {
  private func samples() -> (postings: [Document], resumes: [Document]) {
    let folder = Repository.root.appendingPathComponent("data/samples")
    let postings = DocumentLoader().load([folder.appendingPathComponent("postings").path]).documents
    let resumes = DocumentLoader().load([folder.appendingPathComponent("resumes").path]).documents
    return (postings, resumes)
  }

  @Test("The default blend of the matrices is the engine's blended score of each kept pair")
  func blendMatchesEngine() throws {
    let (postings, resumes) = samples()
    #expect(postings.count >= 5 && resumes.count >= 5)
    let engine = try MatchEngine()
    let channels = ChannelWeights.default.channels
    #expect(channels.contains(.title))
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
