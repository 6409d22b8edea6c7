// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "JobFit",
  platforms: [.macOS(.v14)],
  products: [
    .library(name: "JobFitCore", targets: ["JobFitCore"]),
    // Not API: exposed for the benchmark package only (see README, "Source stability").
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "JobFitEvaluation", targets: ["JobFitEvaluation"]),
    .executable(name: "jobfit", targets: ["jobfit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // MARK: - C libraries (Debian: libblas-dev, liblapacke-dev, libstemmer-dev, zlib1g-dev)
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "blas",
      providers: [.apt(["libblas-dev", "liblapacke-dev", "libopenblas0-pthread"])]
    ),
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // MARK: - Engine
    .target(name: "LinearAlgebra", dependencies: ["CBLAS"]),
    // Hot loops that need AVX2 + FMA, chosen at run time (Swift builds for baseline x86-64).
    .target(name: "CKernels"),
    .target(
      name: "JobFitCore",
      dependencies: ["LinearAlgebra", "CKernels", "CStemmer", "CZlib"]
    ),

    // MARK: - Evaluation (metrics, labelled-dataset readers, blend tuning; `jobfit eval`)
    .target(name: "JobFitEvaluation", dependencies: ["JobFitCore", "LinearAlgebra"]),

    // MARK: - CLI
    .executableTarget(
      name: "jobfit",
      dependencies: [
        "JobFitCore", "JobFitEvaluation", "LinearAlgebra",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: - Tests
    .target(
      name: "JobFitTestSupport", dependencies: ["JobFitCore", "CZlib"], path: "Tests/JobFitTestSupport"),
    .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
    .testTarget(
      name: "JobFitCoreTests",
      dependencies: ["JobFitCore", "JobFitTestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(name: "CLITests", dependencies: ["JobFitTestSupport"]),
    .testTarget(
      name: "JobFitEvaluationTests",
      dependencies: ["JobFitEvaluation", "JobFitCore", "JobFitTestSupport"],
      exclude: ["Fixtures"]
    ),
    // Needs ../shared/data (evaluation data); disabled with a visible reason without it.
    .testTarget(
      name: "EvaluationTests", dependencies: ["JobFitCore", "JobFitEvaluation", "JobFitTestSupport"]),
  ]
)

for target in package.targets where target.type != .system && target.name != "CKernels" {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  settings.append(.enableUpcomingFeature("MemberImportVisibility"))
  target.swiftSettings = settings
}
