import ArgumentParser

/// The exit statuses `jobfit` documents (README, "Exit status"). Values follow BSD sysexits.h
/// where one fits, so scripts can tell a usage mistake from bad data.
enum ExitStatus {
  /// Results were produced, but some inputs were skipped (each named on stderr).
  static let partial = ExitCode(3)
  /// Command-line usage error (ArgumentParser uses 64 for validation errors too).
  static let usage = ExitCode(64)
  /// Bad input: nothing usable was read (every input failed, or the résumé failed).
  static let dataError = ExitCode(65)
  /// An input path does not exist.
  static let noInput = ExitCode(66)
  /// A helper program is missing or failed (pdftotext not installed, or timed out).
  static let unavailable = ExitCode(69)
  /// The output file could not be written.
  static let ioError = ExitCode(74)
}
