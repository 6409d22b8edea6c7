import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What the process's terminals can do, and writing to stderr.
enum Terminal {
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
  static var useColor: Bool {
    let env = ProcessInfo.processInfo.environment
    if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
    if env["TERM"] == "dumb" { return false }
    return stdoutIsTerminal
  }

  /// Writes one line to stderr.
  static func warn(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// A one-line progress bar on stderr, shown only when stderr is a terminal and the job is large.
final class ProgressBar: @unchecked Sendable {
  private let total: Int
  private let label: String
  private let enabled: Bool
  private var lastDrawn = -1
  private let lock = NSLock()

  init(total: Int, label: String, threshold: Int = 2_000) {
    self.total = total
    self.label = label
    self.enabled = Terminal.stderrIsTerminal && total >= threshold
  }

  /// Reports `done` of `total` units; redraws at most once per percent.
  func update(_ done: Int) {
    guard enabled, total > 0 else { return }
    let percent = min(100, done * 100 / total)
    lock.lock()
    defer { lock.unlock() }
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = percent * width / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
  }

  /// Clears the bar's line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
