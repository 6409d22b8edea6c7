/// A hash set of terms keyed by their UTF-8 bytes, giving each term a dense id (0, 1, 2, … in
/// insertion order).
///
/// Why not `Dictionary<String, Int32>`: Swift `String` equality is canonical equivalence, so
/// precomposed `é` and `e` + U+0301 would be one key, while scikit-learn (Python `str`) keeps them
/// apart; and hashing a `String` costs more than hashing its bytes. Lookups take a byte buffer, so
/// the analyzer's reused buffer needs no allocation per token.
///
/// Open addressing with linear probing; the table doubles at 50 % load.
package struct TermTable: Sendable {
  /// The bytes of every term, back to back.
  private(set) var arena: [UInt8] = []
  /// `arena[starts[id] ..< starts[id + 1]]` is term `id`; one more entry than terms.
  private(set) var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Term id + 1 per slot; 0 is empty.
  private var slots: [Int32]
  private var mask: Int

  package init(minimumCapacity: Int = 64) {
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    slots = Array(repeating: 0, count: size)
    mask = size - 1
  }

  /// Builds a table holding `terms` with ids in order.
  package init<S: Sequence<String>>(terms: S) {
    self.init()
    for var term in terms {
      term.withUTF8 { _ = insert($0) }
    }
  }

  package var count: Int { starts.count - 1 }

  /// The term with id `id`, decoded.
  package func term(_ id: Int) -> String {
    String(decoding: arena[starts[id]..<starts[id + 1]], as: UTF8.self)
  }

  /// The bytes of term `id`.
  package func bytes(_ id: Int) -> ArraySlice<UInt8> { arena[starts[id]..<starts[id + 1]] }

  /// The id of `key`, or `nil`.
  package func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let hash = Self.hash(key)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let id = Int(entry - 1)
      if hashes[id] == hash, matches(id, key) { return entry - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// The id of `key`, inserting it if new.
  package mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(key)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let id = Int(entry - 1)
      if hashes[id] == hash, matches(id, key) { return entry - 1 }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    arena.append(contentsOf: key)
    starts.append(arena.count)
    hashes.append(hash)
    slots[slot] = id + 1
    if count * 2 > slots.count { grow() }
    return id
  }

  private func matches(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[id]
    guard starts[id + 1] - start == key.count else { return false }
    return arena.withUnsafeBufferPointer { arena in
      for offset in 0..<key.count where arena[start + offset] != key[offset] { return false }
      return true
    }
  }

  private mutating func grow() {
    let size = slots.count * 2
    var newSlots = [Int32](repeating: 0, count: size)
    let newMask = size - 1
    for id in 0..<count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & newMask
      while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
      newSlots[slot] = Int32(id + 1)
    }
    slots = newSlots
    mask = newMask
  }

  /// A fast 64-bit hash of a short byte string: 8 bytes at a time, multiply–xorshift mixing.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
    guard let base = key.baseAddress else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= key.count {
      h = mix(h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    if offset < key.count {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while offset < key.count {
        tail |= UInt64(key[offset]) << shift
        shift += 8
        offset += 1
      }
      h = mix(h ^ tail)
    }
    return h
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    var x = value &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 31
    x = x &* 0x94D0_49BB_1331_11EB
    return x ^ (x >> 29)
  }
}

/// Orders byte strings lexicographically, which for UTF-8 is Unicode code point order (Python's
/// `sorted` on `str`). Swift's `String <` is not code point order for every pair of strings.
package func lexicographicallyPrecedes(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      let shared = min(a.count, b.count)
      for index in 0..<shared where a[index] != b[index] { return a[index] < b[index] }
      return a.count < b.count
    }
  }
}
