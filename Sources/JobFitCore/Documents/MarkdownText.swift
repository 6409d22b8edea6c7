/// Lightly strips Markdown syntax while keeping every line where it was.
///
/// Headings keep their `#` marks so `SectionSplitter` can find them. Removed: emphasis markers
/// (`**`, `__`, and `*`/`_` around words), inline code backticks, link and image syntax
/// (`[text](url)` → `text`), block-quote markers and code-fence lines. List markers `*`, `-`, `+`
/// at the start of a line become "• ". Words joined by `_` (snake_case) and "C++" stay intact.
enum MarkdownText {
  static func extract(_ markdown: String) -> String {
    var lines: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        lines.append("")
        continue
      }
      if trimmed.hasPrefix("#") {
        lines.append(inline(String(line)))
        continue
      }
      var body = Substring(trimmed)
      var prefix = String(line.prefix(line.count - trimmed.count))
      while body.hasPrefix(">") { body = body.dropFirst().drop(while: { $0 == " " }) }
      if let marker = body.first, "*-+".contains(marker), body.dropFirst().first == " " {
        let rest = body.dropFirst(2)
        if !(marker != "+" && rest.allSatisfy({ $0 == marker || $0 == " " })) {
          prefix += "• "
          body = rest
        }
      }
      lines.append(prefix + inline(String(body)))
    }
    return lines.joined(separator: "\n")
  }

  /// Link text and targets longer than these are left as written: bounded look-ahead keeps a
  /// line of ten million "[" linear instead of quadratic.
  static let maxLinkText = 500
  static let maxLinkTarget = 2000

  /// Strips inline syntax from one line.
  static func inline(_ line: String) -> String {
    let chars = Array(line)
    var out = ""
    out.reserveCapacity(line.utf8.count)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      // Links and images: [text](url) or ![alt](url) → text.
      if c == "[" || (c == "!" && i + 1 < chars.count && chars[i + 1] == "[") {
        let open = c == "!" ? i + 1 : i
        if let close = chars[(open + 1)..<min(chars.count, open + 1 + maxLinkText)].firstIndex(
          of: "]"),
          close + 1 < chars.count, chars[close + 1] == "(",
          let end = chars[(close + 2)..<min(chars.count, close + 2 + maxLinkTarget)].firstIndex(
            of: ")")
        {
          out += String(chars[(open + 1)..<close])
          i = end + 1
          continue
        }
      }
      if c == "`" {
        i += 1
        continue
      }
      if c == "*" || c == "_" {
        var run = 1
        while i + run < chars.count, chars[i + run] == c { run += 1 }
        let before: Character? = i > 0 ? chars[i - 1] : nil
        let after: Character? = i + run < chars.count ? chars[i + run] : nil
        let opens = after.map { !$0.isWhitespace } ?? false
        let closes = before.map { !$0.isWhitespace } ?? false
        let wordInside =
          (before?.isLetter ?? false || before?.isNumber ?? false)
          && (after?.isLetter ?? false || after?.isNumber ?? false)
        // Emphasis delimiters touch text on one side only; snake_case and 2*3 keep theirs.
        if run <= 3 && (opens != closes) && !wordInside {
          i += run
          continue
        }
        out += String(repeating: c, count: run)
        i += run
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }
}
