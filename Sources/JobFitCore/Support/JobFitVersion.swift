/// The engine's version, reported by `jobfit --version` and saved in models.
public enum JobFitVersion {
  public static let current = "0.1.0"
}
