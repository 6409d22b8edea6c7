/// Renders a JSON Resume 1.0.0 object (https://jsonresume.org/schema) as sectioned text.
///
/// Contact details (email, phone, URLs, profiles) are left out: they carry no skills and are
/// personal data. One line per item, for example "Senior Engineer, Acme (2019-03 – 2023-06)",
/// highlights as "• " lines, skills as "Name: kw1, kw2".
enum JSONResumeText {
  static let sectionKeys: Set<String> = [
    "work", "volunteer", "education", "awards", "certificates", "publications", "skills",
    "languages", "interests", "references", "projects",
  ]

  /// Whether `object` looks like a JSON Resume: a `basics` object, a jsonresume `$schema`, or
  /// two or more of its section arrays.
  static func matches(_ object: [String: Any]) -> Bool {
    if object["@type"] != nil { return false }
    if object["basics"] is [String: Any] { return true }
    if let schema = object["$schema"] as? String, schema.lowercased().contains("jsonresume") {
      return true
    }
    return object.keys.filter { sectionKeys.contains($0) && object[$0] is [Any] }.count >= 2
  }

  /// The text and title (the person's name, else their label) of a JSON Resume.
  static func render(_ resume: [String: Any]) -> (text: String, title: String?) {
    typealias J = JSONValues
    let basics = J.object(resume["basics"]) ?? [:]
    var out = RenderedLines()
    out.add(J.string(basics["name"]))
    out.add(J.string(basics["label"]))
    if let location = J.object(basics["location"]) {
      out.add(
        J.join([
          J.string(location["city"]), J.string(location["region"]),
          J.string(location["countryCode"]),
        ]))
    }
    var summary = RenderedLines()
    summary.add(J.string(basics["summary"]))
    out.section("Summary", summary)

    out.section(
      "Experience",
      items(resume["work"]) { job, lines in
        let employer = J.string(job["name"]) ?? J.string(job["company"])
        lines.add(
          J.join(
            [
              J.join([J.string(job["position"]), employer]),
              J.dateRange(job["startDate"], job["endDate"]),
            ], " "))
        lines.add(J.string(job["summary"]) ?? J.string(job["description"]))
        lines.bullets(J.strings(job["highlights"]))
      })
    out.section(
      "Volunteering",
      items(resume["volunteer"]) { job, lines in
        lines.add(
          J.join(
            [
              J.join([J.string(job["position"]), J.string(job["organization"])]),
              J.dateRange(job["startDate"], job["endDate"]),
            ], " "))
        lines.add(J.string(job["summary"]))
        lines.bullets(J.strings(job["highlights"]))
      })
    out.section(
      "Education",
      items(resume["education"]) { school, lines in
        let degree = J.join([J.string(school["studyType"]), J.string(school["area"])], " in ")
        lines.add(
          J.join(
            [
              J.join([degree, J.string(school["institution"])]),
              J.dateRange(school["startDate"], school["endDate"]),
            ], " "))
        let courses = J.strings(school["courses"])
        if !courses.isEmpty { lines.add("Courses: " + courses.joined(separator: ", ")) }
      })
    out.section(
      "Skills",
      items(resume["skills"]) { skill, lines in
        lines.add(
          keywordLine(
            J.string(skill["name"]), J.string(skill["level"]), J.strings(skill["keywords"])))
      })
    out.section(
      "Projects",
      items(resume["projects"]) { project, lines in
        lines.add(
          J.join(
            [J.string(project["name"]), J.dateRange(project["startDate"], project["endDate"])], " ")
        )
        lines.add(J.string(project["description"]))
        lines.bullets(J.strings(project["highlights"]))
        let keywords = J.strings(project["keywords"])
        if !keywords.isEmpty { lines.add("Keywords: " + keywords.joined(separator: ", ")) }
      })
    out.section(
      "Certifications",
      items(resume["certificates"]) { cert, lines in
        lines.add(
          J.join(
            [
              J.join([J.string(cert["name"]), J.string(cert["issuer"])]),
              J.string(cert["date"]).map { "(\($0))" },
            ], " "))
      })
    out.section(
      "Awards",
      items(resume["awards"]) { award, lines in
        lines.add(
          J.join(
            [
              J.join([J.string(award["title"]), J.string(award["awarder"])]),
              J.string(award["date"]).map { "(\($0))" },
            ], " "))
        lines.add(J.string(award["summary"]))
      })
    out.section(
      "Publications",
      items(resume["publications"]) { paper, lines in
        lines.add(J.join([J.string(paper["name"]), J.string(paper["publisher"])]))
        lines.add(J.string(paper["summary"]))
      })
    out.section(
      "Languages",
      items(resume["languages"]) { language, lines in
        lines.add(J.join([J.string(language["language"]), J.string(language["fluency"])], ": "))
      })
    out.section(
      "Interests",
      items(resume["interests"]) { interest, lines in
        lines.add(keywordLine(J.string(interest["name"]), nil, J.strings(interest["keywords"])))
      })
    let title = J.string(basics["name"]) ?? J.string(basics["label"])
    return (out.text, title)
  }

  /// "Name (level): kw1, kw2", leaving out what is missing.
  static func keywordLine(_ name: String?, _ level: String?, _ keywords: [String]) -> String {
    let head = JSONValues.join([name, level.map { "(\($0))" }], " ")
    if keywords.isEmpty { return head }
    return head.isEmpty
      ? keywords.joined(separator: ", ") : head + ": " + keywords.joined(separator: ", ")
  }

  /// Renders each object of the array `value` with `render`.
  static func items(_ value: Any?, _ render: ([String: Any], inout RenderedLines) -> Void)
    -> RenderedLines
  {
    var lines = RenderedLines()
    for case let item as [String: Any] in JSONValues.array(value) { render(item, &lines) }
    return lines
  }
}
