import ShiftcastCSV
import Foundation
import ScheduleChecker
import ShiftcastCore
@testable import ShiftcastIO
import ShiftcastScheduling

/// 2024-01-01T00:00, a Monday, on naive time.
let monday = Timestamp(secondsSinceEpoch: 1_704_067_200)

/// The package root, for `Benchmarks/` and `Fixtures/`.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func hours(_ value: Double) -> Int { Int(value * 3600) }

/// A table read from text, as if from a file called `name`.
func csv(_ text: String, name: String) throws -> CSVTable { try CSVTable(bytes: Array(text.utf8), name: name) }

/// Writes the result as the Schedule, Coverage, Requirements and Shifts files would be, and runs the
/// independent checker on them.
func checkWithChecker(_ result: ShiftMixResult, shiftsText: String, breaksText: String? = nil) -> ScheduleChecker.Report {
    let schedule = String(decoding: ScheduleFile.csvBytes(AnonymousRoster.assign(result), families: result.families,
                                                          breakRules: result.breakRules, curve: result.curve), as: UTF8.self)
    let coverage = String(decoding: CoverageFile.csvBytes(result), as: UTF8.self)
    var requirements = "timestamp,required\n"
    for slot in 0..<result.curve.count {
        requirements += WallClock.naive.format(result.curve.grid.timestamp(at: slot)) + ",\(result.curve.required[slot])\n"
    }
    return ScheduleChecker.check(schedule: schedule, shifts: shiftsText, requirements: requirements, coverage: coverage,
                                 breaks: breaksText, cyclic: result.curve.cyclic)
}

/// Writes a named-agent schedule as the tool would and runs the independent checker on it with the Agents file.
func checkWithChecker(_ result: AgentScheduleResult, shiftsText: String, breaksText: String? = nil, agentsText: String) -> ScheduleChecker.Report {
    let schedule = String(decoding: ScheduleFile.csvBytes(result), as: UTF8.self)
    let coverage = String(decoding: CoverageFile.csvBytes(result.schedule), as: UTF8.self)
    let curve = result.schedule.curve
    var requirements = "timestamp,required\n"
    for slot in 0..<curve.count { requirements += WallClock.naive.format(curve.grid.timestamp(at: slot)) + ",\(curve.required[slot])\n" }
    return ScheduleChecker.check(schedule: schedule, shifts: shiftsText, requirements: requirements, coverage: coverage,
                                 breaks: breaksText, agents: agentsText, cyclic: curve.cyclic)
}
