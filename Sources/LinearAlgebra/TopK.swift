/// A scored row index: the result unit of every top-k search.
public struct ScoredIndex: Sendable, Equatable, Hashable {
  public var index: Int32
  public var score: Float

  public init(index: Int32, score: Float) {
    self.index = index
    self.score = score
  }

  /// The ranking order used everywhere: higher score first, then lower index.
  ///
  /// Ties are broken by index so that results are the same on every run and thread count;
  /// callers that order rows by document id get ties broken by id. NaN ranks last.
  @inline(__always)
  public static func ranksBefore(_ a: ScoredIndex, _ b: ScoredIndex) -> Bool {
    if a.score != b.score {
      if a.score.isNaN { return false }
      if b.score.isNaN { return true }
      return a.score > b.score
    }
    return a.index < b.index
  }
}

/// Keeps the `k` best of a stream of scored indices, in O(log k) per accepted item.
///
/// A binary min-heap whose root is the worst item kept, so the common case — a candidate worse
/// than everything kept — costs one comparison (`threshold`).
public struct TopKHeap: Sendable {
  public let k: Int
  @usableFromInline var heap: [ScoredIndex] = []

  public init(k: Int) {
    precondition(k >= 0, "k must be non-negative")
    self.k = k
    heap.reserveCapacity(k)
  }

  public var count: Int { heap.count }
  public var isFull: Bool { heap.count == k }

  /// The score a candidate must reach to be considered (−∞ until the heap is full).
  /// A NaN at the root also yields −∞, so any real score can still displace it.
  @inlinable public var threshold: Float {
    guard heap.count == k, k > 0, !heap[0].score.isNaN else { return -.infinity }
    return heap[0].score
  }

  /// Offers a candidate; keeps it if it ranks before the worst kept item.
  @inlinable
  public mutating func insert(_ item: ScoredIndex) {
    guard k > 0 else { return }
    if heap.count < k {
      heap.append(item)
      siftUp(heap.count - 1)
    } else if ScoredIndex.ranksBefore(item, heap[0]) {
      heap[0] = item
      siftDown(0)
    }
  }

  @inlinable
  public mutating func insert(index: Int32, score: Float) {
    insert(ScoredIndex(index: index, score: score))
  }

  /// The kept items, best first.
  public func sorted() -> [ScoredIndex] {
    heap.sorted(by: ScoredIndex.ranksBefore)
  }

  // The heap orders by "ranks after": the parent ranks after (is worse than) its children.
  @usableFromInline
  mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard ScoredIndex.ranksBefore(heap[parent], heap[child]) else { return }
      heap.swapAt(parent, child)
      child = parent
    }
  }

  /// Moves the root down to its place: the hole travels down while a child ranks after the
  /// moving item, and the item is written once at the end.
  @usableFromInline
  mutating func siftDown(_ start: Int) {
    heap.withUnsafeMutableBufferPointer { h in
      let n = h.count
      let item = h[start]
      var hole = start
      while true {
        let left = 2 * hole + 1
        guard left < n else { break }
        var worst = left
        let right = left + 1
        if right < n, ScoredIndex.ranksBefore(h[left], h[right]) { worst = right }
        guard ScoredIndex.ranksBefore(item, h[worst]) else { break }
        h[hole] = h[worst]
        hole = worst
      }
      h[hole] = item
    }
  }
}
