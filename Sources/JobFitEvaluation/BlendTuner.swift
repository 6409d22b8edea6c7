import Foundation
import JobFitCore

/// Chooses channel weights on the dev split by exhaustive search over a simplex grid.
///
/// Every weight vector with entries in {0, step, 2·step, …, 1} summing to 1 over the candidate
/// channels is tried (step 0.1 over 5 channels: 1,001 blends). The objective is the macro
/// mean over datasets (then over each dataset's tasks) of the mean nDCG@10 of the dev queries,
/// so a task with many queries does not drown the small human-graded ones, and a category set
/// read in two directions does not vote twice. Ties keep the earlier grid point, which is
/// deterministic. A grid, not a gradient method: nDCG is piecewise constant in the weights,
/// and an exhaustive grid is reproducible and shows how flat the optimum is.
struct BlendTuner {
  let channels: [Channel]
  var step = 0.1
  /// At most this many dev queries per task (the first by split-key hash order), to bound time.
  var maxQueriesPerTask = 300
  var cutoff = 10
  /// The group (dataset) of each prepared task: the objective averages tasks within a group
  /// first, then groups, so each labelled dataset counts once whatever its number of tasks
  /// (the category sets give two directions each). Empty: every task is its own group.
  var taskGroups: [Int] = []

  /// One dev query reduced to numbers: per candidate, its channel scores and gain.
  struct Query {
    /// candidates × channels, row-major.
    let scores: [Float]
    let gains: [Double]
    let idealDCG: Double
  }

  struct Outcome: Sendable {
    let weights: ChannelWeights
    let objective: Double
    /// Objective of each single channel alone and of the default blend, for the report.
    let reference: [String: Double]
    let evaluated: Int
    /// The chosen grid point (standardised weights) and the spreads that convert it.
    var standardized: [String: Double] = [:]
    var spread: [String: Double] = [:]
  }

  /// Prepares the dev queries of each task from `table`.
  func prepare(tasks: [EvaluationTask], table: ScoreTable) -> [[Query]] {
    tasks.map { task in
      let (queries, _) = task.prepared(split: .dev)
      let chosen = queries.sorted { fnv1a($0.id) < fnv1a($1.id) }.prefix(maxQueriesPerTask)
      let scorers = channels.map { table.scorer(.channel($0), queryRole: task.queryRole) }
      return chosen.map { query in
        var scores = [Float](repeating: 0, count: query.candidates.count * channels.count)
        for (i, item) in query.candidates.enumerated() {
          for (c, scorer) in scorers.enumerated() {
            let s = scorer(query.id, item)
            scores[i * channels.count + c] = s.isFinite ? s : 0
          }
        }
        return Query(
          scores: scores, gains: query.gains,
          idealDCG: Self.dcg(query.gains.sorted(by: >), k: cutoff))
      }
    }
  }

  /// All grid points of the simplex over `channels.count` channels.
  func grid() -> [[Double]] {
    let units = Int((1 / step).rounded())
    var points: [[Double]] = []
    var current = [Int](repeating: 0, count: channels.count)
    func fill(_ index: Int, _ left: Int) {
      if index == channels.count - 1 {
        current[index] = left
        points.append(current.map { Double($0) / Double(units) })
        return
      }
      for u in stride(from: left, through: 0, by: -1) {
        current[index] = u
        fill(index + 1, left - u)
      }
    }
    if !channels.isEmpty { fill(0, units) }
    return points
  }

  /// The spread of each channel's scores within a query: the root mean over queries of the
  /// variance across that query's candidates. Rankings only compare scores within a query, so
  /// this is the scale that decides how much a unit of weight moves a channel's items.
  func withinQuerySpread(_ prepared: [[Query]]) -> [Double] {
    let c = channels.count
    var total = [Double](repeating: 0, count: c)
    var count = 0
    for query in prepared.joined() {
      let n = query.gains.count
      guard n > 1 else { continue }
      for j in 0..<c {
        var mean = 0.0
        for i in 0..<n { mean += Double(query.scores[i * c + j]) }
        mean /= Double(n)
        var variance = 0.0
        for i in 0..<n {
          let d = Double(query.scores[i * c + j]) - mean
          variance += d * d
        }
        total[j] += variance / Double(n)
      }
      count += 1
    }
    return total.map { count == 0 || $0 <= 0 ? 1 : ($0 / Double(count)).squareRoot() }
  }

