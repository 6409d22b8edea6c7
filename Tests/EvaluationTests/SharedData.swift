import Foundation
import JobFitTestSupport
import Testing

/// The evaluation data beside the clone (`../shared/data` from the repository root), or the
/// folder named by `JOBFIT_SHARED_DATA`. Tests that need it are disabled, with `reason`, when
/// it is absent; they never pass silently.
enum SharedData {
  static let reason: Comment = "needs ../shared/data (evaluation data)"

  static let folder: URL = {
    if let path = ProcessInfo.processInfo.environment["JOBFIT_SHARED_DATA"], !path.isEmpty {
      return URL(fileURLWithPath: path, isDirectory: true)
    }
    return Repository.root.deletingLastPathComponent()
      .appendingPathComponent("shared/data", isDirectory: true)
  }()

  static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

  static func exists(_ relative: String) -> Bool {
    FileManager.default.fileExists(atPath: url(relative).path)
  }
}
