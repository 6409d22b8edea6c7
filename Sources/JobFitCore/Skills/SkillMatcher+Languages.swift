// MARK: - Human languages

extension SkillMatcher {
  /// Names of human languages (lower case). A skill with one of these names is matched only in a
  /// language context (`MatchContext.allowsLanguage`): the same words are nationalities and
  /// adjectives of place ("our German entities", "the French market", "Dutch customers"), which
  /// were the commonest false skill mentions left after the taxonomy's precision rules.
  static let humanLanguages: Set<String> = [
    "afrikaans", "albanian", "amharic", "arabic", "armenian", "bengali", "bulgarian", "burmese",
    "cantonese", "catalan", "chinese", "croatian", "czech", "danish", "dutch", "english",
    "estonian", "filipino", "finnish", "french", "georgian", "german", "greek", "gujarati",
    "hebrew", "hindi", "hungarian", "icelandic", "indonesian", "irish", "italian", "japanese",
    "kannada", "kazakh", "khmer", "korean", "latvian", "lithuanian", "macedonian", "malay",
    "malayalam", "maltese", "mandarin", "marathi", "mongolian", "nepali", "norwegian", "pashto",
    "persian", "farsi", "polish", "portuguese", "punjabi", "romanian", "russian", "serbian",
    "slovak", "slovenian", "somali", "spanish", "swahili", "swedish", "tagalog", "tamil",
    "telugu", "thai", "turkish", "ukrainian", "urdu", "uzbek", "vietnamese", "welsh", "yoruba",
    "zulu",
  ]
}
