internal import CStemmer

/// Snowball stemming through Debian's libstemmer (`libstemmer-dev`, UTF-8 encoding).
///
/// A libstemmer object keeps its working buffer inside, so one instance must not be used by two
/// threads at once. This class is therefore not `Sendable`; ``Analyzer`` keeps a pool of them and
/// lends one to each `tokens(in:)` call.
final class SnowballStemmer {
  private let handle: OpaquePointer
  let language: String

  /// A stemmer for `language`, one of ``Snowball/languages``.
  ///
  /// - Throws: `JobFitError.unsupportedLanguage` when libstemmer has no such algorithm.
  init(language: String) throws {
    // Only the canonical names: libstemmer also accepts ISO codes ("en", "deu"), but the stop
    // word files and saved configurations use names.
    guard Snowball.languages.contains(language),
      let handle = sb_stemmer_new(language, "UTF_8")
    else { throw JobFitError.unsupportedLanguage(language) }
    self.handle = handle
    self.language = language
  }

  deinit { sb_stemmer_delete(handle) }

  /// The stem of `word` (lowercase, NFC); the word itself if libstemmer fails (out of memory).
  func stem(_ word: String) -> String {
    var word = word
    return word.withUTF8 { bytes -> String? in
      guard let base = bytes.baseAddress, let size = Int32(exactly: bytes.count),
        let output = sb_stemmer_stem(handle, base, size)
      else { return nil }
      let length = Int(sb_stemmer_length(handle))
      return String(decoding: UnsafeBufferPointer(start: output, count: length), as: UTF8.self)
    } ?? word
  }
}

/// The Snowball algorithms available at run time.
public enum Snowball {
  /// The language names libstemmer reports (`sb_stemmer_list()`), e.g. `"english"`, `"german"`.
  ///
  /// Debian 12's libstemmer0d lists: arabic, armenian, basque, catalan, danish, dutch, english,
  /// finnish, french, german, greek, hindi, hungarian, indonesian, irish, italian, lithuanian,
  /// nepali, norwegian, porter (the original Porter stemmer for English), portuguese, romanian,
  /// russian, serbian, spanish, swedish, tamil, turkish, yiddish.
  public static let languages: [String] = {
    var names: [String] = []
    guard var cursor = sb_stemmer_list() else { return names }
    while let name = cursor.pointee {
      names.append(String(cString: name))
      cursor += 1
    }
    return names
  }()
}
