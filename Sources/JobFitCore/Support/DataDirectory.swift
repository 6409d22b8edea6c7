import Foundation

/// Finds JobFit's data folder (stop word lists, skill taxonomy) at run time.
///
/// Looked up in order: the `JOBFIT_DATA` environment variable; `share/jobfit` next to the
/// executable's folder (an installed layout: `bin/jobfit` + `share/jobfit/`); `jobfit-data/` beside
/// the executable; and the `data/` folder of the source tree this binary was built from. The first
/// folder that exists wins. Everything the engine needs by default (English stop words) is compiled
/// in, so a missing data folder only limits optional features, with a clear error.
public enum DataDirectory {
  /// The data folder, or `nil` when none of the candidates exists.
  public static let url: URL? = candidates().first { isDirectory($0) }

  /// The file at `relativePath` inside the data folder, if it exists.
  public static func file(_ relativePath: String) -> URL? {
    guard let url else { return nil }
    let file = url.appendingPathComponent(relativePath)
    return FileManager.default.fileExists(atPath: file.path) ? file : nil
  }

  static func candidates() -> [URL] {
    var result: [URL] = []
    if let env = ProcessInfo.processInfo.environment["JOBFIT_DATA"], !env.isEmpty {
      result.append(URL(fileURLWithPath: env))
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let binDir = executable.deletingLastPathComponent()
    result.append(binDir.deletingLastPathComponent().appendingPathComponent("share/jobfit"))
    result.append(binDir.appendingPathComponent("jobfit-data"))
    // Sources/JobFitCore/Support/DataDirectory.swift → repository root / data
    var source = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { source.deleteLastPathComponent() }
    result.append(source.appendingPathComponent("data"))
    return result
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
  }
}
