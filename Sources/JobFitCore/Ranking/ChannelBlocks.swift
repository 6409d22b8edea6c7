/// Lays every channel's vector side by side in one sparse row per document.
///
/// Columns `[0, V)` hold the TF-IDF row, `[V, V + S)` the **skills** block and
/// `[V + S, V + 2S)` the **resume_coverage** block (S = taxonomy size) and `[V + 2S, V + 2S + T)`
/// the **title** block (T = the title vocabulary). Query rows are scaled by the channel weights,
/// so `query · item = Σ w_c × s_c`, the blended score.
struct ChannelBlocks {
  let weights: ChannelWeights
  let vocabulary: Int
  let taxonomy: SkillTaxonomy?
  var specificity: SkillSpecificity = .uniform
  /// Columns of the title block (0 when the title channel is off).
  var titleVocabulary = 0

  var skillCount: Int { taxonomy?.skills.count ?? 0 }
  var columns: Int { vocabulary + 2 * skillCount + titleVocabulary }

  func rows(
    lexical: CSRMatrix, profiles: [SkillProfile]?, role: DocumentRole, weighted: Bool,
    titles: CSRMatrix? = nil
  ) -> CSRMatrix {
    var pointers = [0]
    var indices: [Int32] = []
    var values: [Float] = []
    pointers.reserveCapacity(lexical.rows + 1)
    indices.reserveCapacity(lexical.nonzeroCount)
    values.reserveCapacity(lexical.nonzeroCount)
    let wLexical = weighted ? weights[.lexical] : 1
    let wSkills = weighted ? weights[.skills] : 1
    let wReverse = weighted ? weights[.resumeCoverage] : 1
    let wTitle = weighted ? weights[.title] : 1
    let titleOffset = Int32(vocabulary + 2 * skillCount)
    for r in 0..<lexical.rows {
      if wLexical > 0 {
        lexical.withRow(r) { cols, vals in
          for k in 0..<cols.count {
            indices.append(cols[k])
            values.append(vals[k] * Float(wLexical))
          }
        }
      }
      if let taxonomy, let profile = profiles?[r] {
        let (skillsSide, reverseSide) =
          role == .posting
          ? (SkillsChannel.postingCoverageVector(profile, taxonomy: taxonomy, specificity: specificity),
             SkillsChannel.postingCreditVector(profile, taxonomy: taxonomy))
          : (SkillsChannel.resumeCreditVector(profile, taxonomy: taxonomy),
             SkillsChannel.resumeShareVector(profile, taxonomy: taxonomy, specificity: specificity))
        if wSkills > 0 {
          for (s, v) in skillsSide {
            indices.append(Int32(vocabulary + s))
            values.append(Float(v * wSkills))
          }
        }
        if wReverse > 0 {
          for (s, v) in reverseSide {
            indices.append(Int32(vocabulary + skillCount + s))
            values.append(Float(v * wReverse))
          }
        }
      }
      if let titles, wTitle > 0 {
        titles.withRow(r) { cols, vals in
          for k in 0..<cols.count {
            indices.append(titleOffset + cols[k])
            values.append(vals[k] * Float(wTitle))
          }
        }
      }
      pointers.append(indices.count)
    }
    return CSRMatrix(
      rows: lexical.rows, columns: columns, rowPointers: pointers, columnIndices: indices,
      values: values)
  }
}
