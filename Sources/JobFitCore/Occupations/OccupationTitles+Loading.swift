import Foundation

// MARK: - Loading the bundled table

extension OccupationTitles {
  /// The table's path inside JobFit's data folder.
  public static let bundledPath = "occupations/onet_titles.tsv"

  /// Reads a `code <TAB> kind <TAB> title` table (lines starting with `#` are comments).
  ///
  /// - Throws: `JobFitError.invalidDocument` naming the file and line of a malformed row.
  public static func load(from url: URL, analyzer: any TextAnalyzer) throws -> OccupationTitles {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw JobFitError.unreadable(path: url.path, reason: "cannot read the occupation table")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw JobFitError.invalidDocument(path: url.path, reason: "not UTF-8 text")
    }
    var rows: [(code: String, kind: Kind, title: String)] = []
    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3, let kind = Kind(rawValue: String(fields[1])), !fields[2].isEmpty
      else {
        throw JobFitError.invalidDocument(
          path: "\(url.path):\(n + 1)", reason: "not an occupation row (code, kind, title)")
      }
      rows.append((String(fields[0]), kind, String(fields[2])))
    }
    return try OccupationTitles(rows: rows, analyzer: analyzer)
  }

  /// The table shipped in JobFit's data folder, normalised with the English title analyzer,
  /// loaded once per process.
  ///
  /// - Throws: `JobFitError.missingDataFile` when the table cannot be found.
  public static func bundled() throws -> OccupationTitles {
    try bundledResult.get()
  }

  private static let bundledResult: Result<OccupationTitles, JobFitError> = {
    guard let url = DataDirectory.file(bundledPath) else {
      return .failure(.missingDataFile(relativePath: bundledPath))
    }
    do {
      let analyzer = try TitleChannel.analyzer(for: .default)
      return .success(try load(from: url, analyzer: analyzer))
    } catch let error as JobFitError {
      return .failure(error)
    } catch {
      return .failure(.corruptModel(path: url.path, reason: "\(error)"))
    }
  }()
}
