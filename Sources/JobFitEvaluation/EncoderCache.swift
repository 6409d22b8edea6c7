import Foundation
import JobFitCore
import LinearAlgebra

/// Document vectors of the sentence encoder, cached on disk by text.
///
/// Encoding a few thousand long résumés takes minutes on a laptop CPU, and evaluation runs
/// again and again on the same texts, so each document vector is stored under the FNV-1a 64
/// hash of its text (plus its byte length, which makes a collision between two different texts
/// of this corpus negligible). The cache file belongs to one model: its name carries the
/// model's safetensors size, so a different model never reads another's vectors.
///
/// File layout (little-endian): magic "JFEC", UInt32 version 1, UInt32 dimension, UInt64 count,
/// then `count` records of UInt64 hash, UInt64 length, `dimension` Float32.
struct EncoderCache {
  let file: URL
  let dimension: Int
  private(set) var vectors: [Key: [Float]] = [:]
  private var dirty = false

  struct Key: Hashable {
    var hash: UInt64
    var length: UInt64

    init(_ text: String) {
      hash = fnv1a(text)
      length = UInt64(text.utf8.count)
    }
  }

  /// Opens (or starts) the cache in `directory` for the model at `model`.
  init(directory: URL, model: ModelLocation, dimension: Int) {
    let size =
      (try? FileManager.default.attributesOfItem(atPath: model.file("model.safetensors").path)[
        .size] as? Int) ?? 0
    self.file = directory.appendingPathComponent("encoder-\(size)-\(dimension).bin")
    self.dimension = dimension
    if let data = try? Data(contentsOf: file) { load(data) }
  }

  private mutating func load(_ data: Data) {
    let bytes = [UInt8](data)
    func u32(_ at: Int) -> UInt32 {
      bytes[at..<(at + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
    func u64(_ at: Int) -> UInt64 {
      bytes[at..<(at + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
    guard bytes.count >= 20, bytes[0..<4].elementsEqual("JFEC".utf8), u32(4) == 1,
      Int(u32(8)) == dimension
    else { return }
    let count = Int(u64(12))
    let record = 16 + 4 * dimension
    guard bytes.count == 20 + count * record else { return }  // torn or foreign: start over
    for r in 0..<count {
      let at = 20 + r * record
      var vector = [Float](repeating: 0, count: dimension)
      for j in 0..<dimension { vector[j] = Float(bitPattern: u32(at + 16 + 4 * j)) }
      vectors[Key(hash: u64(at), length: u64(at + 8))] = vector
    }
  }

  /// Document vectors of `texts`, encoding (in one batch) only those not cached.
  mutating func vectors(for texts: [String], encoder: SentenceEncoder) throws -> Matrix {
    let keys = texts.map(Key.init)
    var missing: [Int] = []
    var seen = Set<Key>()
    for (i, key) in keys.enumerated() where vectors[key] == nil && seen.insert(key).inserted {
      missing.append(i)
    }
    if !missing.isEmpty {
      let embeddings = try encoder.encodeDocuments(missing.map { texts[$0] })
      for (i, embedding) in zip(missing, embeddings) { vectors[keys[i]] = embedding.vector }
      dirty = true
    }
    var result = Matrix(rows: texts.count, columns: dimension)
    for (i, key) in keys.enumerated() {
      guard let vector = vectors[key] else { continue }
      for j in 0..<dimension { result[i, j] = vector[j] }
    }
    return result
  }

  /// Writes the cache atomically if anything was added.
  func save() throws {
    guard dirty else { return }
    var out: [UInt8] = Array("JFEC".utf8)
    func put<T: FixedWidthInteger>(_ value: T) {
      withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    put(UInt32(1))
    put(UInt32(dimension))
    put(UInt64(vectors.count))
    for key in vectors.keys.sorted(by: { ($0.hash, $0.length) < ($1.hash, $1.length) }) {
      put(key.hash)
      put(key.length)
      for value in vectors[key] ?? [] { put(value.bitPattern) }
    }
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(out).write(to: file, options: .atomic)
  }
}

extension EncoderCache.Key {
  init(hash: UInt64, length: UInt64) {
    self.hash = hash
    self.length = length
  }
}
