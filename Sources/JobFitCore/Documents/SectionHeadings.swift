import Foundation

/// The English heading names JobFit knows, mapped to the kind of section they open.
///
/// Headings are compared after `SectionHeadings.normalize`: lower case, curly quotes straight,
/// "&" as "and", hyphens and slashes as spaces, decoration and a trailing colon removed, and
/// filler words ("actually", "the", "our", "key", "main") dropped, so "What You’ll Actually Do:"
/// matches "what you'll do".
enum SectionHeadings {
  static let names: [Section.Kind: [String]] = [
    .summary: [
      "summary", "professional summary", "career summary", "executive summary", "profile",
      "professional profile", "personal profile", "about me", "objective", "career objective",
      "personal statement", "introduction",
    ],
    .skills: [
      "skills", "technical skills", "core competencies", "competencies", "tech stack",
      "technology stack", "technologies", "tools", "skills and tools", "tools and technologies",
      "key skills", "technical proficiencies", "areas of expertise", "expertise",
      "skills and abilities", "skills and expertise", "skill set", "skillset", "stack",
    ],
    .experience: [
      "experience", "work experience", "employment history", "professional experience",
      "work history", "employment", "relevant experience", "career history",
      "professional background", "experience and employment",
    ],
    .education: [
      "education", "academic background", "education and training", "academic qualifications",
      "education and certifications", "studies",
    ],
    .projects: [
      "projects", "personal projects", "selected projects", "side projects", "open source",
      "portfolio",
    ],
    .certifications: [
      "certifications", "certificates", "certification", "licenses", "licenses and certifications",
      "certifications and licenses", "accreditations", "licences",
    ],
    .languages: ["languages", "language skills", "spoken languages", "language"],
    .requirements: [
      "requirements", "minimum qualifications", "basic qualifications", "must haves", "must have",
      "what you need", "what you'll need", "what you will need", "what we're looking for",
      "what we are looking for", "qualifications", "required qualifications", "required skills",
      "requirements and qualifications", "who you are", "you have", "about you", "your profile",
      "job requirements", "required", "what you bring", "what you'll bring", "you'll bring",
      "qualification", "required experience", "your skills", "skills and qualifications",
      "skills and experience", "what you need to succeed",
    ],
    .preferred: [
      "preferred", "preferred qualifications", "nice to have", "nice to haves", "bonus",
      "bonus points", "pluses", "preferred skills", "desired qualifications", "desired skills",
      "it's a plus", "extra credit", "additional qualifications", "preferred experience",
      "bonus points if you have", "desirable", "plus",
    ],
    .responsibilities: [
      "responsibilities", "what you'll do", "what you will do", "duties", "role", "job duties",
      "your responsibilities", "job responsibilities", "what you'll be doing", "day to day",
      "a day in life", "your role", "about role", "in this role you will", "in this role",
      "your mission", "mission", "what you will be doing", "role and responsibilities",
      "roles and responsibilities", "the job",
    ],
    .benefits: [
      "benefits", "perks", "what we offer", "perks and benefits", "benefits and perks",
      "compensation and benefits", "why join us", "what's in it for you", "we offer",
      "compensation", "salary and benefits", "why you'll love working here", "why work with us",
    ],
    .about: [
      "about us", "about company", "about", "who we are", "company overview", "our company",
      "about team", "team", "company", "team introduction", "company description",
    ],
  ]

  static let fillerWords: Set<String> = ["actually", "the", "our", "key", "main", "really"]

  /// Normalised heading text → kind.
  static let table: [String: Section.Kind] = {
    var table: [String: Section.Kind] = [:]
    for (kind, list) in names {
      for name in list { table[normalize(name)] = kind }
    }
    return table
  }()

  /// The kind of section a heading opens, or nil when the name is not in the table.
  static func kind(of heading: String) -> Section.Kind? { table[normalize(heading)] }

  /// The comparable form of a heading (see the type's discussion), built byte by byte: headings
  /// are checked on many lines of every document, so this avoids Foundation string calls.
  static func normalize(_ heading: String) -> String {
    var words: [[UInt8]] = []
    var word: [UInt8] = []
    func endWord() {
      if !word.isEmpty {
        words.append(word)
        word.removeAll(keepingCapacity: true)
      }
    }
    let bytes = Array(heading.utf8)
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte >= 0x41 && byte <= 0x5A {
        word.append(byte | 0x20)
      } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27 {
        word.append(byte)
      } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80,
        bytes[i + 2] == 0x98 || bytes[i + 2] == 0x99
      {
        word.append(0x27)  // ‘ ’ → '
        i += 2
      } else if byte >= 0x80 {
        word.append(byte)  // other scalars are kept as they are (the table is English)
      } else {
        endWord()
        if byte == UInt8(ascii: "&") { words.append(Array("and".utf8)) }
      }
      i += 1
    }
    endWord()
    // "2. Experience" numbers its heading; the number is not the name.
    let named = words.drop(while: { $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
    let kept = named.filter { !fillerWords.contains(String(decoding: $0, as: UTF8.self)) }
    return kept.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
  }
}
