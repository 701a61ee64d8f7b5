// swift-tools-version: 6.0
import PackageDescription

// libFuzzer harnesses for the readers of user files (issue 12: never crash, never hang, on any input).
// A package of its own, like Benchmarks/, so `swift test` at the root never builds it. Build and run
// with `Fuzz/run-fuzzers.sh SECONDS` (it passes `-sanitize=fuzzer`; see Fuzz/README.md). Each target
// defines `LLVMFuzzerTestOneInput` and an `@main` that hands it to libFuzzer's driver (`FuzzDriver`).
let fuzzTargets = ["FuzzHistory", "FuzzEvents", "FuzzRequirements", "FuzzShifts", "FuzzBreaks", "FuzzAgents", "FuzzSchedule", "FuzzPlanSettings", "FuzzPlanReport"]

let package = Package(
    name: "ShiftcastFuzz",
    dependencies: [
        .package(name: "Shiftcast", path: ".."),
    ],
    targets: [
        // The glue every target shares: bytes to CSVTable, the error contract, fixed inputs.
        .target(name: "FuzzSupport", dependencies: [.product(name: "Shiftcast", package: "Shiftcast")],
                swiftSettings: [.enableExperimentalFeature("Extern")]),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Shiftcast", package: "Shiftcast")])
    }
)
