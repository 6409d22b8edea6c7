import Foundation
import JobFitCore
import JobFitTestSupport
import LinearAlgebra
import Testing

/// scikit-learn's reference for the TF-IDF parity corpus (`Tests/Fixtures/make_lsa_fixture.py`).
struct LSAReference: Decodable {
  struct MatrixSummary: Decodable {
    let shape: [Int]
    let nonzeroCount: Int
    let frobeniusNorm: Double
    let valueSum: Double
  }
  struct Case: Decodable {
    let components: Int
    let powerIterations: Int
    let oversampling: Int
    let singularValues: [Double]
    let explainedVariance: [Double]
    let explainedVarianceRatio: [Double]
    let reconstructionError: Double
    let optimalReconstructionError: Double
  }
  /// scikit-learn with enough power iterations that every singular value has converged.
  struct ConvergedCase: Decodable {
    let components: Int
    let powerIterations: Int
    let oversampling: Int
    let singularValues: [Double]
    let maxRelativeDeviation: Double
  }
  let matrix: MatrixSummary
  let exactSingularValues: [Double]
  let cases: [Case]
  let convergedCases: [ConvergedCase]

  static func load() throws -> LSAReference {
    let url = Repository.root.appendingPathComponent("Tests/JobFitCoreTests/Fixtures/lsa/reference.json")
    return try JSONDecoder().decode(LSAReference.self, from: Data(contentsOf: url))
  }

  /// The TF-IDF matrix the reference was computed on (scikit-learn's own CSR arrays).
  static func trainingMatrix() throws -> CSRMatrix {
    let fixture = try TFIDFFixture.load("default")
    return CSRMatrix(
      rows: fixture.shape[0], columns: fixture.shape[1], rowPointers: fixture.indptr,
      columnIndices: fixture.indices, values: fixture.data.map(Float.init))
  }
}

/// `‖A − M‖_F` for a sparse `A` and a dense `M` of the same shape, in `Double`.
func frobeniusDistance(_ a: CSRMatrix, _ m: [[Double]]) -> Double {
  var sum = 0.0
  let dense = a.dense()
  for i in 0..<a.rows {
    for j in 0..<a.columns {
      let d = Double(dense[i][j]) - m[i][j]
      sum += d * d
    }
  }
  return sum.squareRoot()
}

@Suite("LSA against scikit-learn")
struct LSAParityTests {
  @Test func theFixtureMatrixIsSklearns() throws {
    let reference = try LSAReference.load()
    let a = try LSAReference.trainingMatrix()
    #expect([a.rows, a.columns] == reference.matrix.shape)
    #expect(a.nonzeroCount == reference.matrix.nonzeroCount)
    let sum = a.values.reduce(0.0) { $0 + Double($1) }
    #expect(abs(sum - reference.matrix.valueSum) < 1e-3)
  }

  @Test(arguments: [20, 50])
  func singularValuesAndReconstructionMatchSklearn(k: Int) throws {
    let reference = try LSAReference.load()
    let sklearn = try #require(reference.cases.first { $0.components == k })
    let a = try LSAReference.trainingMatrix()
    let result = try RandomizedSVD(
      rank: k, oversampling: sklearn.oversampling, powerIterations: sklearn.powerIterations
    ).decompose(a, computeU: true)
    let exact = reference.exactSingularValues
    #expect(result.singularValues.count == k)
    var ourDeviation = 0.0, sklearnDeviation = 0.0
    for (i, sigma) in result.singularValues.enumerated() {
      // Ritz values of a projection never exceed the true singular values.
      #expect(Double(sigma) <= exact[i] * (1 + 1e-5), "σ\(i + 1) = \(sigma) > exact \(exact[i])")
      ourDeviation += abs(Double(sigma) - exact[i]) / exact[i]
      sklearnDeviation += abs(sklearn.singularValues[i] - exact[i]) / exact[i]
    }
    // This corpus has a flat spectrum (σ₂₀/σ₂₁ ≈ 1.009), so the tail values of any k + 10
    // sketch are percents off, for scikit-learn too; on average ours are as close as its.
    #expect(ourDeviation <= sklearnDeviation * 1.25, "mean deviation \(ourDeviation / Double(k)) vs sklearn \(sklearnDeviation / Double(k))")
    // The leading, well separated values to 1e-3 relative.
    for i in 0..<3 {
      #expect(abs(Double(result.singularValues[i]) - exact[i]) / exact[i] < 1e-3)
    }
    // ‖A − U Σ Vᵀ‖_F no worse than scikit-learn's (the Eckart–Young optimum bounds both).
    let u = try #require(result.u)
    var approximation = Array(repeating: Array(repeating: 0.0, count: a.columns), count: a.rows)
    for i in 0..<a.rows {
      for c in 0..<k {
        let scaled = Double(u[i, c]) * Double(result.singularValues[c])
        for j in 0..<a.columns { approximation[i][j] += scaled * Double(result.v[j, c]) }
      }
    }
    let error = frobeniusDistance(a, approximation)
    #expect(error <= sklearn.reconstructionError * (1 + 1e-3), "error \(error) vs sklearn \(sklearn.reconstructionError)")
    #expect(error >= sklearn.optimalReconstructionError * (1 - 1e-4))
  }

  /// Every one of the `k` singular values within 1e-3 relative of numpy's exact SVD, through the
  /// public `fit` with the fixture's converged parameters (30 power iterations, 20 extra columns;
  /// the default 5 + 10 leaves this flat spectrum's tail percents off, see the test above).
  @Test(arguments: [20, 50])
  func allSingularValuesMatchTheExactSVDWhenConverged(k: Int) throws {
    let reference = try LSAReference.load()
    let converged = try #require(reference.convergedCases.first { $0.components == k })
    let exact = reference.exactSingularValues
    // The fixture's own check that scikit-learn converges with these parameters.
    #expect(converged.maxRelativeDeviation < 1e-3)
    let model = try LSAModel.fit(
      try LSAReference.trainingMatrix(), components: k, oversampling: converged.oversampling,
      powerIterations: converged.powerIterations)
    #expect(model.singularValues.count == k)
    var worst = 0.0
    for (i, sigma) in model.singularValues.enumerated() {
      let deviation = abs(Double(sigma) - exact[i]) / exact[i]
      worst = max(worst, deviation)
      #expect(deviation < 1e-3, "σ\(i + 1) = \(sigma), exact \(exact[i]): \(deviation) relative")
      #expect(abs(Double(sigma) - converged.singularValues[i]) / converged.singularValues[i] < 1e-3)
    }
    print("LSA k = \(k): max relative deviation from the exact SVD \(worst)")
  }

  @Test func explainedVarianceMatchesSklearn() throws {
    let reference = try LSAReference.load()
    let sklearn = try #require(reference.cases.first { $0.components == 20 })
    let model = try LSAModel.fit(try LSAReference.trainingMatrix(), components: 20)
    for c in 0..<5 {
      #expect(abs(model.explainedVariance[c] - sklearn.explainedVariance[c]) <= 1e-3 * sklearn.explainedVariance[c])
      #expect(abs(model.explainedVarianceRatio[c] - sklearn.explainedVarianceRatio[c]) <= 1e-3 * sklearn.explainedVarianceRatio[c])
    }
    let total = model.explainedVarianceRatio.reduce(0, +)
    let sklearnTotal = sklearn.explainedVarianceRatio.reduce(0, +)
    #expect(abs(total - sklearnTotal) < 5e-3 * sklearnTotal)
  }
}
