/// An analyzer that folds English plurals of the terms another analyzer gives: Harman's
/// "S" stemmer (1991), the mildest English stemmer.
///
/// Rules, first match wins, for lower-case ASCII terms of at least 4 letters:
/// - "-ies" → "-y" unless "-eies" or "-aies" ("agencies" → "agency");
/// - "-es" → "-e" unless "-aes", "-ees" or "-oes" ("services" → "service");
/// - "-s" → "" unless "-us", "-ss" or "-is" ("developers" → "developer"; "analysis", "business",
///   "campus" stay).
///
/// Job titles need this and no more: Snowball merges different jobs ("Accountant" and "Account
/// Executive" share the stem "account"), while "Software Developers" (O*NET's title) and
/// "Software Developer" (a résumé's) must meet.
public struct PluralFolding: TextAnalyzer {
  public let base: any TextAnalyzer

  public init(base: any TextAnalyzer) {
    self.base = base
  }

  public func tokens(in text: String) -> [Token] {
    var tokens = base.tokens(in: text)
    for i in tokens.indices {
      if let folded = Self.fold(tokens[i].term) { tokens[i].term = folded }
    }
    return tokens
  }

  /// The singular of `term` by the rules above, or nil when it is left as it is.
  public static func fold(_ term: String) -> String? {
    let u = Array(term.utf8)
    guard u.count >= 4, u.last == UInt8(ascii: "s"),
      u.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
    else { return nil }
    let n = u.count
    let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
    let s = UInt8(ascii: "s"), uu = UInt8(ascii: "u")
    if u[n - 3] == i, u[n - 2] == e {
      if u[n - 4] == e || u[n - 4] == a { return nil }
      return String(decoding: u[..<(n - 3)], as: UTF8.self) + "y"
    }
    if u[n - 2] == e {
      if u[n - 3] == a || u[n - 3] == e || u[n - 3] == o { return nil }
      return String(decoding: u[..<(n - 1)], as: UTF8.self)
    }
    if u[n - 2] == uu || u[n - 2] == s || u[n - 2] == i { return nil }
    return String(decoding: u[..<(n - 1)], as: UTF8.self)
  }
}
