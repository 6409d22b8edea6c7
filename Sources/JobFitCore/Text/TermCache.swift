import Foundation

/// A map from a token's source bytes to its analysed term, looked up without building a String.
///
/// Most tokens of a corpus are repeats (Zipf), so the analyzer normalises, checks stop words and
/// stems each distinct spelling once. Keying a `[String: String]` by the source text cost a
/// String per token plus SipHash; this table hashes the bytes in place (FNV-1a, 64-bit) with
/// linear probing, keeps the keys in one byte arena, and grows by doubling up to `limit` entries,
/// after which it is cleared (frequent words come back at once; memory stays bounded).
struct TermCache {
  private struct Slot {
    var hash: UInt64
    var offset: Int32
    var length: Int32  // -1: empty
    var term: Int32
  }

  private static let empty = Slot(hash: 0, offset: 0, length: -1, term: 0)
  private var slots: [Slot] = []  // allocated on first insert, so an empty cache costs nothing
  private var arena: [UInt8] = []
  private var terms: [String] = []
  /// Entries kept before the cache is cleared.
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var count: Int { terms.count }

  /// FNV-1a over `key`, with a final shift so the low bits used for the slot index mix well.
  @inline(__always) static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return h ^ (h >> 29)
  }

  /// The cached term for `key`, whose hash is `hash`.
  @inline(__always) func term(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> String? {
    guard !slots.isEmpty else { return nil }
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let slot = slots[index]
      if slot.length < 0 { return nil }
      if slot.hash == hash && Int(slot.length) == key.count && matches(slot, key) {
        return terms[Int(slot.term)]
      }
      index = (index + 1) & mask
    }
  }

  /// Stores `term` for `key` (which must not be present yet).
  mutating func insert(_ term: String, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
    if terms.count >= limit { clear() }
    if slots.isEmpty {
      slots = [Slot](repeating: Self.empty, count: 1024)
    } else if (terms.count + 1) * 2 > slots.count {
      grow()
    }
    let slot = Slot(
      hash: hash, offset: Int32(arena.count), length: Int32(key.count), term: Int32(terms.count))
    arena.append(contentsOf: key)
    terms.append(term)
    place(slot)
  }

  private func matches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = key.baseAddress else { return slot.length == 0 }
    return arena.withUnsafeBufferPointer { stored in
      guard let storedBase = stored.baseAddress else { return false }
      return memcmp(storedBase + Int(slot.offset), base, key.count) == 0
    }
  }

  private mutating func place(_ slot: Slot) {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: slot.hash) & mask
    while slots[index].length >= 0 { index = (index + 1) & mask }
    slots[index] = slot
  }

  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Self.empty, count: old.count * 2)
    for slot in old where slot.length >= 0 { place(slot) }
  }

  private mutating func clear() {
    for index in slots.indices { slots[index] = Self.empty }
    arena.removeAll(keepingCapacity: true)
    terms.removeAll(keepingCapacity: true)
  }
}
