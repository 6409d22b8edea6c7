/// A way of comparing two documents; each yields a score in [0, 1].
public enum Channel: String, Codable, Sendable, CaseIterable, Comparable {
  /// Cosine similarity of TF-IDF vectors (analyzer terms, sublinear tf, smoothed idf, l2).
  case lexical
  /// Weighted coverage of the posting's skills by the résumé (see `SkillsChannel`).
  case skills
  /// Share of the résumé's skills that the posting uses (see `SkillsChannel`).
  case resumeCoverage = "resume_coverage"
  /// Cosine of sentence-encoder document vectors (all-MiniLM-L6-v2 run in Swift; semantic).
  case encoder
  /// Cosine of LSA vectors (truncated SVD of the run's TF-IDF matrix; semantic).
  case lsa
  /// Cosine of TF-IDF vectors of the posting's title and the résumé's headline (see
  /// `TitleChannel`). Named `title_match` so it never clashes with a document's `title` field.
  case title = "title_match"

  public static func < (a: Channel, b: Channel) -> Bool {
    (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
  }
}

/// How channel scores blend into the final score: `score = Σ weight[c] × score[c]`.
///
/// Weights are normalised to sum to 1 over the enabled channels, so the blended score stays in
/// [0, 1] and is comparable across channel selections.
public struct ChannelWeights: Codable, Sendable, Equatable {
  public private(set) var weights: [Channel: Double]

  /// The documented defaults (README, "Scoring" and "Quality"): lexical 0.68, skills 0.12,
  /// title 0.20 — chosen by `jobfit eval` on the dev half of the labelled datasets (grid over
  /// weights per unit of each channel's within-query spread), leaving out dsinwild, whose labels
  /// are the keyword a scraper searched job titles for and so favour the title channel. With
  /// dsinwild in, the dev optimum is lexical 0.62, skills 0.11, title 0.27; the two differ by
  /// under 0.01 nDCG@10 on every dev task. Since O*NET occupations joined the title channel
  /// (`OccupationTitles`) its weight grew from 0.19 to 0.20 and the dev macro nDCG@10 of the
  /// blend from 0.704 to 0.718. Résumé coverage earned no weight once the title channel was
  /// there (0.08 before); LSA earned none either (+0.001 nDCG@10) and costs an SVD per run.
  /// Both stay available with `--channels`.
  public static let `default` = ChannelWeights(
    unchecked: [.lexical: 0.68, .skills: 0.12, .title: 0.20])

  /// Only the lexical channel (a plain TF-IDF baseline).
  public static let lexicalOnly = ChannelWeights(unchecked: [.lexical: 1])

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
    self.weights = weights.filter { $0.value > 0 }.mapValues { $0 / total }
  }

  /// Weights of the channels outside the default blend when a user asks for them
  /// (`--channels`), before renormalising with the defaults. Encoder 0.4 gives it 0.29 of the
  /// blend, what `jobfit eval` chose for it on dev (0.30; lexical 0.28, title 0.28, skills 0.14
  /// there). The encoder is not in the default blend because encoding thousands of postings
  /// takes minutes per run; LSA and résumé coverage got no weight on dev and enter at 0.2 and
  /// 0.08 only when asked for.
  public static let optionalWeights: [Channel: Double] = [
    .encoder: 0.4, .lsa: 0.2, .resumeCoverage: 0.08,
  ]

  /// The default weights restricted to `channels` (renormalised); other channels enter at
  /// `optionalWeights`.
  public static func restricted(to channels: Set<Channel>) throws -> ChannelWeights {
    let raw = ChannelWeights.default.weights.merging(optionalWeights) { a, _ in a }
    return try ChannelWeights(raw.filter { channels.contains($0.key) })
  }

  /// True when a dense (semantic) channel is enabled.
  public var needsDense: Bool { self[.encoder] > 0 || self[.lsa] > 0 }

  /// Enabled channels, in declaration order.
  public var channels: [Channel] { weights.keys.filter { weights[$0, default: 0] > 0 }.sorted() }

  public subscript(channel: Channel) -> Double { weights[channel, default: 0] }

  /// True when a skills channel is enabled (the taxonomy is then needed).
  public var needsSkills: Bool { self[.skills] > 0 || self[.resumeCoverage] > 0 }

  /// The weights with `channel` added at `weight` (before renormalising), e.g. the defaults
  /// plus the encoder: lexical 0.68, skills 0.12, title 0.20, encoder 0.4 → ÷ 1.4.
  public func adding(_ channel: Channel, weight: Double) throws -> ChannelWeights {
    var raw = weights
    raw[channel] = weight
    return try ChannelWeights(raw)
  }
}
