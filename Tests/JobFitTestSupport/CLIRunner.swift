import Foundation

/// What one run of the `jobfit` binary produced.
public struct CLIRun: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  /// stderr split into non-empty lines.
  public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs the built `jobfit` executable, the way a user does.
public enum CLIRunner {
  /// The binary next to the test bundle (SwiftPM builds every product into one folder), or
  /// `JOBFIT_BIN` when set.
  public static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["JOBFIT_BIN"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("jobfit"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("jobfit"),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("jobfit"),
      Repository.root.appendingPathComponent(".build/debug/jobfit"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[candidates.count - 1]
  }()

  /// Runs `jobfit arguments…` in the repository root with `NO_COLOR=1` and a time limit.
  ///
  /// Output is drained while the process runs, so large results cannot deadlock on a full pipe.
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], timeout: Double = 120
  ) throws -> CLIRun {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = Repository.root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    // The one-line "encoder not installed" note would make stderr depend on the machine.
    env["JOBFIT_NO_HINTS"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let collected = Collected()
    out.fileHandleForReading.readabilityHandler = { collected.append(out: $0.availableData) }
    err.fileHandleForReading.readabilityHandler = { collected.append(err: $0.availableData) }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline {
        process.terminate()
        throw CLIRunnerError.timedOut(arguments)
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    out.fileHandleForReading.readabilityHandler = nil
    err.fileHandleForReading.readabilityHandler = nil
    collected.append(out: out.fileHandleForReading.readDataToEndOfFile())
    collected.append(err: err.fileHandleForReading.readDataToEndOfFile())
    return CLIRun(
      status: process.terminationStatus, stdout: String(decoding: collected.out, as: UTF8.self),
      stderr: String(decoding: collected.err, as: UTF8.self))
  }
}

public enum CLIRunnerError: Error {
  case timedOut([String])
}

private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var out = Data()
  private(set) var err = Data()
  func append(out data: Data) {
    lock.lock()
    out.append(data)
    lock.unlock()
  }
  func append(err data: Data) {
    lock.lock()
    err.append(data)
    lock.unlock()
  }
}
