// swift-tools-version: 6.0
import PackageDescription

// The layout mirrors the pipeline (Docs/Architecture.md):
// Core <- CSV; Core <- Forecasting, Staffing, Scheduling <- Planning; Core <- Report; CSV, Planning, Report <- IO <- Shiftcast (umbrella) <- shiftcast (tool).
let package = Package(
    name: "Shiftcast",
    products: [
        // The umbrella, and each module alone: a program that needs only Erlang C links
        // ShiftcastStaffing, which needs neither CBC nor LAPACK.
        .library(name: "Shiftcast", targets: ["Shiftcast"]),
        .library(name: "ShiftcastCore", targets: ["ShiftcastCore"]),
        .library(name: "ShiftcastForecasting", targets: ["ShiftcastForecasting"]),
        .library(name: "ShiftcastStaffing", targets: ["ShiftcastStaffing"]),
        .library(name: "ShiftcastScheduling", targets: ["ShiftcastScheduling"]),
        .library(name: "ShiftcastPlanning", targets: ["ShiftcastPlanning"]),
        .library(name: "ShiftcastCSV", targets: ["ShiftcastCSV"]),
        .library(name: "ShiftcastIO", targets: ["ShiftcastIO"]),
        .library(name: "ShiftcastReport", targets: ["ShiftcastReport"]),
        .executable(name: "shiftcast", targets: ["ShiftcastTool"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // Property-based tests of the CSV reader and writer (ShiftcastIOTests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `swift package generate-documentation`: the DocC catalogs, built in CI.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System libraries, installed from Debian packages (see .ci/run and README).
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "lapack",
            providers: [.apt(["liblapack-dev", "libblas-dev"])]
        ),
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // Clp and CBC driven from C++: relaxations under a wall-clock limit, and CBC's integer search with its
        // root solve set so that nothing prints to standard output.
        .target(name: "CClp", dependencies: ["CCbc"]),

        // The library, one module per stage of the pipeline.
        .target(name: "ShiftcastCore"),
        .target(name: "ShiftcastStaffing", dependencies: ["ShiftcastCore"]),
        .target(name: "ShiftcastForecasting", dependencies: ["ShiftcastCore", "CLAPACK"]),
        .target(name: "ShiftcastScheduling", dependencies: [
            "ShiftcastCore", "CClp", .product(name: "HeapModule", package: "swift-collections"),
        ]),
        // The pipeline as values: histories to forecasts, requirements and schedules, in memory.
        .target(name: "ShiftcastPlanning",
                dependencies: ["ShiftcastCore", "ShiftcastForecasting", "ShiftcastStaffing", "ShiftcastScheduling"]),
        // The CSV engine: scanning, tables and rows with located errors, writing, atomic output.
        .target(name: "ShiftcastCSV", dependencies: ["ShiftcastCore"]),
        // The plan drawn as one self-contained HTML page, its charts as inline SVG.
        .target(name: "ShiftcastReport", dependencies: ["ShiftcastCore"]),
        // The file formats of SPEC section 3, and the runs over files.
        .target(name: "ShiftcastIO",
                dependencies: ["ShiftcastCore", "ShiftcastCSV", "ShiftcastForecasting", "ShiftcastStaffing", "ShiftcastScheduling",
                               "ShiftcastPlanning", "ShiftcastReport"]),
        .target(name: "Shiftcast",
                dependencies: ["ShiftcastCore", "ShiftcastForecasting", "ShiftcastStaffing", "ShiftcastScheduling", "ShiftcastPlanning",
                               "ShiftcastCSV", "ShiftcastIO", "ShiftcastReport"]),

        // The command-line tool: parse, call the library, write.
        .executableTarget(
            name: "ShiftcastTool",
            dependencies: [
                "Shiftcast",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "ShiftcastCoreTests", dependencies: ["ShiftcastCore"]),
        .testTarget(name: "ShiftcastForecastingTests", dependencies: ["ShiftcastForecasting", "ShiftcastTestSupport"]),
        .testTarget(name: "ShiftcastStaffingTests", dependencies: ["ShiftcastStaffing"]),
        .testTarget(name: "ShiftcastSchedulingTests",
                    dependencies: ["ShiftcastScheduling", "ShiftcastCSV", "ShiftcastIO", "ScheduleChecker", "SolverOutputProbe"]),
        .testTarget(name: "ShiftcastIOTests", dependencies: [
            "ShiftcastIO", "ShiftcastCSV", "ShiftcastForecasting", "ShiftcastTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "ShiftcastPlanningTests", dependencies: ["ShiftcastPlanning", "ShiftcastIO", "ShiftcastCSV"]),
        .testTarget(name: "SystemLibraryTests", dependencies: ["CLAPACK", "CCbc"]),
        .testTarget(name: "ShiftcastReportTests", dependencies: ["ShiftcastReport", "ShiftcastCore"]),
        .testTarget(name: "ShiftcastToolTests", dependencies: ["ShiftcastTool", "ScheduleChecker"]),

        // Test support: reads a Schedule file and recomputes its coverage, independent of the optimizer.
        .target(name: "ScheduleChecker", path: "Tests/ScheduleChecker"),
        // Test support: solves while a thread prints, in a process of its own (SolverOutputTests).
        .executableTarget(name: "SolverOutputProbe", dependencies: ["ShiftcastScheduling"], path: "Tests/SolverOutputProbe"),
        // Test support: a seeded random generator and the ShiftcastError expectation the suites share.
        .target(name: "ShiftcastTestSupport", dependencies: ["ShiftcastCore"], path: "Tests/ShiftcastTestSupport"),
    ]
)
