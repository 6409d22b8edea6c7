import Foundation

/// Employment periods read from a résumé's date ranges ("Mar 2019 – Present", "2016 - 2019",
/// "03/2019 – 06/2023", "2019-03 – 2023-06").
public enum WorkHistory {
  /// A period in whole months since year 0 (`year × 12 + month − 1`), end exclusive.
  public struct Period: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// UTF-8 byte offset of the line that stated it.
    public var lineStart: Int
    public var months: Int { max(0, end - start) }
  }

  static let months: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]

  // One endpoint: "Mar 2019", "March 2019", "03/2019", "2019-03", "2019".
  static let endpoint =
    #"(?:\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"#
    + #"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{4})"#
    + #"|\b(\d{1,2})/(\d{4})|\b(\d{4})-(\d{2})(?!\d)|\b(\d{4}))"#
  static let pattern = try? NSRegularExpression(
    pattern: endpoint + #"\s*(?:–|—|-|to|until)\s*(?:(present|current|now|today|date)|"#
      + endpoint + ")",
    options: [.caseInsensitive])

  /// The periods stated in `text`; "Present" means `asOf` (year, month).
  public static func periods(in text: String, asOf: (year: Int, month: Int)) -> [Period] {
    guard let pattern else { return [] }
    let ns = text as NSString
    var result: [Period] = []
    for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
      func group(_ i: Int) -> String? {
        let r = m.range(at: i)
        return r.location == NSNotFound ? nil : ns.substring(with: r)
      }
      guard let start = month(group, offset: 0) else { continue }
      let end: Int?
      if group(8) != nil {
        end = asOf.year * 12 + asOf.month  // through the current month
      } else {
        end = month(group, offset: 8).map { $0 + 1 }  // an end month counts in full
      }
      guard let end, end > start, end - start <= 50 * 12 else { continue }
      let utf16Start = m.range.location
      let prefix = ns.substring(to: utf16Start)
      result.append(Period(start: start, end: end, lineStart: lineStart(prefix)))
    }
    return result
  }

  private static func lineStart(_ prefix: String) -> Int {
    let bytes = Array(prefix.utf8)
    return (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
  }

  /// Month index of the endpoint whose groups start after `offset`.
  private static func month(_ group: (Int) -> String?, offset: Int) -> Int? {
    func year(_ s: String?) -> Int? {
      guard let s, let y = Int(s), (1950...2100).contains(y) else { return nil }
      return y
    }
    if let name = group(offset + 1), let y = year(group(offset + 2)) {
      guard let m = months[String(name.lowercased().prefix(3))] else { return nil }
      return y * 12 + m - 1
    }
    if let mm = group(offset + 3).flatMap(Int.init), let y = year(group(offset + 4)), (1...12).contains(mm) {
      return y * 12 + mm - 1
    }
    if let y = year(group(offset + 5)), let mm = group(offset + 6).flatMap(Int.init), (1...12).contains(mm) {
      return y * 12 + mm - 1
    }
    if let y = year(group(offset + 7)) { return y * 12 }
    return nil
  }

  /// Total years covered by `periods`, overlaps counted once.
  public static func years(_ periods: [Period]) -> Double {
    let sorted = periods.sorted { $0.start < $1.start }
    var total = 0
    var current: (Int, Int)?
    for p in sorted {
      if let (s, e) = current, p.start <= e {
        current = (s, max(e, p.end))
      } else {
        if let (s, e) = current { total += e - s }
        current = (p.start, p.end)
      }
    }
    if let (s, e) = current { total += e - s }
    return Double(total) / 12
  }
}
