import Foundation
import JobFitCore
import JobFitTestSupport
import LinearAlgebra
import Testing

/// A deterministic 2,000+ word document: short résumé lines, a long paragraph of sentences, a
/// long sentence without punctuation, an over-long "word" and CJK text without spaces.
func longDocument() throws -> String {
  let cases = try EncoderFixture.cases().map(\.text).filter { !$0.isEmpty }
  var lines: [String] = [
    "Jane Doe — Senior Data Engineer", "", "Skills: Python, SQL, Spark", "   ",
  ]
  lines += cases.prefix(60)
  lines.append(cases.dropFirst(60).prefix(60).joined(separator: " "))  // long multi-sentence line
  lines.append(Array(repeating: "pipeline data cloud engineer", count: 150).joined(separator: " "))
  lines.append(String(repeating: "a,", count: 400))  // one 800-byte word of 800 pieces
  lines.append(String(repeating: "数据科学软件工程师", count: 60))
  lines += cases.dropFirst(120).prefix(40)
  return lines.joined(separator: "\n")
}

@Suite("Document chunking")
struct DocumentChunkingTests {
  @Test("a 2,000-word document splits into chunks of ≤ 256 tokens covering every non-blank byte")
  func chunksFitAndCover() throws {
    let tokenizer = try WordPieceTokenizer(vocabularyFile: EncoderFixture.vocabulary)
    let text = try longDocument()
    #expect(text.split(whereSeparator: \.isWhitespace).count >= 2000)
    let ranges = tokenizer.chunkRanges(of: text)
    let bytes = Array(text.utf8)
    var covered = [Bool](repeating: false, count: bytes.count)
    var previousEnd = 0
    var longest = 0
    for range in ranges {
      #expect(!range.isEmpty)
      #expect(range.lowerBound >= previousEnd, "chunks overlap or go backwards")
      previousEnd = range.upperBound
      let chunk = try #require(
        String(bytes: bytes[range], encoding: .utf8), "chunk is not valid UTF-8")
      let pieces = tokenizer.wordPieces(chunk).count
      #expect(pieces <= tokenizer.maxLength - 2, "chunk of \(pieces) pieces would be truncated")
      #expect(tokenizer.encode(chunk).count <= 256)
      longest = max(longest, pieces)
      for i in range { covered[i] = true }
    }
    for (i, byte) in bytes.enumerated() where !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
      #expect(covered[i], "byte \(i) is in no chunk")
      if !covered[i] { break }
    }
    // The long line must have been split, and chunks must not be trivially small.
    #expect(ranges.count > 60 + 40 + 4)
    #expect(longest > 200)
    // Sum of chunk pieces equals the pieces of the whole text: nothing lost, nothing doubled.
    let total = ranges.reduce(0) { total, r in
      total + tokenizer.wordPieces(String(decoding: bytes[r], as: UTF8.self)).count
    }
    #expect(total >= tokenizer.wordPieces(text).count - 5)
  }

  @Test("short lines are kept as they are; blank text has no chunks")
  func shortLines() throws {
    let tokenizer = try WordPieceTokenizer(vocabularyFile: EncoderFixture.vocabulary)
    let text = "  Python developer \r\n\n\tSQL; Spark.  \n"
    let ranges = tokenizer.chunkRanges(of: text)
    let bytes = Array(text.utf8)
    #expect(
      ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == [
        "Python developer", "SQL; Spark.",
      ])
    #expect(tokenizer.chunkRanges(of: " \n\t\n").isEmpty)
    #expect(tokenizer.chunkRanges(of: "").isEmpty)
  }
}

@Suite("Document embedding", .enabled(if: EncoderFixture.installedModel != nil))
struct DocumentEmbeddingTests {
  @Test("document vector is the normalised mean of its chunk vectors, and unit length")
  func documentVector() throws {
    let encoder = try #require(SentenceEncoderTests.encoder)
    let text = try longDocument()
    let document = try encoder.encodeDocument(text)
    #expect(document.chunkRanges == encoder.tokenizer.chunkRanges(of: text))
    #expect(document.chunkVectors.rows == document.chunkRanges.count)
    let norm = document.vector.reduce(0.0) { $0 + Double($1) * Double($1) }
    #expect(abs(norm - 1) < 1e-5)
    var mean = [Float](repeating: 0, count: encoder.dimension)
    for r in 0..<document.chunkVectors.rows {
      for (j, v) in document.chunkVectors.row(r).enumerated() { mean[j] += v }
    }
    #expect(cosine(mean, document.vector) > 0.99999)
    // Each chunk vector is the plain encoding of its chunk text.
    let third = document.chunkRanges.count / 3
    let direct = try encoder.encode([document.chunkText(third, in: text)])
    #expect(cosine(direct.row(0), document.chunkVectors.row(third)) > 0.99999)
  }

  @Test("a requirement line finds its matching résumé line as evidence")
  func bestChunkEvidence() throws {
    let encoder = try #require(SentenceEncoderTests.encoder)
    let resume = """
      Jane Doe
      Registered nurse, intensive care unit, 6 years
      Built ETL pipelines in Apache Spark and Airflow
      Fluent in Spanish and English
      """
    let document = try encoder.encodeDocument(resume)
    let requirement = try encoder.encode(["Experience building data pipelines with Spark"])
    let best = try #require(document.bestChunk(for: requirement.row(0)))
    #expect(
      document.chunkText(best.index, in: resume)
        == "Built ETL pipelines in Apache Spark and Airflow")
    #expect(best.cosine > 0.4)
  }

  @Test("a blank document gets the empty-string embedding and no chunks")
  func blankDocument() throws {
    let encoder = try #require(SentenceEncoderTests.encoder)
    let document = try encoder.encodeDocument("  \n ")
    #expect(document.chunkRanges.isEmpty)
    let empty = try encoder.encode([""])
    #expect(cosine(document.vector, empty.row(0)) > 0.99999)
  }
}
