import Dispatch
import JobFitCore
import LinearAlgebra

/// `rows` unit rows of `columns` uniform entries in [-1, 1], normalised.
func unitRows(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var rng = SplitMix64(seed: seed)
  var m = Matrix(rows: rows, columns: columns)
  for i in m.storage.indices { m.storage[i] = Float.random(in: -1...1, using: &rng) }
  m.normalizeRows()
  return m
}

/// Generated résumés and postings: Zipfian words (word *i* drawn ∝ 1 / (i + 1)) mixed with real
/// skill names, under the section headings the section splitter and skills channel look for.
///
/// A smaller cousin of `peers/make_corpus.py` (which the peer comparison uses); the two share
/// nothing but the idea.
struct SyntheticText {
  static let skills = [
    "Python", "Java", "Kubernetes", "Docker", "SQL", "PostgreSQL", "machine learning", "React",
    "TypeScript", "Go", "AWS", "Terraform", "Linux", "Spark", "data analysis", "Excel",
    "project management", "Scrum", "C++", "Rust", "GraphQL", "Kafka", "Redis", "Swift",
    "statistics", "TensorFlow", "PyTorch", "CI/CD", "Jenkins", "Git", "REST APIs", "Node.js",
    "customer service", "accounting", "nursing", "AutoCAD", "Salesforce", "Tableau", "Hadoop",
    "natural language processing",
  ]

  private var rng: SplitMix64
  private let words: [String]
  private let cumulative: [Double]

  init(vocabulary: Int = 20_000, seed: UInt64) {
    rng = SplitMix64(seed: seed)
    var total = 0.0
    cumulative = (0..<vocabulary).map { i in
      total += 1 / Double(i + 1)
      return total
    }
    words = (0..<vocabulary).map { i in
      var n = i
      var s = ""
      repeat {
        s.unicodeScalars.append(Unicode.Scalar(UInt8(97 + n % 26)))
        n /= 26
      } while n > 0
      return s + "x"
    }
  }

  private mutating func word() -> String {
    let u = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &rng)
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
    }
    return words[lo]
  }

  private mutating func skill() -> String {
    Self.skills[Int(Double(Self.skills.count) * pow3(Double.random(in: 0..<1, using: &rng)))]
  }

  private func pow3(_ x: Double) -> Double { x * x * x }

  /// `count` words, one in twenty a skill phrase.
  mutating func prose(_ count: Int) -> String {
    (0..<count).map { _ in Int.random(in: 0..<20, using: &rng) == 0 ? skill() : word() }
      .joined(separator: " ")
  }

  mutating func resume(words count: Int) -> String {
    let skills = (0..<8).map { _ in skill() }.joined(separator: ", ")
    return "Summary\n\(prose(count / 5))\n\nSkills\n\(skills)\n\nExperience\n"
      + "\(Int.random(in: 1...15, using: &rng)) years of experience. \(prose(count - count / 5))\n"
  }

  mutating func posting(words count: Int) -> String {
    let required = (0..<4).map { _ in "- \(Int.random(in: 1...8, using: &rng))+ years with \(skill())" }
    let nice = (0..<3).map { _ in "- \(skill())" }
    return "About the role\n\(prose(count))\n\nRequirements\n\(required.joined(separator: "\n"))\n\n"
      + "Nice to have\n\(nice.joined(separator: "\n"))\n"
  }

  /// `count` documents of `words` words each (alternating résumé and posting shapes).
  static func documents(count: Int, words: Int, seed: UInt64) -> [String] {
    var text = SyntheticText(seed: seed)
    return (0..<count).map { i in
      i % 2 == 0 ? text.resume(words: words) : text.posting(words: words)
    }
  }
}

/// Seconds taken by `body`, from the monotonic clock.
@inline(__always)
func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
