import Foundation

/// Where the sentence encoder's files live on this machine.
///
/// The engine never downloads a model: `scripts/install_model.sh` puts all-MiniLM-L6-v2 into
/// `${JOBFIT_MODELS:-~/.cache/jobfit/models}/all-MiniLM-L6-v2/`, and this type finds it there.
public struct ModelLocation: Sendable, Equatable {
  /// The folder name of the default model under the models root.
  public static let defaultModelName = "all-MiniLM-L6-v2"
  /// Files the encoder reads; everything else in the folder is ignored.
  public static let requiredFiles = ["model.safetensors", "vocab.txt", "config.json"]

  /// The model folder (it may not exist; see `missingFiles`).
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory
  }

  /// The default model folder: `$JOBFIT_MODELS/all-MiniLM-L6-v2` when `JOBFIT_MODELS` is set,
  /// else `~/.cache/jobfit/models/all-MiniLM-L6-v2`.
  public static func resolve(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ModelLocation {
    let root: URL
    if let env = environment["JOBFIT_MODELS"], !env.isEmpty {
      root = URL(fileURLWithPath: env, isDirectory: true)
    } else {
      let home =
        environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.homeDirectoryForCurrentUser
      root = home.appendingPathComponent(".cache/jobfit/models", isDirectory: true)
    }
    return ModelLocation(
      directory: root.appendingPathComponent(defaultModelName, isDirectory: true))
  }

  /// The file `name` inside the model folder.
  public func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// Required files that are not there (empty when the model is installed).
  public var missingFiles: [String] {
    Self.requiredFiles.filter { !FileManager.default.fileExists(atPath: file($0).path) }
  }

  /// True when every required file is present.
  public var isInstalled: Bool { missingFiles.isEmpty }

  /// Checks the folder and says exactly what is missing.
  ///
  /// - Throws: `JobFitError.corruptModel` naming the folder and the missing files, with the
  ///   command that installs them.
  public func validate() throws {
    let missing = missingFiles
    guard missing.isEmpty else {
      throw JobFitError.corruptModel(
        path: directory.path,
        reason: "missing \(missing.joined(separator: ", ")); run scripts/install_model.sh "
          + "(or set JOBFIT_MODELS to the folder holding \(Self.defaultModelName)/)")
    }
  }
}
