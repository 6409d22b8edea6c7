import Foundation
import LinearAlgebra

/// The generated corpus of `peers/make_corpus.py`, read the way the peer script reads it.
///
/// Texts come straight from the JSONL `text` fields (no document loader) so the TF-IDF and
/// sparse stages see byte-for-byte what scikit-learn sees; `e2e` uses the real loader instead.
struct Corpus {
  let directory: URL
  var resumesPath: String { directory.appendingPathComponent("resumes.jsonl").path }
  var postingsPath: String { directory.appendingPathComponent("postings.jsonl").path }

  /// Résumé texts followed by posting texts (the order the peer script uses).
  func texts() throws -> (resumes: [String], postings: [String]) {
    (try Self.jsonlTexts(resumesPath), try Self.jsonlTexts(postingsPath))
  }

  /// Unit rows written by make_corpus.py: row-major little-endian float32.
  func vectors(_ name: String, dimension: Int) throws -> Matrix {
    let data = try Data(contentsOf: directory.appendingPathComponent("\(name).f32"))
    guard data.count % (4 * dimension) == 0 else {
      throw StageError("\(name).f32: size \(data.count) is not a multiple of \(4 * dimension)")
    }
    let rows = data.count / (4 * dimension)
    var storage = [Float](repeating: 0, count: rows * dimension)
    storage.withUnsafeMutableBytes { out in _ = data.copyBytes(to: out) }
    return try Matrix(rows: rows, columns: dimension, storage: storage)
  }

  static func jsonlTexts(_ path: String) throws -> [String] {
    struct Row: Decodable { let text: String }
    // Bytes, not Data: slicing Data pays an exclusivity check per byte in `split`.
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let decoder = JSONDecoder()
    var texts: [String] = []
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
      if end > start { texts.append(try decoder.decode(Row.self, from: Data(bytes[start..<end])).text) }
      start = end + 1
    }
    return texts
  }
}

struct StageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
