import Testing

@testable import JobFitCore

@Suite("HTMLText and MarkdownText")
struct HTMLTextTests {
  @Test("Tags, scripts, styles and comments go; blocks become lines; li becomes a bullet")
  func structure() {
    let html = """
      <!DOCTYPE html><html><head><title>Backend Engineer | Acme</title>
      <style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
      <body><!-- hidden <p>comment</p> --><h1>Backend   Engineer</h1>
      <p>We build <b>payment</b>
      systems.</p><h2>Requirements</h2><ul><li>Go &amp; Rust</li><li>5+ years</li></ul>
      <table><tr><td>Salary</td><td>100k</td></tr></table>line<br>break</body></html>
      """
    let extracted = HTMLText.extract(html)
    #expect(extracted.title == "Backend Engineer")
    #expect(
      extracted.text == """
        Backend Engineer
        We build payment systems.
        Requirements
        • Go & Rust
        • 5+ years
        Salary 100k
        line
        break
        """)
  }

  @Test("The <title> is the title when there is no h1")
  func titleFallback() {
    #expect(HTMLText.extract("<title> Data &amp; ML </title><p>x</p>").title == "Data & ML")
  }

  @Test("Entities: named, decimal, hex, without semicolon, invalid and unknown")
  func entities() {
    let text = HTMLText.extract(
      "<p>&lt;a&gt; &quot;q&quot; &#233;&#xE9; &#65 caf&eacute; &mdash; &#0; &bogus; AT&T</p>"
    ).text
    #expect(text == "<a> \"q\" éé A café — \u{FFFD} &bogus; AT&T")
  }

  @Test("Malformed HTML never fails: unclosed tags, stray '<', a truncated tag")
  func malformed() {
    #expect(HTMLText.extract("<p>one<div>two<p>3 < 4").text == "one\ntwo\n3 < 4")
    #expect(HTMLText.extract("<p>kept</p><div class=\"unterminated").text == "kept")
    #expect(HTMLText.extract("<script>never closed").text == "")
    #expect(HTMLText.extract(String(repeating: "<div>", count: 10_000) + "deep").text == "deep")
  }

  @Test("No-break spaces collapse with other whitespace")
  func nbsp() {
    #expect(HTMLText.extract("<p>a&nbsp;&nbsp; b\u{00A0}c</p>").text == "a b c")
  }

  @Test("Markdown: emphasis, links, code and list markers go; headings and lines stay")
  func markdown() {
    let markdown = """
      # Jane Doe
      **Senior** _backend_ engineer, see [my site](https://example.com) and ![logo](l.png).

      ## Skills
      * `Go`, C++, snake_case_name, 2*3*4
      - *Rust*
      > quoted
      ```
      code
      ```
      """
    #expect(
      MarkdownText.extract(markdown) == """
        # Jane Doe
        Senior backend engineer, see my site and logo.

        ## Skills
        • Go, C++, snake_case_name, 2*3*4
        • Rust
        quoted

        code

        """)
  }

  @Test("Pathological Markdown keeps every character: unmatched brackets and stars")
  func pathologicalMarkdown() {
    let brackets = String(repeating: "[", count: 20_000) + "](x"
    #expect(MarkdownText.extract(brackets) == brackets)
    #expect(MarkdownText.extract("2 * 3 * 4 = 24") == "2 * 3 * 4 = 24")
  }
}
