import Foundation

/// Small accessors over `JSONSerialization` values, plus a line builder for rendered JSON.
enum JSONValues {
  /// A trimmed, non-empty string for strings and numbers; nil otherwise.
  static func string(_ value: Any?) -> String? {
    switch value {
    case let text as String:
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      return trimmed.isEmpty ? nil : trimmed
    case let number as NSNumber:
      // Booleans are NSNumbers too; they are never ids or text.
      if String(cString: number.objCType) == "c" { return nil }
      return number.stringValue
    default: return nil
    }
  }

  static func object(_ value: Any?) -> [String: Any]? { value as? [String: Any] }

  static func array(_ value: Any?) -> [Any] {
    if let array = value as? [Any] { return array }
    return value == nil ? [] : [value as Any]
  }

  /// Strings of an array (or of a single string), skipping non-strings.
  static func strings(_ value: Any?) -> [String] {
    array(value).compactMap { string($0) ?? string(object($0)?["name"]) }
  }

  /// "(start – end)" for a date range; "present" when only the start is known.
  static func dateRange(_ start: Any?, _ end: Any?) -> String {
    switch (string(start), string(end)) {
    case (let s?, let e?): "(\(s) – \(e))"
    case (let s?, nil): "(\(s) – present)"
    case (nil, let e?): "(until \(e))"
    case (nil, nil): ""
    }
  }

  /// Joins the non-empty parts with `separator`.
  static func join(_ parts: [String?], _ separator: String = ", ") -> String {
    parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: separator)
  }

  /// The deepest nesting of arrays and objects in `bytes`, stopping once it passes `limit`.
  ///
  /// Checked before parsing so a hostile `[[[[…` cannot exhaust the parser's stack.
  static func nestingExceeds(_ bytes: some Sequence<UInt8>, limit: Int) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        }
        continue
      }
      switch byte {
      case 0x22: inString = true
      case 0x5B, 0x7B:
        depth += 1
        if depth > limit { return true }
      case 0x5D, 0x7D: depth -= 1
      default: break
      }
    }
    return false
  }
}

/// Collects rendered lines: headings only appear when their section has a body.
struct RenderedLines {
  private(set) var lines: [String] = []

  /// Adds each line of `text` (multi-line strings keep their lines).
  mutating func add(_ text: String?) {
    guard let text, !text.isEmpty else { return }
    for line in TextDecoding.normalizeLineEndings(text).split(
      separator: "\n", omittingEmptySubsequences: false)
    {
      lines.append(String(line))
    }
  }

  /// Adds an empty line (not at the start, never two in a row).
  mutating func blank() {
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  /// Adds the lines of `other`.
  mutating func append(_ other: RenderedLines) { lines.append(contentsOf: other.lines) }

  /// Adds "• item" for each item.
  mutating func bullets(_ items: [String]) {
    for item in items { add("• " + item) }
  }

  /// Adds a blank line, `heading` and `body`, when `body` is not empty.
  mutating func section(_ heading: String, _ body: RenderedLines) {
    guard !body.lines.isEmpty else { return }
    if !lines.isEmpty { lines.append("") }
    lines.append(heading)
    lines.append(contentsOf: body.lines)
  }

  var text: String {
    var result = lines
    while result.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { result.removeLast() }
    return result.joined(separator: "\n")
  }
}
