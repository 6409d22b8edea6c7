import Foundation
import JobFitCore
import JobFitTestSupport
import Testing

@Suite("WordPiece tokenizer")
struct WordPieceTokenizerTests {
  static let tokenizer: WordPieceTokenizer? = try? WordPieceTokenizer(
    vocabularyFile: EncoderFixture.vocabulary)

  @Test("token ids equal the Hugging Face tokenizer's for every fixture string")
  func parityWithFixture() throws {
    let tokenizer = try #require(Self.tokenizer)
    let cases = try EncoderFixture.cases()
    #expect(cases.count >= 200)
    var mismatches: [String] = []
    for (index, testCase) in cases.enumerated() {
      let ids = tokenizer.encode(testCase.text)
      if ids != testCase.ids {
        mismatches.append(
          "case \(index) \(testCase.text.debugDescription.prefix(60)): got \(ids.prefix(12)) expected \(testCase.ids.prefix(12))"
        )
      }
    }
    #expect(
      mismatches.isEmpty, "\(mismatches.count) mismatches:\n\(mismatches.joined(separator: "\n"))")
  }

  @Test("the fixture exercises truncation, the empty string and [UNK]")
  func fixtureCoverage() throws {
    let tokenizer = try #require(Self.tokenizer)
    let cases = try EncoderFixture.cases()
    #expect(cases.contains { $0.ids.count == tokenizer.maxLength })
    #expect(
      cases.contains {
        $0.text.isEmpty && $0.ids == [tokenizer.classifierID, tokenizer.separatorID]
      })
    #expect(cases.contains { $0.ids.contains(tokenizer.unknownID) })
  }

  @Test("greedy longest match with ## continuations on a tiny vocabulary")
  func greedyLongestMatch() throws {
    let tokens = [
      "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "unaff", "runn", "##ing", ",",
      "a",
    ]
    let tokenizer = try WordPieceTokenizer(tokens: tokens, maxLength: 8)
    // "unaffable" → unaff ##able (longest first match wins, not un ##aff ##able).
    #expect(tokenizer.encode("UnAffable") == [2, 7, 6, 3])
    #expect(tokenizer.encode("running, a") == [2, 8, 9, 10, 11, 3])
    // One unmatched part makes the whole word [UNK].
    #expect(tokenizer.encode("runnx") == [2, 1, 3])
    // Truncation keeps [CLS] and [SEP]: 8 ids at most.
    #expect(tokenizer.encode("a a a a a a a a a a") == [2, 11, 11, 11, 11, 11, 11, 3])
    #expect(tokenizer.encode("") == [2, 3])
    #expect(tokenizer.encode(String(repeating: "a", count: 101)) == [2, 1, 3])
  }

  @Test("a vocabulary without [CLS] is rejected")
  func missingSpecialToken() {
    #expect(throws: JobFitError.self) { try WordPieceTokenizer(tokens: ["[UNK]", "[SEP]"]) }
  }
}
