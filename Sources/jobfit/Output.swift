import Foundation
import JobFitCore

/// Buffered writing of results to stdout or to a file written atomically (temp file + rename).
final class OutputSink {
  private var buffer = Data()
  private let handle: FileHandle
  private let destination: URL?
  private let temporary: URL?

  /// Writes to `path`, or to stdout when `path` is nil or "-".
  init(path: String?) throws {
    guard let path, path != "-" else {
      handle = .standardOutput
      destination = nil
      temporary = nil
      return
    }
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temp.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: temp.path)
    else {
      Terminal.warn("error: \(path): cannot write output file")
      throw ExitStatus.ioError
    }
    self.handle = handle
    self.destination = url
    self.temporary = temp
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  func line(_ text: String) { write(text + "\n") }

  private func flush() {
    handle.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file, moves it into place.
  func close() throws {
    flush()
    guard let destination, let temporary else { return }
    try? handle.close()
    do {
      if FileManager.default.fileExists(atPath: destination.path) {
        _ = try FileManager.default.replaceItemAt(destination, withItemAt: temporary)
      } else {
        try FileManager.default.moveItem(at: temporary, to: destination)
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      Terminal.warn("error: \(destination.path): cannot write output file")
      throw ExitStatus.ioError
    }
  }
}

/// Shared formatting helpers.
enum Format {
  /// Scores are printed with 6 decimals: enough to order, short enough to read.
  static func score(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

  static func scoreText(_ value: Double) -> String { String(format: "%.4f", value) }

  /// One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @ first)
  /// is prefixed with an apostrophe, since ids and titles come from untrusted documents.
  static func csvField(_ text: String, isText: Bool = true) -> String {
    var value = text
    if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return value
    }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func markdownCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  static func json<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// `text` cut to `width` characters with an ellipsis.
  static func truncate(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

extension Match {
  /// A copy with scores rounded for output.
  var rounded: Match {
    var copy = self
    copy.score = Format.score(score)
    copy.channels = channels.mapValues(Format.score)
    // Explanations and contributions keep full precision so their sums reconcile exactly.
    return copy
  }
}