  /// The best grid point for the prepared dev queries.
  ///
  /// The grid runs over *standardised* weights: point `p` blends `Σ p_c × s_c / σ_c`, with
  /// `σ_c` the channel's within-query spread on dev, so 0.1 of weight means as much for a
  /// channel whose cosines spread over 0.02 as for one spreading over 0.3. The chosen point is
  /// returned as the equivalent raw weights `w_c ∝ p_c / σ_c` (normalised to sum 1), which is
  /// what the engine's one-pass blend uses.
  func tune(_ prepared: [[Query]]) throws -> Outcome {
    let points = grid()
    let spread = withinQuerySpread(prepared)
    @Sendable func raw(_ point: [Double]) -> [Double] {
      let w = zip(point, spread).map { $0 / $1 }
      let sum = w.reduce(0, +)
      return sum > 0 ? w.map { $0 / sum } : w
    }
    var objectives = [Double](repeating: 0, count: points.count)
    objectives.withUnsafeMutableBufferPointer { out in
      let output = UncheckedSendable(out)
      DispatchQueue.concurrentPerform(iterations: points.count) { p in
        output.value[p] = objective(raw(points[p]).map(Float.init), prepared)
      }
    }
    var best = 0
    for p in points.indices where objectives[p] > objectives[best] + 1e-12 { best = p }
    var reference: [String: Double] = [:]
    for (c, channel) in channels.enumerated() {
      var w = [Float](repeating: 0, count: channels.count)
      w[c] = 1
      reference[channel.rawValue] = objective(w, prepared)
    }
    let defaults = channels.map { Float(ChannelWeights.default[$0]) }
    reference["blend:default"] = objective(defaults, prepared)
    var chosen: [Channel: Double] = [:]
    let weights = raw(points[best])
    for (c, channel) in channels.enumerated() where weights[c] > 0 {
      chosen[channel] = (weights[c] * 1000).rounded() / 1000
    }
    return Outcome(
      weights: try ChannelWeights(chosen), objective: objectives[best], reference: reference,
      evaluated: prepared.reduce(0) { $0 + $1.count },
      standardized: Dictionary(uniqueKeysWithValues: zip(channels.map(\.rawValue), points[best])),
      spread: Dictionary(uniqueKeysWithValues: zip(channels.map(\.rawValue), spread)))
  }

  /// Macro mean over groups (datasets) of the macro mean over their tasks of mean nDCG@cutoff
  /// under weights `w`.
  func objective(_ w: [Float], _ prepared: [[Query]]) -> Double {
    var groupTotals: [Int: (sum: Double, count: Int)] = [:]
    let c = channels.count
    var blended: [Float] = []
    for (t, queries) in prepared.enumerated() where !queries.isEmpty {
      var sum = 0.0
      for query in queries {
        let n = query.gains.count
        blended.removeAll(keepingCapacity: true)
        for i in 0..<n {
          var s: Float = 0
          for j in 0..<c { s += w[j] * query.scores[i * c + j] }
          blended.append(s)
        }
        let top = Self.topIndices(blended, k: cutoff)
        sum += Self.dcg(top.map { query.gains[$0] }, k: cutoff) / query.idealDCG
      }
      let group = t < taskGroups.count ? taskGroups[t] : -1 - t
      let entry = groupTotals[group] ?? (0, 0)
      groupTotals[group] = (entry.sum + sum / Double(queries.count), entry.count + 1)
    }
    guard !groupTotals.isEmpty else { return 0 }
    // Summed in group order: dictionary order changes from run to run, and so would the last bit.
    return groupTotals.keys.sorted().reduce(0) { total, group in
      let entry = groupTotals[group] ?? (0, 1)
      return total + entry.sum / Double(entry.count)
    } / Double(groupTotals.count)
  }

  /// Indices of the `k` largest values, best first; ties by lower index (as the reports rank).
  static func topIndices(_ values: [Float], k: Int) -> [Int] {
    var top: [Int] = []
    top.reserveCapacity(k + 1)
    for i in values.indices {
      if top.count == k, let last = top.last, values[i] <= values[last] { continue }
      var at = top.count
      while at > 0, values[top[at - 1]] < values[i] { at -= 1 }
      top.insert(i, at: at)
      if top.count > k { top.removeLast() }
    }
    return top
  }

  /// DCG with linear gains: Σᵢ gᵢ / log2(i + 1), i from 1, over the first `k`.
  static func dcg(_ gains: [Double], k: Int) -> Double {
    var total = 0.0
    for (i, g) in gains.prefix(k).enumerated() { total += g / log2(Double(i + 2)) }
    return total
  }
}
