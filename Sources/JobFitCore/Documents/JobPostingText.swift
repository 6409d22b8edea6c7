import Foundation

/// Renders job postings in JSON as sectioned text: schema.org `JobPosting` (JSON-LD) and the
/// JSON Resume job schema (https://github.com/jsonresume/job-schema).
///
/// Layout: the title line, a company/location line, type/salary/date lines, the description,
/// then "Responsibilities", "Requirements" (qualifications, experience and education
/// requirements), "Preferred", "Skills" and "Benefits". HTML in any text field is stripped with
/// `HTMLText`; plain text keeps its lines.
enum JobPostingText {
  /// Whether `object` is a schema.org JobPosting (`@type` is or contains "JobPosting").
  static func isSchemaOrg(_ object: [String: Any]) -> Bool {
    JSONValues.array(object["@type"]).contains { ($0 as? String) == "JobPosting" }
  }

  /// Whether `object` follows the JSON Resume job schema: a `title` plus a posting field.
  static func isJobSchema(_ object: [String: Any]) -> Bool {
    guard object["@type"] == nil, JSONValues.string(object["title"]) != nil else { return false }
    return ["company", "description", "responsibilities", "qualifications", "skills"]
      .contains { object[$0] != nil }
  }

  /// The text and title of a posting in either schema.
  static func render(_ posting: [String: Any]) -> (text: String, title: String?) {
    typealias J = JSONValues
    let title = J.string(posting["title"]) ?? J.string(posting["name"])
    var out = RenderedLines()
    out.add(title)
    let company =
      J.string(J.object(posting["hiringOrganization"])?["name"])
      ?? J.string(posting["hiringOrganization"]) ?? J.string(posting["company"])
    out.add(J.join([company, location(posting)], " — "))
    if let type = J.strings(posting["employmentType"]).first ?? J.string(posting["type"]) {
      out.add("Employment type: " + type)
    }
    if let remote = J.string(posting["remote"]) ?? J.string(posting["jobLocationType"]) {
      out.add("Remote: " + remote)
    }
    if let salary = salary(posting) { out.add("Salary: " + salary) }
    if let date = J.string(posting["datePosted"]) ?? J.string(posting["date"]) {
      out.add("Posted: " + date)
    }
    if let experience = J.string(posting["experience"]) { out.add("Experience: " + experience) }
    if let description = J.string(posting["description"]) {
      out.blank()
      out.add(plain(description))
    }
    out.section("Responsibilities", list(posting["responsibilities"]))
    var requirements = list(posting["qualifications"])
    for key in ["experienceRequirements", "educationRequirements"] {
      if let object = J.object(posting[key]) {
        let months = J.string(object["monthsOfExperience"]).map { "\($0) months of experience" }
        requirements.add(
          J.string(object["description"]) ?? J.string(object["credentialCategory"]) ?? months)
      } else {
        requirements.append(list(posting[key]))
      }
    }
    out.section("Requirements", requirements)
    out.section("Preferred", list(posting["preferredQualifications"] ?? posting["preferred"]))
    var skills = RenderedLines()
    for skill in J.array(posting["skills"]) {
      if let object = J.object(skill) {
        skills.add(
          JSONResumeText.keywordLine(
            J.string(object["name"]), J.string(object["level"]), J.strings(object["keywords"])))
      } else if let name = J.string(skill) {
        skills.add(plain(name))
      }
    }
    out.section("Skills", skills)
    out.section("Benefits", list(posting["jobBenefits"] ?? posting["benefits"]))
    return (out.text, title)
  }

  /// Lines for a field that is a string (HTML or text) or an array of strings (as bullets).
  static func list(_ value: Any?) -> RenderedLines {
    var lines = RenderedLines()
    if let text = JSONValues.string(value) {
      lines.add(plain(text))
    } else {
      lines.bullets(
        JSONValues.strings(value).map { plain($0).replacingOccurrences(of: "\n", with: " ") })
    }
    return lines
  }

  /// `text` with HTML removed when it contains tags.
  static func plain(_ text: String) -> String {
    let looksHTML = text.contains("<") && (text.contains(">") || text.contains("/>"))
    return looksHTML ? HTMLText.extract(text).text : text
  }

  static func location(_ posting: [String: Any]) -> String? {
    typealias J = JSONValues
    if let text = J.string(posting["location"]) { return text }
    if let object = J.object(posting["location"]) {  // job schema
      return J.join([
        J.string(object["city"]), J.string(object["region"]), J.string(object["countryCode"]),
      ])
    }
    let places = J.array(posting["jobLocation"]).compactMap { place -> String? in
      guard let address = J.object(J.object(place)?["address"]) else { return J.string(place) }
      return J.join([
        J.string(address["addressLocality"]), J.string(address["addressRegion"]),
        J.string(address["addressCountry"])
          ?? J.string(J.object(address["addressCountry"])?["name"]),
      ])
    }.filter { !$0.isEmpty }
    return places.isEmpty ? nil : places.joined(separator: "; ")
  }

  /// "USD 100000–150000 per YEAR" from `baseSalary`, or the job schema's `salary` string.
  static func salary(_ posting: [String: Any]) -> String? {
    typealias J = JSONValues
    if let text = J.string(posting["salary"]) { return text }
    guard let base = J.object(posting["baseSalary"]) else { return J.string(posting["baseSalary"]) }
    let value = J.object(base["value"])
    let amount =
      J.string(base["value"])
      ?? J.join([J.string(value?["minValue"]), J.string(value?["maxValue"])], "–").nonEmpty
      ?? J.string(value?["value"])
    let unit = J.string(value?["unitText"]).map { "per " + $0 }
    return J.join([J.string(base["currency"]), amount, unit], " ").nonEmpty
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
