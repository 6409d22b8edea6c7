extension TopKHeap {
  /// The best `k` of `scores` (index = position), best first.
  public static func select(_ scores: UnsafeBufferPointer<Float>, k: Int) -> [ScoredIndex] {
    var heap = TopKHeap(k: min(k, scores.count))
    heap.offer(scores, indexOffset: 0)
    return heap.sorted()
  }

  /// Offers every score of `scores`, numbering them from `indexOffset`; the answer is the same as
  /// inserting every score in turn.
  ///
  /// Two shortcuts keep most scores away from the heap:
  ///
  /// - Bound. On a heap that is not yet full (`k ≤ 64`, row long enough), the row's first scores
  ///   are cut into disjoint groups; with `b` the k-th largest group maximum, at least `k` scores
  ///   are `≥ b`, so no score `< b` can be among the k best (`lowerBound`). Scores below `b` are
  ///   skipped, also while filling the heap, which otherwise accepts a long run of improving
  ///   scores at the start of a random row.
  /// - Screen. Scores are tested 32 at a time, four 8-lane compares against
  ///   `t = max(b, k-th best so far)`. A block with no score `≥ t` cannot change the heap (a score
  ///   below `t` ranks after the root; NaN never ranks before anything) and is skipped; otherwise
  ///   only the lanes that reached `t` go through `insert`, in index order, which applies the full
  ///   ranking (ties by lower index).
  @inlinable
  public mutating func offer(_ scores: UnsafeBufferPointer<Float>, indexOffset: Int) {
    guard k > 0, let base = scores.baseAddress else { return }
    var i = 0
    let n = scores.count
    let step = 32
    let bound = heap.count < k && k <= 64 ? Self.lowerBound(base, count: n, k: k) : -.infinity
    // Fill phase; with a bound the screen below fills the heap instead (its threshold is the
    // bound until the heap is full).
    while bound == -.infinity && i < n && heap.count < k {
      insert(index: Int32(truncatingIfNeeded: indexOffset + i), score: base[i])
      i += 1
    }
    var threshold = Swift.max(self.threshold, bound)
    let raw = UnsafeRawPointer(base)
    while i + step <= n {
      let t = SIMD8<Float>(repeating: threshold)
      let p = raw + i * MemoryLayout<Float>.stride
      let hit0 = p.loadUnaligned(as: SIMD8<Float>.self) .>= t
      let hit1 = p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self) .>= t
      let hit2 = p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self) .>= t
      let hit3 = p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self) .>= t
      if any(hit0 .| hit1 .| hit2 .| hit3) {
        // Visit only the lanes that reached the threshold, lowest index first.
        var lanes = Self.bits(hit0) | Self.bits(hit1) << 8 | Self.bits(hit2) << 16
          | Self.bits(hit3) << 24
        while lanes != 0 {
          let j = i + lanes.trailingZeroBitCount
          lanes &= lanes &- 1
          if base[j] >= threshold {
            insert(index: Int32(truncatingIfNeeded: indexOffset + j), score: base[j])
            threshold = Swift.max(self.threshold, bound)
          }
        }
      }
      i += step
    }
    while i < n {
      let s = base[i]
      if s >= threshold {
        insert(index: Int32(truncatingIfNeeded: indexOffset + i), score: s)
        threshold = Swift.max(self.threshold, bound)
      }
      i += 1
    }
  }

  /// A score that at least `k` scores of the row reach, or −∞ when the row is too short.
  ///
  /// The first (at most 8) chunks of 128 scores are reduced lane-wise to 8 maxima each: lane `j`
  /// of chunk `c` is the maximum of the 16 scores `128c + j + 8t`. These groups are disjoint, so
  /// the k-th largest of the maxima is reached by at least k scores. Each maximum is one of the
  /// scores or −∞ (a NaN lane is never picked), so the bound is safe with NaN in the row.
  @usableFromInline
  static func lowerBound(_ base: UnsafePointer<Float>, count: Int, k: Int) -> Float {
    let chunks = Swift.min(count / 128, 8)
    guard k > 0, chunks * 8 >= k else { return -.infinity }
    // The k largest maxima so far, descending, by insertion (k ≤ 64).
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: k) { best in
      var kept = 0
      let raw = UnsafeRawPointer(base)
      for c in 0..<chunks {
        let p = raw + c * 128 * MemoryLayout<Float>.stride
        var m = SIMD8<Float>(repeating: -.infinity)
        for offset in stride(from: 0, to: 512, by: 32) {
          let v = p.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
          m.replace(with: v, where: v .> m)
        }
        for lane in 0..<8 {
          let value = m[lane]
          guard kept < k || value > best[k - 1] else { continue }
          var slot = kept < k ? kept : k - 1
          if kept < k { kept += 1 }
          while slot > 0 && best[slot - 1] < value {
            best[slot] = best[slot - 1]
            slot -= 1
          }
          best[slot] = value
        }
      }
      return best[k - 1]
    }
  }

  /// The set lanes of an 8-lane mask as the low 8 bits of an integer (lane 0 → bit 0).
  @inlinable
  static func bits(_ mask: SIMDMask<SIMD8<Int32>>) -> UInt32 {
    let weights = SIMD8<UInt32>(1, 2, 4, 8, 16, 32, 64, 128)
    return SIMD8<UInt32>(repeating: 0).replacing(with: weights, where: mask).wrappedSum()
  }
}
