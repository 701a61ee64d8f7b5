import Foundation

/// Reads the reference tables in `Fixtures/reference` (written by `Tests/Reference/*.py`).
///
/// The files are plain comma-separated tables with a header row and no quoted fields.
struct ReferenceRow: CustomStringConvertible, Sendable {
    let fields: [String: String]
    let line: Int

    subscript(_ column: String) -> String { fields[column] ?? "" }

    /// The column as a number; `nil` when empty.
    func number(_ column: String) -> Double? {
        let text = self[column]
        if text.isEmpty { return nil }
        guard let value = Double(text) else { fatalError("line \(line): \(column) '\(text)' is not a number") }
        return value
    }

    func integer(_ column: String) -> Int { Int(self[column])! }

    var description: String {
        "line \(line): " + fields.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

enum Reference {
    /// `Fixtures/reference` at the package root, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference")

    static func rows(_ name: String) -> [ReferenceRow] {
        let text = try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().enumerated().map { index, line in
            let values = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ReferenceRow(fields: Dictionary(uniqueKeysWithValues: zip(header, values)), line: index + 2)
        }
    }

    static let erlang = rows("erlang-reference.csv")

    /// Values below this are "essentially 0": Double cannot hold them to any relative accuracy.
    static let zeroFloor = 1e-300

    /// True when `actual` matches `expected` to `tolerance` relative, or both are below `zeroFloor`, or both are
    /// the same infinity.
    static func matches(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
        if expected.isInfinite { return actual == expected }
        if abs(expected) < zeroFloor { return abs(actual) < zeroFloor }
        return abs(actual - expected) <= tolerance * abs(expected)
    }

    static func relativeError(_ actual: Double, _ expected: Double) -> Double {
        if expected.isInfinite { return actual == expected ? 0 : .infinity }
        if abs(expected) < zeroFloor { return abs(actual) < zeroFloor ? 0 : .infinity }
        return abs(actual - expected) / abs(expected)
    }
}

import ShiftcastStaffing

extension ReferenceRow {
    var workload: Workload {
        Workload(volume: number("volume")!, averageHandleTime: number("aht")!, intervalLength: Int(number("interval")!))
    }

    var model: QueueModel {
        switch self["model"] {
        case "A": return .erlangA(meanPatience: number("patience")!)
        case "chat": return .chat(concurrency: integer("concurrency"))
        default: return .erlangC
        }
    }

    var targets: ServiceTargets {
        ServiceTargets(serviceLevel: number("target_service_level"), answerWithin: number("answer_within")!,
                       maxAverageSpeedOfAnswer: number("target_asa"), maxOccupancy: number("target_occupancy"),
                       maxAbandonRate: number("target_abandon"))
    }

    /// The figures of `performance` that the row holds, as (column, actual, expected).
    func comparisons(_ performance: QueuePerformance) -> [(column: String, actual: Double, expected: Double)] {
        var pairs: [(String, Double, Double)] = [
            ("probability_wait", performance.probabilityOfWaiting, number("probability_wait")!),
            ("service_level", performance.serviceLevel, number("service_level")!),
            ("asa", performance.averageSpeedOfAnswer, number("asa")!),
            ("occupancy", performance.occupancy, number("occupancy")!),
        ]
        if let expected = number("probability_abandon") {
            pairs.append(("probability_abandon", performance.probabilityOfAbandoning ?? .nan, expected))
        }
        return pairs
    }
}
