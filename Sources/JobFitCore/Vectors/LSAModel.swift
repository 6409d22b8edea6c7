import LinearAlgebra

/// A fitted latent semantic analysis: the top-`k` right singular vectors of a TF-IDF matrix.
///
/// LSA (Deerwester et al. 1990) approximates the `n × d` document-term matrix `A` by its rank-`k`
/// truncated SVD `A ≈ Uₖ·Σₖ·Vₖᵀ`. The rows of `components` (`Vₖᵀ`, `k × d`) are "topics":
/// directions in term space along which documents vary most. A document row `x` maps to
/// `x·Vₖ` (`transform`), a dense `k`-vector in which documents that use related vocabulary land
/// close together even when they share few exact terms. This is scikit-learn's `TruncatedSVD`
/// (`components_`, `singular_values_`, `explained_variance_`, `transform`), fitted by randomized
/// SVD (see `RandomizedSVD`).
///
/// Made by `LSAModel.fit(_:components:seed:oversampling:powerIterations:)`; immutable, `Codable`
/// and versioned; `save(to:)` writes a compact checksummed binary file.
public struct LSAModel: Sendable {
  /// The format version this build writes and reads.
  public static let currentFormatVersion = 1

  /// Format version of this model's encoding.
  public let formatVersion: Int
  /// `k × d` row-major: row `c` is the unit-length right singular vector `v_c` (sklearn
  /// `components_`). Sign convention: each row's largest-magnitude entry is positive.
  public let components: Matrix
  /// `σ₁ ≥ σ₂ ≥ … ≥ σₖ` (sklearn `singular_values_`).
  public let singularValues: [Float]
  /// Variance over the training documents of each coordinate of `U·Σ` (sklearn
  /// `explained_variance_`, population variance): `σ_c²/n − mean_c²`.
  public let explainedVariance: [Double]
  /// `explainedVariance` divided by the total variance of the training matrix's columns,
  /// `Σ_j var(A[:, j])` (sklearn `explained_variance_ratio_`).
  public let explainedVarianceRatio: [Double]
  /// How the model was fitted.
  public let parameters: Parameters
  /// Number of documents (rows) the model was fitted on.
  public let documentCount: Int
  /// `d × k`, `componentsᵀ` with rows padded to 16 floats: the layout the sparse fold-in
  /// product reads.
  let loadings: DenseBlock

  /// The fitting parameters, recorded so a model can be refitted identically.
  public struct Parameters: Sendable, Equatable, Codable {
    /// The `components` argument as given (before clamping).
    public var requestedComponents: Int
    public var seed: UInt64
    public var oversampling: Int
    public var powerIterations: Int

    public init(requestedComponents: Int, seed: UInt64, oversampling: Int, powerIterations: Int) {
      self.requestedComponents = requestedComponents
      self.seed = seed
      self.oversampling = oversampling
      self.powerIterations = powerIterations
    }
  }

  /// Assembles a model from its parts; `transposedComponents`, when given, must be
  /// `componentsᵀ` (the fit has it already, which saves a transposition).
  init(
    components: Matrix, singularValues: [Float], explainedVariance: [Double],
    explainedVarianceRatio: [Double], parameters: Parameters, documentCount: Int,
    transposedComponents: Matrix? = nil
  ) {
    precondition(
      singularValues.count == components.rows && explainedVariance.count == components.rows
        && explainedVarianceRatio.count == components.rows, "LSAModel: inconsistent component counts")
    self.formatVersion = Self.currentFormatVersion
    self.components = components
    self.singularValues = singularValues
    self.explainedVariance = explainedVariance
    self.explainedVarianceRatio = explainedVarianceRatio
    self.parameters = parameters
    self.documentCount = documentCount
    self.loadings = DenseBlock(rows: components.columns, columns: components.rows)
      .with(matrix: transposedComponents ?? Self.transpose(components))
  }

  /// `k`, the number of components (the length of every embedding).
  public var componentCount: Int { components.rows }
  /// `d`, the number of TF-IDF columns the model expects.
  public var dimension: Int { components.columns }

  static func transpose(_ m: Matrix) -> Matrix {
    var t = Matrix(rows: m.columns, columns: m.rows)
    let (rows, columns) = (m.rows, m.columns)
    m.storage.withUnsafeBufferPointer { source in
      t.storage.withUnsafeMutableBufferPointer { target in
        // Blocks of 64 × 64 keep both sides in cache.
        for r0 in stride(from: 0, to: rows, by: 64) {
          for c0 in stride(from: 0, to: columns, by: 64) {
            for r in r0..<min(r0 + 64, rows) {
              for c in c0..<min(c0 + 64, columns) { target[c * rows + r] = source[r * columns + c] }
            }
          }
        }
      }
    }
    return t
  }
}

// MARK: - Equatable

extension LSAModel: Equatable {
  public static func == (lhs: LSAModel, rhs: LSAModel) -> Bool {
    lhs.formatVersion == rhs.formatVersion && lhs.components == rhs.components
      && lhs.singularValues == rhs.singularValues && lhs.explainedVariance == rhs.explainedVariance
      && lhs.explainedVarianceRatio == rhs.explainedVarianceRatio
      && lhs.parameters == rhs.parameters && lhs.documentCount == rhs.documentCount
  }
}
