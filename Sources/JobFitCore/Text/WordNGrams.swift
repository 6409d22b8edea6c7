/// Word n-grams over an analysed token stream, like sklearn's `_word_ngrams`.
///
/// Built from the tokens that survived stop-word removal (sklearn's order), so n-grams can skip
/// over removed words. An n-gram's term is its words' terms joined by one space
/// (`"machine learning"`), its offsets span from the first word's start to the last word's end,
/// and its position is the first word's. Output is ordered by start offset: each token, then the
/// longer n-grams starting at it.
enum WordNGrams {
  /// The n-grams of `tokens` for every length in `range` (a length of 1 keeps the tokens).
  ///
  /// - Complexity: O(*t* × *n*²) for *t* tokens and lengths up to *n*.
  static func apply(_ range: ClosedRange<Int>, to tokens: [Token]) -> [Token] {
    var result: [Token] = []
    result.reserveCapacity(tokens.count * range.count)
    for first in tokens.indices {
      for length in range where first + length <= tokens.count {
        let last = tokens[first + length - 1]
        let term =
          length == 1
          ? tokens[first].term
          : tokens[first..<(first + length)].lazy.map(\.term).joined(separator: " ")
        result.append(
          Token(term: term, start: tokens[first].start, end: last.end, position: tokens[first].position))
      }
    }
    return result
  }
}
