/// Extracts readable text from HTML: tags removed, lines kept where the page breaks blocks.
///
/// A forgiving single pass over UTF-8 bytes, not a DOM: unclosed tags, stray `<` and truncated
/// input never fail, they just end up as text or are dropped. Rules:
/// - `script`, `style`, `noscript`, `template`, `svg`, `iframe` bodies and comments are dropped;
/// - block elements (`p`, `div`, `li`, `br`, `h1`–`h6`, `tr`, `section`, …) start a new line,
///   `li` starts it with "• ", table cells are separated by a space; line breaks in the source
///   are plain whitespace;
/// - entities are decoded (common named ones, `&#NN;`, `&#xHH;`);
/// - whitespace inside a line collapses to one space, lines are trimmed and empty lines dropped.
/// The title is the first `h1`, else the `<title>`.
enum HTMLText {
  struct Extracted {
    var text: String
    var title: String?
  }

  static let droppedElements: Set<String> = [
    "script", "style", "noscript", "template", "svg", "iframe", "object",
  ]
  static let blockElements: Set<String> = [
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd",
    "tr", "table", "thead", "tbody", "tfoot", "section", "article", "header", "footer", "main",
    "nav", "aside", "blockquote", "pre", "form", "fieldset", "figure", "figcaption", "address",
    "details", "summary", "body", "html", "caption", "center",
  ]

  /// Extracts the text and title of `html`.
  ///
  /// - Complexity: O(*n*) in the length of `html`.
  static func extract(_ html: String) -> Extracted {
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count / 2)
    var i = 0
    var titleStart: Int?
    var titleText: String?
    var h1Start: Int?
    var h1Text: String?
    while i < bytes.count {
      let byte = bytes[i]
      if byte == UInt8(ascii: "&") {
        i = decodeEntity(bytes, at: i, into: &out)
        continue
      }
      guard byte == UInt8(ascii: "<"), i + 1 < bytes.count else {
        // Source line breaks are just whitespace in HTML; only elements break lines.
        out.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
        i += 1
        continue
      }
      if hasPrefix(bytes, at: i, "<!--") {
        i = find(bytes, "-->", from: i + 4).map { $0 + 3 } ?? bytes.count
        continue
      }
      guard let tag = parseTag(bytes, at: i) else {  // "<" that starts no tag: keep it
        out.append(byte)
        i += 1
        continue
      }
      i = tag.end
      let name = tag.name
      if tag.isClosing {
        if name == "title", let start = titleStart, titleText == nil {
          titleText = collapsed(out[start...])
          out.removeSubrange(start...)
          titleStart = nil
        } else if name == "h1", let start = h1Start, h1Text == nil {
          h1Text = collapsed(out[start...])
          h1Start = nil
        }
        if blockElements.contains(name) || name == "li" || name == "title" { out.append(0x0A) }
        if name == "td" || name == "th" { out.append(0x20) }
        continue
      }
      if droppedElements.contains(name) && !tag.selfClosing {
        i =
          find(bytes, "</" + name, from: i, caseInsensitive: true).map { closing in
            find(bytes, ">", from: closing).map { $0 + 1 } ?? bytes.count
          } ?? bytes.count
        continue
      }
      switch name {
      case "li": out.append(contentsOf: Array("\n• ".utf8))
      case "td", "th": out.append(0x20)
      case "title": titleStart = out.count
      case "h1":
        out.append(0x0A)
        if h1Text == nil { h1Start = out.count }
      default: if blockElements.contains(name) { out.append(0x0A) }
      }
    }
    let text = tidyLines(String(decoding: out, as: UTF8.self))
    let title = [h1Text, titleText].compactMap { $0 }.first { !$0.isEmpty }
    return Extracted(text: text, title: title.map { String($0.prefix(120)) })
  }

  /// Collapses whitespace inside each line, trims lines and drops empty ones.
  static func tidyLines(_ text: String) -> String {
    text.split(separator: "\n").map { collapsed($0.utf8) }.filter { !$0.isEmpty }
      .joined(separator: "\n")
  }

  /// The text of `bytes` with runs of whitespace (including no-break spaces) as one space, trimmed.
  static func collapsed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    var out: [UInt8] = []
    var pendingSpace = false
    var previous: UInt8 = 0
    for byte in bytes {
      // U+00A0 is C2 A0 in UTF-8: the C2 is held back until we see what follows it.
      if previous == 0xC2 {
        previous = 0
        if byte == 0xA0 {
          pendingSpace = true
          continue
        }
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(0xC2)
      }
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: pendingSpace = true
      case 0xC2: previous = 0xC2
      default:
        if pendingSpace && !out.isEmpty { out.append(0x20) }
        pendingSpace = false
        out.append(byte)
      }
    }
    if previous == 0xC2 { out.append(0xC2) }
    return String(decoding: out, as: UTF8.self)
  }

  // MARK: - Tags

  struct Tag {
    var name: String
    var isClosing: Bool
    var selfClosing: Bool
    /// Index just past the closing `>`.
    var end: Int
  }

  /// Parses the tag starting at `bytes[start] == "<"`, or returns nil when no tag starts there.
  ///
  /// `<!DOCTYPE …>` and `<?…?>` come back as a tag named "!" so they are skipped. A tag without
  /// its `>` swallows the rest of the input, as browsers do.
  static func parseTag(_ bytes: [UInt8], at start: Int) -> Tag? {
    var i = start + 1
    let isClosing = bytes[i] == UInt8(ascii: "/")
    if isClosing { i += 1 }
    guard i < bytes.count else { return nil }
    if bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") {
      let end = find(bytes, ">", from: i).map { $0 + 1 } ?? bytes.count
      return Tag(name: "!", isClosing: false, selfClosing: true, end: end)
    }
    guard isLetter(bytes[i]) else { return nil }
    var nameBytes: [UInt8] = []
    while i < bytes.count,
      isLetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39)
        || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ":")
    {
      nameBytes.append(bytes[i] | 0x20)
      i += 1
    }
    var quote: UInt8?
    var previous: UInt8 = 0
    while i < bytes.count {
      let byte = bytes[i]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        let name = String(decoding: nameBytes, as: UTF8.self)
        let selfClosing = previous == UInt8(ascii: "/")
        return Tag(name: name, isClosing: isClosing, selfClosing: selfClosing, end: i + 1)
      }
      previous = byte
      i += 1
    }
    return Tag(name: "!", isClosing: false, selfClosing: true, end: bytes.count)
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
    var i = index
    for byte in prefix.utf8 {
      guard i < bytes.count, bytes[i] == byte else { return false }
      i += 1
    }
    return true
  }

  /// The index of the first occurrence of `needle` at or after `from` (ASCII case folded when asked).
  static func find(
    _ bytes: [UInt8], _ needle: String, from: Int, caseInsensitive: Bool = false
  ) -> Int? {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first, from < bytes.count else { return nil }
    var i = from
    let fold: (UInt8) -> UInt8 = { caseInsensitive && isLetter($0) ? $0 | 0x20 : $0 }
    while i + pattern.count <= bytes.count {
      if fold(bytes[i]) == fold(first) {
        var matched = true
        for k in 1..<pattern.count where fold(bytes[i + k]) != fold(pattern[k]) {
          matched = false
          break
        }
        if matched { return i }
      }
      i += 1
    }
    return nil
  }
}
