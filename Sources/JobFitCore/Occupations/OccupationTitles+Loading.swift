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
    guard String(validating: data, as: UTF8.self) != nil else {
      throw JobFitError.invalidDocument(path: url.path, reason: "not UTF-8 text")
    }
    // Parsed on bytes: Character-level splitting of 70,000 lines cost a tenth of a `rank` run.
    var rows: [(code: String, kind: Kind, title: String)] = []
    rows.reserveCapacity(data.count / 40)
    let kinds: [String: Kind] = [
      "occupation": .occupation, "alternate": .alternate, "reported": .reported,
    ]
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      var line = 0
      while start < bytes.count {
        line += 1
        var next = start
        while next < bytes.count, bytes[next] != 0x0A { next += 1 }
        defer { start = next + 1 }
        // A CRLF copy of the table reads the same.
        let end = next > start && bytes[next - 1] == 0x0D ? next - 1 : next
        if end == start || bytes[start] == UInt8(ascii: "#") { continue }
        var tabs: [Int] = []
        for i in start..<end where bytes[i] == 0x09 { tabs.append(i) }
        func field(_ a: Int, _ b: Int) -> String {
          String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        guard tabs.count == 2, tabs[1] + 1 < end,
          let kind = kinds[field(tabs[0] + 1, tabs[1])]
        else {
          throw JobFitError.invalidDocument(
            path: "\(url.path):\(line)", reason: "not an occupation row (code, kind, title)")
        }
        rows.append((field(start, tabs[0]), kind, field(tabs[1] + 1, end)))
      }
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
