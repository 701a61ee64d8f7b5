import Foundation
import Testing

/// The six cases of issue 12, through the built binary: each gives a clean one-line error (or a correct
/// result), ends, and leaves what was there as it was. Durations here are hang detectors, far above
/// the measured times (Docs/Limits.md), not speed tests.
@Suite("Hostile input (issue 12)")
struct HostileInputTests {
    /// A folder with the sample week's requirements, shifts and history slice, and existing outputs.
    func folder() throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        let staffed = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "--service-level", "80%",
                                          "--shrinkage", "30%", "-o", folder.appendingPathComponent("requirements.csv").path])
        #expect(staffed.status == 0, "\(staffed.standardError)")
        for name in ["schedule.csv", "coverage.csv", "forecast.csv", "out.csv"] {
            try Data("existing \(name)\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Runs `arguments` in `folder`, timing it.
    func run(_ arguments: [String], in folder: URL) throws -> (result: ToolRunner.Result, seconds: Double) {
        let start = Date()
        let result = try ToolRunner.run(arguments, in: folder)
        return (result, Date().timeIntervalSince(start))
    }

    /// The outputs that existed before a failed run are byte for byte as they were, and no temporary
    /// file is left beside them.
    func expectUntouched(_ folder: URL, _ names: [String] = ["schedule.csv", "coverage.csv", "forecast.csv", "out.csv"]) throws {
        for name in names {
            #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) == "existing \(name)\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains(".tmp-") })
    }

    func expectOneError(_ result: ToolRunner.Result, status: Int32 = 65, _ message: String) {
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: " + message), "\(result.standardError)")
        #expect(result.standardError.filter { $0 == "\n" }.count == 1, "\(result.standardError)")
    }

    static let shiftsHeader = "shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step\n"

    /// Case 1: a unitless duration too large for an `Int` crashed with SIGILL.
    @Test(arguments: ["9223372036854775808", "1e19", "1e19m", "1e300h"])
    func durationsTooLargeForAnIntAreLocatedErrors(value: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.shiftsHeader + "early,*,05:00,09:00,\(value),8h,9h,30m\n").utf8).write(to: folder.appendingPathComponent("shifts.csv"))
        let (result, _) = try run(["schedule", "--requirements", "requirements.csv", "--shifts", "shifts.csv", "--time-limit", "2s",
                                   "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        expectOneError(result, "shifts.csv:2:5: start_step '\(value)' is not a duration from 1s to 1d")
        try expectUntouched(folder)
    }

    /// Case 2: a huge requirement trapped, aborted inside CBC, allocated 56 GB or ran past its time limit.
    @Test(arguments: ["1e23", "1e17", "1e10", "1e6"])
    func hugeRequirementsAreRefusedBeforeTheSolver(value: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("requirements.csv")
        var lines = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let column = lines[0].split(separator: ",").firstIndex(of: "scheduled_agents")!
        var fields = lines[101].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = value
        lines[101] = fields.joined(separator: ",")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: path)
        let (result, seconds) = try run(["schedule", "--requirements", "requirements.csv", "--shifts", ToolRunner.fixture("shifts-week.csv"),
                                         "--time-limit", "2s", "-o", "schedule.csv", "--coverage", "coverage.csv"], in: folder)
        expectOneError(result, "requirements.csv:102:\(column + 1): scheduled_agents '\(value)' is out of range; expected agents required from 0 to 100000")
        #expect(seconds < 30)
        try expectUntouched(folder)
    }

    /// Case 2, the largest requirement allowed: a schedule within the time limit plus its margin.
    @Test func theLargestRequirementIsScheduledWithinTime() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("timestamp,scheduled_agents\n2025-03-03T08:00,100000\n2025-03-03T08:15,0\n".utf8)
            .write(to: folder.appendingPathComponent("requirements.csv"))
        let (result, seconds) = try run(["schedule", "--requirements", "requirements.csv", "--shifts", ToolRunner.fixture("shifts-week.csv"),
                                         "--time-limit", "2s", "-o", "schedule.csv", "--coverage", "coverage.csv", "--quiet"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(seconds < 60)
        let coverage = try String(contentsOf: folder.appendingPathComponent("coverage.csv"), encoding: .utf8)
        #expect(coverage.contains("2025-03-03T08:00:00,100000,100000,0"), "\(coverage.prefix(200))")
    }

    /// Case 3: three rows, two minutes apart and then a thousand years later, allocated 42 GB.
    @Test(arguments: ["3024-01-01T00:00", "2124-01-01T00:00"])
    func aSparseHistoryIsRefusedBeforeAnythingIsAllocated(last: String) throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("timestamp,volume\n2024-01-01T00:00,5\n2024-01-01T00:05,5\n\(last),5\n".utf8)
            .write(to: folder.appendingPathComponent("history.csv"))
        let (result, seconds) = try run(["forecast", "--history", "history.csv", "--horizon", "7d", "-o", "forecast.csv"], in: folder)
        expectOneError(result, "history.csv:4:1: the rows span ")
        #expect(result.standardError.contains("at most 4000000 fit the memory of a run"), "\(result.standardError)")
        #expect(seconds < 10)
        try expectUntouched(folder)
    }

    /// Case 4: `-o /dev/null` as root replaced the device node with a regular file; `-o link.csv`
    /// replaced the link.
    @Test func outputThroughADeviceOrALinkKeepsWhatIsThere() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "--service-level", "80%", "-o"]
        let (toNull, _) = try run(arguments + ["/dev/null"], in: folder)
        #expect(toNull.status == 0, "\(toNull.standardError)")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
        let (toFull, _) = try run(arguments + ["/dev/full"], in: folder)
        expectOneError(toFull, status: 73, "/dev/full: cannot write output: no space left on the device")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)

        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path, withDestinationPath: "out.csv")
        let (throughLink, _) = try run(arguments + ["link.csv"], in: folder)
        #expect(throughLink.status == 0, "\(throughLink.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.csv").path) == "out.csv")
        #expect(try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8).hasPrefix("timestamp,volume,aht,agents"))

        let (toFolder, _) = try run(arguments + [folder.path], in: folder)
        expectOneError(toFolder, status: 73, "\(folder.path): cannot create output: it is a folder, not a file")
    }

    /// Case 6: an `aht` of 1e308 in one history row gave 50 forecast rows with `aht=inf`.
    @Test func anAhtBeyondItsRangeIsLocatedAndNothingIsWritten() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = try String(contentsOfFile: ToolRunner.fixture("history-sample.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        lines[100] = lines[100].split(separator: ",").prefix(2).joined(separator: ",") + ",1e308"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("history.csv"))
        let (result, _) = try run(["forecast", "--history", "history.csv", "--horizon", "1d", "-o", "forecast.csv"], in: folder)
        expectOneError(result, "history.csv:101:3: aht '1e308' is out of range; expected seconds of handle time from 0 to 86400")
        try expectUntouched(folder)
    }

    /// No file written holds `inf` or `nan`: the sample forecast, staffed with a patience that makes
    /// abandonment columns, and an unstable Erlang C interval in CSV.
    @Test func filesWrittenHoldNoInfinityOrNaN() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (staffed, _) = try run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"), "--service-level", "80%",
                                    "--patience", "30s", "-o", "out.csv"], in: folder)
        #expect(staffed.status == 0, "\(staffed.standardError)")
        let (erlang, _) = try run(["erlang", "--volume", "100", "--aht", "180s", "--agents", "5", "--format", "csv"], in: folder)
        #expect(erlang.status == 0, "\(erlang.standardError)")
        for text in [try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8), erlang.standardOutput] {
            let fields = text.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.lowercased() }
            #expect(!fields.contains { $0.contains("inf") || $0.contains("nan") }, "\(text.prefix(300))")
        }
    }
}
