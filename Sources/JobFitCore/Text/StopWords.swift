import Foundation

/// Which stop words an analyzer removes.
///
/// English is compiled in, so the default analyzer needs no data files. Other languages are read
/// from `data/stopwords/<language>.txt` (one word per line; `#` starts a comment line), found
/// through ``DataDirectory``. Lists are normalised like text (``Normalizer/normalize(_:)``) when
/// loaded. The lists come from the PyPI package `stopwords` 1.0.2 (ISC licence); see
/// `data/stopwords/README.md`.
public enum StopWords: Sendable, Hashable, Codable {
  /// Remove nothing.
  case none
  /// The compiled-in English list (174 function words; `it`, `a`, `can't`, …, but not `c`, `r`, `go`).
  case english
  /// The list in `data/stopwords/<language>.txt`, e.g. `.language("german")`.
  case language(String)
  /// An explicit list.
  case custom([String])

  /// The raw words of the list, as written in its source.
  ///
  /// - Throws: `JobFitError.missingDataFile` naming the expected file when a `.language` list is
  ///   missing (no data folder, or no list for that language), `JobFitError.unreadable` when the
  ///   file cannot be decoded as UTF-8.
  public func words() throws -> [String] {
    switch self {
    case .none: return []
    case .english: return Self.englishWords
    case let .custom(words): return words
    case let .language(language):
      let relative = "stopwords/\(language).txt"
      guard !language.contains("/"), let url = DataDirectory.file(relative) else {
        throw JobFitError.missingDataFile(relativePath: relative)
      }
      let text: String
      do {
        text = try String(contentsOf: url, encoding: .utf8)
      } catch {
        throw JobFitError.unreadable(path: url.path, reason: "not a UTF-8 stop word list")
      }
      return Self.parse(text)
    }
  }

  /// The entries of a stop word file: trimmed lines, without empty and `#` comment lines.
  static func parse(_ text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).compactMap { line in
      let word = line.trimmingCharacters(in: .whitespaces)
      return word.isEmpty || word.hasPrefix("#") ? nil : word
    }
  }

  /// The default list for a Snowball language: English compiled in, a shipped file when there is
  /// one, otherwise none.
  static func defaultList(for language: String) -> StopWords {
    if language == "english" || language == "porter" { return .english }
    return shippedLanguages.contains(language) ? .language(language) : .none
  }
}
