import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a helper program with a timeout, collecting its stdout and stderr without deadlock.
enum ProcessRunner {
  struct Output {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  /// Bytes gathered by a reader thread; the lock makes the hand-over to the caller safe.
  private final class Sink: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private(set) var overflowed = false

    func append(_ data: Data, cap: Int) -> Bool {
      lock.lock()
      defer { lock.unlock() }
      if bytes.count + data.count > cap {
        overflowed = true
        return false
      }
      bytes.append(contentsOf: data)
      return true
    }

    var value: [UInt8] {
      lock.lock()
      defer { lock.unlock() }
      return bytes
    }

    var didOverflow: Bool {
      lock.lock()
      defer { lock.unlock() }
      return overflowed
    }
  }

  /// Runs `executable` with `arguments`; kills it after `timeout` seconds or when stdout passes
  /// `maxOutputBytes`.
  ///
  /// - Throws: `JobFitError.externalTool` when it cannot start, times out or writes too much.
  static func run(
    executable: String, arguments: [String], timeout: Double, maxOutputBytes: Int,
    toolName: String, path: String
  ) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw JobFitError.externalTool(
        tool: toolName, path: path,
        reason: "cannot start \(executable): \(error.localizedDescription)")
    }
    let pid = process.processIdentifier
    let stdout = Sink()
    let stderr = Sink()
    let group = DispatchGroup()
    drain(
      outPipe.fileHandleForReading, into: stdout, cap: maxOutputBytes, killAt: pid, group: group)
    // Only the start of stderr is kept; a chatty tool is not killed for its warnings.
    drain(errPipe.fileHandleForReading, into: stderr, cap: 64 << 10, killAt: nil, group: group)

    let timedOut = group.wait(timeout: .now() + max(0.001, timeout)) == .timedOut
    if timedOut {
      kill(pid, SIGKILL)
      // A grandchild could keep the pipes open; do not wait for it forever.
      _ = group.wait(timeout: .now() + 2)
    }
    process.waitUntilExit()
    if timedOut {
      throw JobFitError.externalTool(
        tool: toolName, path: path, reason: "timed out after \(formatSeconds(timeout)) s")
    }
    if stdout.didOverflow && !timedOut {
      throw JobFitError.externalTool(
        tool: toolName, path: path, reason: "output exceeds \(maxOutputBytes) bytes; refusing")
    }
    return Output(status: process.terminationStatus, stdout: stdout.value, stderr: stderr.value)
  }

  /// Reads `handle` to its end on a background thread; past `cap` bytes it stops keeping the
  /// output and, when `killAt` is a process id, kills that process.
  private static func drain(
    _ handle: FileHandle, into sink: Sink, cap: Int, killAt pid: Int32?, group: DispatchGroup
  ) {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async {
      defer { group.leave() }
      var keep = true
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        if keep && !sink.append(chunk, cap: cap) {
          keep = false
          if let pid { kill(pid, SIGKILL) }
        }
      }
    }
  }

  static func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
