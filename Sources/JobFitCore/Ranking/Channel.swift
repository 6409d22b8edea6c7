/// A way of comparing two documents; each yields a score in [0, 1].
public enum Channel: String, Codable, Sendable, CaseIterable, Comparable {
  /// Cosine similarity of TF-IDF vectors (analyzer terms, sublinear tf, smoothed idf, l2).
  case lexical

  public static func < (a: Channel, b: Channel) -> Bool { a.rawValue < b.rawValue }
}

/// How channel scores blend into the final score: `score = Σ weight[c] × score[c]`.
///
/// Weights are normalised to sum to 1 over the enabled channels, so the blended score stays in
/// [0, 1] and is comparable across channel selections. With only the lexical channel the score is
/// the TF-IDF cosine itself.
public struct ChannelWeights: Codable, Sendable, Equatable {
  public private(set) var weights: [Channel: Double]

  /// The documented defaults (README, "Scoring").
  public static let `default` = ChannelWeights(unchecked: [.lexical: 1.0])

  private init(unchecked weights: [Channel: Double]) { self.weights = weights }

  /// Weights for `channels`, normalised to sum to 1.
  ///
  /// - Throws: `JobFitError.invalidParameter` for a negative weight or when all are zero.
  public init(_ weights: [Channel: Double]) throws {
    for (channel, w) in weights where !(w >= 0 && w.isFinite) {
      throw JobFitError.invalidParameter(
        name: "weight of \(channel.rawValue)", value: "\(w)", expected: "a finite number ≥ 0")
    }
    let total = weights.values.reduce(0, +)
    guard total > 0 else {
      throw JobFitError.invalidParameter(
        name: "channel weights", value: "all zero", expected: "at least one positive weight")
    }
    self.weights = weights.mapValues { $0 / total }
  }

  public var channels: [Channel] { weights.keys.filter { weights[$0, default: 0] > 0 }.sorted() }

  public subscript(channel: Channel) -> Double { weights[channel, default: 0] }
}
