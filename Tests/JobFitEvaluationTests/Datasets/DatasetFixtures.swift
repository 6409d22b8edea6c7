import Foundation
import JobFitCore
import JobFitEvaluation
import JobFitTestSupport
import Testing

/// The synthetic dataset folders in Tests/JobFitEvaluationTests/Fixtures/datasets: the real
/// file and column names, invented rows small enough to check every gain by hand.
enum DatasetFixtures {
  static let root = Repository.root.appendingPathComponent(
    "Tests/JobFitEvaluationTests/Fixtures/datasets", isDirectory: true)

  static let data = EvaluationData(root: root)

  /// A fresh empty folder to write broken datasets into.
  static func temporaryRoot() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "jobfit-datasets-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `text` to `dataset/file` under `root`.
  static func write(_ text: String, _ dataset: String, _ file: String, in root: URL) throws {
    let folder = root.appendingPathComponent(dataset, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: folder.appendingPathComponent(file))
  }
}

/// Checks the invariants every task must hold, whatever its dataset.
///
/// Query and item ids are unique; every gain is ≥ 0 and names a known query and item; pools
/// name known items and hold every judged item of their query; groups and split keys name
/// known queries.
func expectWellFormed(_ task: EvaluationTask, sourceLocation: SourceLocation = #_sourceLocation) {
  let queryIDs = task.queries.map(\.id)
  let itemIDs = task.items.map(\.id)
  #expect(
    Set(queryIDs).count == queryIDs.count, "duplicate query ids", sourceLocation: sourceLocation)
  #expect(Set(itemIDs).count == itemIDs.count, "duplicate item ids", sourceLocation: sourceLocation)
  let queries = Set(queryIDs)
  let items = Set(itemIDs)
  for (query, row) in task.gains {
    #expect(
      queries.contains(query), "gain for unknown query \(query)", sourceLocation: sourceLocation)
    for (item, gain) in row {
      #expect(items.contains(item), "gain for unknown item \(item)", sourceLocation: sourceLocation)
      #expect(gain >= 0, sourceLocation: sourceLocation)
    }
  }
  if let pools = task.pools {
    for query in queryIDs {
      let pool = pools[query] ?? []
      #expect(!pool.isEmpty, "empty pool for \(query)", sourceLocation: sourceLocation)
      #expect(Set(pool).isSubset(of: items), sourceLocation: sourceLocation)
      #expect(
        Set((task.gains[query] ?? [:]).keys).isSubset(of: Set(pool)), sourceLocation: sourceLocation
      )
    }
  }
  #expect(Set(task.groups.keys).isSubset(of: queries), sourceLocation: sourceLocation)
  #expect(Set(task.splitKeys.keys).isSubset(of: queries), sourceLocation: sourceLocation)
  #expect(!task.notes.isEmpty, sourceLocation: sourceLocation)
}
