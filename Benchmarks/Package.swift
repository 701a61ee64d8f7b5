// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in a package of their own so that users of the library never fetch the benchmark
// framework. Run from this folder: `swift package benchmark` (see Docs/Performance.md).
let package = Package(
    name: "ShiftcastBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Shiftcast", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ShiftcastBenchmarks",
            dependencies: [
                .product(name: "Shiftcast", package: "Shiftcast"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ShiftcastBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
