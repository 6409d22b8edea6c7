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
  /// - Bound. On a heap that is not yet full, with `k ≤ 32`, a row of `n ≥ 32k` scores is cut into
  ///   groups of 32; with `b` the k-th largest group maximum, at least `k` scores are `≥ b`, so no
  ///   score `< b` can be among the k best. Scores below `b` are skipped, also while filling the heap, which
  ///   otherwise accepts a long run of improving scores at the start of a random row.
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
    let bound =
      heap.count < k && k <= step && n >= step * k
      ? Self.lowerBound(base, count: n, k: k) : -.infinity
    // Fill phase (every score when there is no bound, so NaN can fill a short row as before).
    while i < n && heap.count < k {
      if bound == -.infinity || base[i] >= bound {
        insert(index: Int32(truncatingIfNeeded: indexOffset + i), score: base[i])
      }
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

  /// The k-th largest of the maxima of the first (at most 64) groups of 32 scores: a score that
  /// at least `k` scores reach. Each maximum is one of the scores (NaN lanes are never picked; a
  /// group of NaNs counts as −∞), so the bound is safe with NaN in the row. Needs `count ≥ 32k`
  /// and `k ≤ 32`.
  @usableFromInline
  static func lowerBound(_ base: UnsafePointer<Float>, count: Int, k: Int) -> Float {
    let groups = Swift.min(count / 32, 64)
    // The k largest maxima so far, descending, by insertion (k is small).
    return withUnsafeTemporaryAllocation(of: Float.self, capacity: k) { best in
      var kept = 0
      let raw = UnsafeRawPointer(base)
      for g in 0..<groups {
        let p = raw + g * 32 * MemoryLayout<Float>.stride
        var m = p.loadUnaligned(as: SIMD8<Float>.self)
        for offset in stride(from: 32, to: 128, by: 32) {
          let v = p.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
          m.replace(with: v, where: v .> m)
        }
        var value = -Float.infinity
        for lane in 0..<8 where m[lane] > value { value = m[lane] }
        guard kept < k || value > best[k - 1] else { continue }
        var slot = kept < k ? kept : k - 1
        if kept < k { kept += 1 }
        while slot > 0 && best[slot - 1] < value {
          best[slot] = best[slot - 1]
          slot -= 1
        }
        best[slot] = value
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
