import Testing

import Foundation
@testable import JobFitCore

@Suite("TextDecoding")
struct TextDecodingTests {
  @Test("UTF-8 with and without BOM decodes to the same text")
  func utf8BOM() throws {
    let plain = try TextDecoding.decode(Array("Café\nZürich".utf8), path: "a.txt")
    let bom = try TextDecoding.decode(
      [0xEF, 0xBB, 0xBF] + Array("Café\nZürich".utf8), path: "a.txt")
    #expect(plain.text == "Café\nZürich")
    #expect(bom.text == plain.text)
    #expect(bom.warnings.isEmpty)
  }

  @Test("UTF-16 LE and BE with a BOM decode, NULs and all")
  func utf16() throws {
    let text = "Ingénieure\r\nRust"
    let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(try TextDecoding.decode(le, path: "x").text == "Ingénieure\nRust")
    #expect(try TextDecoding.decode(be, path: "x").text == "Ingénieure\nRust")
  }

  @Test("Invalid UTF-8 becomes U+FFFD and is counted in a warning")
  func invalidUTF8() throws {
    let bytes: [UInt8] = Array("ab".utf8) + [0xE9] + Array("cd".utf8) + [0xFF, 0xC3]
    let decoded = try TextDecoding.decode(bytes, path: "x")
    #expect(decoded.text == "ab\u{FFFD}cd\u{FFFD}\u{FFFD}")
    #expect(decoded.warnings == ["3 invalid UTF-8 sequences replaced"])
  }

  @Test("Line endings are normalised: CRLF and lone CR become LF")
  func lineEndings() throws {
    #expect(
      try TextDecoding.decode(Array("a\r\nb\rc\n\r\nd".utf8), path: "x").text == "a\nb\nc\n\nd")
  }

  @Test("Decomposed accents are composed (NFC)")
  func nfc() throws {
    #expect(
      try TextDecoding.decode(Array("Cafe\u{301}".utf8), path: "x").text.unicodeScalars.count == 4)
  }

  @Test(
    "NUL bytes or mostly control characters make a file binary",
    arguments: [
      [0x41, 0x00, 0x42] as [UInt8],
      Array(repeating: 0x01, count: 40) + Array("some text".utf8),
    ])
  func binary(bytes: [UInt8]) {
    #expect(throws: JobFitError.binaryFile(path: "b.txt")) {
      try TextDecoding.decode(bytes, path: "b.txt")
    }
  }

  @Test("Tabs, form feeds and a few control characters are still text")
  func notBinary() throws {
    let bytes = Array("a\tb\u{0C}c\u{1B}d and a lot more ordinary text".utf8)
    #expect(try TextDecoding.decode(bytes, path: "x").text.hasPrefix("a\tb"))
  }

  @Test("The composition check finds a combining mark wherever it falls among ASCII runs")
  func compositionCheckAtEveryOffset() {
    let marks = ["e\u{301}", "\u{1100}\u{1161}", "x\u{20D7}", "y\u{FE20}", "z\u{1DC0}"]
    for prefix in 0...17 {
      let ascii = String(repeating: "a", count: prefix)
      for mark in marks {
        let text = ascii + mark + " tail"
        #expect(TextDecoding.mayNeedComposition(text.utf8), "\(prefix) \(mark.unicodeScalars.map(\.value))")
        #expect(TextDecoding.normalizeLineEndings(text) == text.precomposedStringWithCanonicalMapping)
      }
      #expect(!TextDecoding.mayNeedComposition((ascii + "café – “quoted” naïve").utf8))
      #expect(TextDecoding.normalizeLineEndings(ascii + "a\r\nb\rc") == ascii + "a\nb\nc")
    }
  }
}
