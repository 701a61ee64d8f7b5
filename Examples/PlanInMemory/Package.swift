// swift-tools-version: 6.0
import PackageDescription

// A program that links Shiftcast's pipeline and runs it on a history held in memory (issue 9).
let package = Package(
    name: "PlanInMemory",
    dependencies: [.package(name: "Shiftcast", path: "../..")],
    targets: [
        .executableTarget(name: "PlanInMemory", dependencies: [.product(name: "ShiftcastPlanning", package: "Shiftcast")]),
    ]
)
