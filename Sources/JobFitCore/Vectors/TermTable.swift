/// A hash set of terms keyed by their UTF-8 bytes, giving each term a dense id (0, 1, 2, … in
/// insertion order).
///
/// Why not `Dictionary<String, Int32>`: Swift `String` equality is canonical equivalence, so
/// precomposed and decomposed Hangul (or `é` and `e` + U+0301) would be one key, while
/// scikit-learn (Python `str`) keeps them apart; and hashing a `String` costs more than hashing its
/// bytes. Lookups take a byte buffer, so the analyzer's reused buffer needs no allocation per token.
///
/// Open addressing with linear probing; the table doubles at 50 % load. Storage is manually
/// managed memory in a class (copied on write), because this is the innermost loop of TF-IDF.
/// A table is safe to share between threads once no one mutates it.
package struct TermTable: @unchecked Sendable {
  private var storage: Storage

  package init(minimumCapacity: Int = 64) {
    storage = Storage(minimumCapacity: minimumCapacity)
  }

  /// Builds a table holding `terms` with ids in order.
  package init<S: Sequence<String>>(terms: S) {
    self.init(minimumCapacity: terms.underestimatedCount)
    for var term in terms {
      term.withUTF8 { _ = insert($0) }
    }
  }

  package var count: Int { storage.count }

  /// The term with id `id`, decoded.
  package func term(_ id: Int) -> String {
    String(decoding: bytes(id), as: UTF8.self)
  }

  /// The bytes of term `id`; valid while the table is alive and not mutated.
  package func bytes(_ id: Int) -> UnsafeBufferPointer<UInt8> {
    precondition(id >= 0 && id < storage.count, "term id \(id) out of range")
    let start = storage.starts[id]
    return UnsafeBufferPointer(start: storage.arena + start, count: storage.starts[id + 1] - start)
  }

  /// The id of `key`, or `nil`.
  @inline(__always)
  package func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let id = storage.find(key, hash: Self.hash(key)).id
    return id >= 0 ? id : nil
  }

  /// The id of `key`, inserting it if new.
  @inline(__always)
  package mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Self.hash(key)
    let (id, slot) = storage.find(key, hash: hash)
    if id >= 0 { return id }
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage.append(key, hash: hash, slot: slot)
  }

  /// A fast 64-bit hash of a short byte string: 8 bytes at a time, multiply–xorshift mixing.
  ///
  /// Reads only inside `key`: a tail of a key of 8 bytes or more is covered by one overlapping
  /// load of the last 8 bytes, 4–7 bytes by two overlapping 4-byte loads, 1–3 bytes by the
  /// first, middle and last byte. The length is part of the seed, so the overlaps cannot make
  /// two keys of different lengths collide systematically.
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = key.count
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
    guard let base = key.baseAddress, count > 0 else { return mix(h) }
    let raw = UnsafeRawPointer(base)
    if count >= 8 {
      var offset = 0
      while offset + 8 <= count {
        h = mix(h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
      }
      if offset < count {
        h = mix(h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
      }
    } else if count >= 4 {
      let low = UInt64(raw.loadUnaligned(as: UInt32.self))
      let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      h = mix(h ^ (high << 32 | low))
    } else {
      h = mix(h ^ (UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16))
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

// MARK: - Storage

extension TermTable {
  // No dynamic exclusivity checks: they would cost more than a lookup. Mutation happens only
  // through `TermTable`'s mutating methods on a uniquely referenced storage.
  private final class Storage {
    /// Term bytes back to back; term `id` is `arena[starts[id] ..< starts[id + 1]]`.
    @exclusivity(unchecked) var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) var arenaCapacity: Int
    @exclusivity(unchecked) var starts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) var hashes: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) var termCapacity: Int
    @exclusivity(unchecked) var count = 0
    /// Term id + 1 per slot; 0 is empty. `mask + 1` slots.
    @exclusivity(unchecked) var slots: UnsafeMutablePointer<Int32>
    @exclusivity(unchecked) var mask: Int

    init(minimumCapacity: Int) {
      var size = 16
      while size < minimumCapacity * 2 { size <<= 1 }
      mask = size - 1
      slots = .allocate(capacity: size)
      slots.initialize(repeating: 0, count: size)
      termCapacity = size / 2 + 1
      starts = .allocate(capacity: termCapacity + 1)
      starts[0] = 0
      hashes = .allocate(capacity: termCapacity)
      arenaCapacity = termCapacity * 8
      arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
      arena.deallocate()
      starts.deallocate()
      hashes.deallocate()
      slots.deallocate()
    }

    func copy() -> Storage {
      let copy = Storage(minimumCapacity: 0)
      copy.reserve(terms: termCapacity, bytes: arenaCapacity, slots: mask + 1)
      copy.arena.update(from: arena, count: starts[count])
      copy.starts.update(from: starts, count: count + 1)
      copy.hashes.update(from: hashes, count: count)
      copy.slots.update(from: slots, count: mask + 1)
      copy.count = count
      return copy
    }

    /// The id of `key` (or -1) and the slot where the probe stopped.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, slot: Int) {
      let slots = self.slots, hashes = self.hashes, starts = self.starts, arena = self.arena
      let mask = self.mask
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = slots[slot]
        if entry == 0 { return (-1, slot) }
        let id = Int(entry &- 1)
        if hashes[id] == hash {
          let start = starts[id]
          if starts[id + 1] &- start == key.count
            && (key.isEmpty || memoryEqual(arena + start, key.baseAddress, key.count))
          {
            return (Int32(id), slot)
          }
        }
        slot = (slot &+ 1) & mask
      }
    }

    func append(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) -> Int32 {
      let used = starts[count]
      if count + 1 > termCapacity || used + key.count > arenaCapacity {
        reserve(terms: max(termCapacity, count + 1) * 2,
                bytes: max(arenaCapacity * 2, used + key.count), slots: mask + 1)
      }
      if let base = key.baseAddress { (arena + used).update(from: base, count: key.count) }
      starts[count + 1] = used + key.count
      hashes[count] = hash
      slots[slot] = Int32(count + 1)
      count += 1
      if count * 2 > mask + 1 { rehash(size: (mask + 1) * 2) }
      return Int32(count - 1)
    }

    func reserve(terms: Int, bytes: Int, slots slotCount: Int) {
      if terms > termCapacity {
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: terms + 1)
        newStarts.update(from: starts, count: count + 1)
        starts.deallocate()
        starts = newStarts
        let newHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: terms)
        newHashes.update(from: hashes, count: count)
        hashes.deallocate()
        hashes = newHashes
        termCapacity = terms
      }
      if bytes > arenaCapacity {
        let newArena = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes)
        newArena.update(from: arena, count: starts[count])
        arena.deallocate()
        arena = newArena
        arenaCapacity = bytes
      }
      if slotCount > mask + 1 { rehash(size: slotCount) }
    }

    private func rehash(size: Int) {
      let newSlots = UnsafeMutablePointer<Int32>.allocate(capacity: size)
      newSlots.initialize(repeating: 0, count: size)
      let newMask = size - 1
      for id in 0..<count {
        var slot = Int(truncatingIfNeeded: hashes[id]) & newMask
        while newSlots[slot] != 0 { slot = (slot + 1) & newMask }
        newSlots[slot] = Int32(id + 1)
      }
      slots.deallocate()
      slots = newSlots
      mask = newMask
    }
  }
}

@inline(__always)
private func memoryEqual(
  _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>?, _ count: Int
) -> Bool {
  guard let b else { return count == 0 }
  let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
  if count >= 8 {
    var index = 0
    while index + 8 <= count {
      if x.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        != y.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
      index += 8
    }
    // The last 8 bytes, overlapping bytes already compared.
    return index == count
      || x.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        == y.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
  }
  if count >= 4 {
    return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
      && x.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        == y.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
  }
  var index = 0
  while index < count {
    if a[index] != b[index] { return false }
    index += 1
  }
  return true
}

/// Orders byte strings lexicographically, which for UTF-8 is Unicode code point order (Python's
/// `sorted` on `str`). Swift's `String <` is not code point order for every pair of strings.
package func lexicographicallyPrecedes(
  _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>
) -> Bool {
  let shared = min(a.count, b.count)
  for index in 0..<shared where a[index] != b[index] { return a[index] < b[index] }
  return a.count < b.count
}
