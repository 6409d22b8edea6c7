// MARK: - Where year requirements can be

extension ExperienceExtractor {
  /// Non-space runs a year match can touch, counting the run with "years": at most five ("at
  /// least", the number, "+", "years"; or "2", "to", "4", "+", "years"). Seven leaves a margin.
  static let runsPerYearMatch = 7

  /// The stretches of `text` that can hold a year-requirement match, in order, or nil when the
  /// text has scalars the byte test cannot judge (see `ASCIIText.isFoldSafe`).
  ///
  /// Both patterns end in "years?" or "yrs?", and what comes before it (number, dash or "to",
  /// "+", "at least", …) spans at most `runsPerYearMatch` runs of non-space characters. So each
  /// match lies inside the window from the seventh run before a "yr"/"year" run to the end of
  /// that run. Overlapping windows are merged into one segment. Why running the patterns per
  /// segment finds exactly the whole-text matches: no match crosses a segment edge (it would lie
  /// in a window that crosses it), and every edge has ASCII white space (or the text's end)
  /// outside it, which `\b` reads as the end of the text would be read.
  ///
  /// Only ASCII space, tab, LF, FF and CR separate runs: other white space (no-break spaces)
  /// just makes runs longer, which keeps the bound true.
  ///
  /// - Complexity: O(*n*).
  static func yearSegments(in text: String) -> [String]? {
    var text = text
    return text.withUTF8 { bytes -> [String]? in
      guard ASCIIText.isFoldSafe(bytes) else { return nil }
      var runStarts: [Int] = []
      var windows: [Range<Int>] = []
      var i = 0
      let n = bytes.count
      while i < n {
        while i < n, isSpace(bytes[i]) { i += 1 }
        guard i < n else { break }
        let start = i
        while i < n, !isSpace(bytes[i]) { i += 1 }
        runStarts.append(start)
        let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
        if yearWords.contains(where: { ASCIIText.occurrence(of: $0, in: run) != .absent }) {
          let first = runStarts[max(0, runStarts.count - runsPerYearMatch)]
          if let last = windows.last, first <= last.upperBound {
            windows[windows.count - 1] = last.lowerBound..<i
          } else {
            windows.append(first..<i)
          }
        }
      }
      return windows.map {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
      }
    }
  }

  @inline(__always)
  private static func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
  }
}
