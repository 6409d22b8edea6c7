import Foundation

/// The format a document arrived in.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
  case text, markdown, html, pdf, docx
  /// A JSON Resume 1.0.0 résumé.
  case jsonResume
  /// A schema.org `JobPosting` (JSON-LD) or a JSON Resume job-schema posting.
  case jobPosting
  /// One row of a JSONL or CSV collection.
  case record
}

/// A named part of a document, found by its heading.
public struct Section: Codable, Sendable, Equatable {
  /// What the heading says the section holds.
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case summary, skills, experience, education, projects, certifications, languages
    case requirements, preferred, responsibilities, benefits, about, other
  }

  public var kind: Kind
  /// The heading as written (trimmed), or "" for text before the first heading.
  public var heading: String
  /// UTF-8 byte range of the section's body in `Document.text` (heading excluded).
  public var range: Range<Int>

  public init(kind: Kind, heading: String, range: Range<Int>) {
    self.kind = kind
    self.heading = heading
    self.range = range
  }
}

/// A posting or résumé after text extraction: plain text with lines kept, plus where it came from.
///
/// `text` is what analysis, sections and explanations refer to; every offset in the engine is a
/// UTF-8 byte offset into it.
public struct Document: Codable, Sendable, Equatable {
  /// Stable identifier: the file name for files, the id field for JSONL/CSV rows.
  public var id: String
  /// The file this came from (for rows: the collection file).
  public var sourcePath: String
  public var format: DocumentFormat
  /// Extracted text, lines separated by "\n".
  public var text: String
  /// A short human title: the first heading or first non-empty line, at most 120 characters.
  public var title: String
  public var sections: [Section]
  /// Non-fatal problems found while reading (e.g. "3 invalid UTF-8 sequences replaced").
  public var warnings: [String]

  public init(
    id: String, sourcePath: String, format: DocumentFormat, text: String,
    title: String? = nil, sections: [Section] = [], warnings: [String] = []
  ) {
    self.id = id
    self.sourcePath = sourcePath
    self.format = format
    self.text = text
    self.title = title ?? Document.defaultTitle(of: text)
    self.sections = sections
    self.warnings = warnings
  }

  /// The first non-empty line, trimmed and cut to 120 characters.
  public static func defaultTitle(of text: String) -> String {
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      let stripped = trimmed.drop(while: { $0 == "#" || $0 == " " })
      if !stripped.isEmpty { return String(stripped.prefix(120)) }
    }
    return ""
  }
}
