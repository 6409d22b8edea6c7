// swift-tools-version: 6.1
// The benchmark suite: its own package so package-benchmark and its dependencies stay out of the
// root package (as apple/swift-collections does). Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
  name: "JobFitBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "JobFit", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // Times each stage on a generated corpus for the peer comparison (peers/compare.sh). Not under
    // Benchmarks/: package-benchmark runs every executable whose folder's parent is "Benchmarks".
    .executableTarget(
      name: "jobfit-stages",
      dependencies: [
        .product(name: "JobFitCore", package: "JobFit"),
        .product(name: "LinearAlgebra", package: "JobFit"),
      ],
      path: "Tools/Stages"
    ),
    .executableTarget(
      name: "JobFitBenchmarks",
      dependencies: [
        .product(name: "JobFitCore", package: "JobFit"),
        .product(name: "LinearAlgebra", package: "JobFit"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/JobFitBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
