import Foundation
import Testing

/// A synthetic history for the tool: hourly, open 08:00-18:00 Monday to Saturday, from Monday 2024-01-01.
func syntheticHistoryCSV(days: Int, queues: [String] = [], aht: Bool = true) -> String {
    var text = (queues.isEmpty ? "" : "queue,") + "timestamp,volume" + (aht ? ",aht" : "") + "\n"
    let weekday = [13, 11, 10, 10, 9, 5, 0]
    for queue in queues.isEmpty ? [""] : queues {
        for day in 0..<days {
            for hour in 0..<24 {
                let open = hour >= 8 && hour < 18
                let volume = open ? weekday[day % 7] * (10 + (hour * 7 + day * 3) % 5) : 0
                let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_704_067_200))!
                let stamp = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
                text += (queue.isEmpty ? "" : queue + ",") + "\(stamp)T\(hour < 10 ? "0" : "")\(hour):00,\(volume)" + (aht ? ",\(180 + hour)" : "") + "\n"
            }
        }
    }
    return text
}

@Suite struct ForecastCommandTests {
    @Test func writesTheForecastFileWithIntervalsAndAHT() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.csv")
        try syntheticHistoryCSV(days: 70).write(to: history, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("forecast.csv")
        let result = try ToolRunner.run(["forecast", "--history", history.path, "--horizon", "7d", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "timestamp,volume,lower,upper,aht")
        #expect(lines.count == 1 + 7 * 24)
        #expect(lines[1].hasPrefix("2024-03-11T00:00:00,0,0,"))  // the day after the history; closed at night
        let noon = lines[13].split(separator: ",")
        #expect(noon[0] == "2024-03-11T12:00:00")
        let volume = Double(noon[1])!, lower = Double(noon[2])!, upper = Double(noon[3])!
        #expect(volume > 100 && lower <= volume && volume <= upper)
        #expect(noon[4] == "192")
    }

    @Test func underATimeZoneTheRepeatedAutumnHourIsForecastTwiceAndTheSpringGapNever() throws {
        // Hourly Berlin history, 2023-10-01 to 2024-10-20, every instant once: the autumn day of 2023 has
        // 25 rows (02:00 twice, in file order) and the spring day of 2024 has 23 (no 02:00).
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let start = calendar.date(from: DateComponents(year: 2023, month: 10, day: 1))!
        let end = calendar.date(from: DateComponents(year: 2024, month: 10, day: 21))!
        var text = "timestamp,volume\n"
        var instant = start
        while instant < end {
            let local = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: instant)
            let hour = local.hour!
            let volume = hour >= 1 && hour < 23 ? 20 + hour + (local.weekday! == 1 ? 0 : 10) : 0
            let stamp = String(format: "%04d-%02d-%02dT%02d:00", local.year!, local.month!, local.day!, hour)
            text += "\(stamp),\(volume)\n"
            instant += 3600
        }
        let history = folder.appendingPathComponent("history.csv")
        try text.write(to: history, atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["forecast", "--history", history.path, "--timezone", "Europe/Berlin",
                                         "--horizon", "14d", "--model", "median-8w"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").dropFirst()
        #expect(lines.count == 14 * 24 + 1)
        let autumnDay = lines.filter { $0.hasPrefix("2024-10-27T") }
        #expect(autumnDay.count == 25)
        let repeated = autumnDay.filter { $0.hasPrefix("2024-10-27T02:00:00") }.map { $0.split(separator: ",") }
        #expect(repeated.map { String($0[0]) } == ["2024-10-27T02:00:00+02:00", "2024-10-27T02:00:00+01:00"])
        // Each repeated hour is forecast like any 02:00 of a Sunday: 22 calls, not the two hours summed.
        #expect(repeated.map { Double($0[1])! } == [22, 22])
    }

    @Test func forecastsEveryQueueAndTheSameInputGivesTheSameBytes() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.csv")
        try syntheticHistoryCSV(days: 56, queues: ["sales", "support"], aht: false).write(to: history, atomically: true, encoding: .utf8)
        let first = try ToolRunner.run(["forecast", "--history", history.path, "--horizon", "2d"])
        let second = try ToolRunner.run(["forecast", "--history", history.path, "--horizon", "2d"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == second.standardOutput)
        let lines = first.standardOutput.split(separator: "\n")
        #expect(lines.first == "queue,timestamp,volume,lower,upper")
        #expect(lines.count == 1 + 2 * 2 * 24)
        #expect(lines[49].hasPrefix("support,2024-02-26T00:00:00,"))
    }

    @Test(.enabled(if: ToolRunner.hasScript, "needs script(1) for a pseudo-terminal"))
    func showsProgressOverManyQueuesOnlyOnATerminalAndNotWithQuiet() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.csv")
        try syntheticHistoryCSV(days: 28, queues: ["a", "b", "c"], aht: false).write(to: history, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("forecast.csv").path
        let arguments = ["forecast", "--history", history.path, "--horizon", "1d", "--model", "median-8w", "-o", output]
        let terminal = try ToolRunner.runOnTerminal(arguments)
        #expect(terminal.status == 0, "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("of 3 queues"))
        #expect(terminal.standardOutput.contains("wrote"))
        let quiet = try ToolRunner.runOnTerminal(arguments + ["--quiet"])
        #expect(quiet.status == 0)
        #expect(!quiet.standardOutput.contains("queues"))
        let piped = try ToolRunner.run(arguments)
        #expect(piped.status == 0)
        #expect(!piped.standardError.contains("of 3 queues"))
        #expect(piped.standardError.contains("wrote"))
    }

    @Test func warnsAboutAnEventKindNeverSeenWithoutUplift() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.csv")
        try syntheticHistoryCSV(days: 56, aht: false).write(to: history, atomically: true, encoding: .utf8)
        let events = folder.appendingPathComponent("events.csv")
        try "event,start,end,uplift\nlaunch,2024-02-27,2024-02-27,\nholiday,2024-02-28,2024-02-28,0\nfair,2024-06-01,2024-06-02,\n".write(to: events, atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["forecast", "--history", history.path, "--events", events.path, "--horizon", "7d", "--model", "average-4w"])
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("warning: event 'launch' has no past occurrence in the history and no uplift"))
        // 'fair' is beyond the horizon: no warning for it.
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("warning:") }.count == 1)
        // A note per kind says what was learned and applied.
        #expect(lines.contains("note: event 'holiday': 0 occurrences seen; uplift stated, x0.00; no after-effect"))
        #expect(lines.contains { $0.hasPrefix("note: event 'launch': 0 occurrences seen; no day to learn from, forecast as a normal day") })
        // The stated closure forecasts 0 all day.
        let holiday = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("2024-02-28T") }
        #expect(holiday.count == 24)
        #expect(holiday.allSatisfy { $0.split(separator: ",")[1] == "0" })
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var history: String
        var events: String? = nil
        var arguments: [String] = ["--horizon", "7d"]
        var status: Int32 = 65
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "history too short for the horizon", history: syntheticHistoryCSV(days: 10, aht: false),
             arguments: ["--horizon", "28d"],
             message: "history.csv: history holds 10 whole days; a 28d forecast with the shortest model needs at least 29"),
        Case(name: "history too short for the model", history: syntheticHistoryCSV(days: 20, aht: false),
             arguments: ["--horizon", "7d", "--model", "level-profile"],
             message: "history.csv: history holds 20 whole days; a 7d forecast with model level-profile needs at least 28"),
        Case(name: "interval that does not divide the day",
             history: "timestamp,volume\n2024-01-01T00:00,1\n2024-01-01T00:07,1\n2024-01-01T00:14,1\n",
             message: "history.csv:2: the interval 7m does not divide the day"),
        Case(name: "mixed intervals", history: "timestamp,volume\n2024-01-01T00:00,1\n2024-01-02,1\n",
             message: "history.csv:3:1: mixes dates and times in one file"),
        Case(name: "event ending before it starts", history: syntheticHistoryCSV(days: 56, aht: false),
             events: "event,start,end\nsale,2024-03-05,2024-03-01\n",
             message: "events.csv:2:3: end 2024-03-01 is before start 2024-03-05; expected an end date on or after the start date"),
        Case(name: "unknown model", history: syntheticHistoryCSV(days: 56, aht: false),
             arguments: ["--horizon", "7d", "--model", "prophet"], status: 64,
             message: "The value 'prophet' is invalid for '--model <name>'. Please provide one of the following: auto, median-8w,"),
        Case(name: "horizon not a whole number of intervals", history: syntheticHistoryCSV(days: 56, aht: false),
             arguments: ["--horizon", "90m"], status: 64,
             message: "the horizon 90m is not a whole number of the history's 1h intervals"),
        Case(name: "level out of range", history: syntheticHistoryCSV(days: 56, aht: false),
             arguments: ["--horizon", "7d", "--level", "120"], status: 64,
             message: "--level must be a percentage between 0 and 100; got 120.0."),
    ]

    @Test(arguments: cases)
    func failsCleanlyAndLeavesTheOutputAlone(_ testCase: Case) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try testCase.history.write(to: folder.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        var arguments = ["forecast", "--history", "history.csv", "-o", "forecast.csv"] + testCase.arguments
        if let events = testCase.events {
            try events.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
            arguments += ["--events", "events.csv"]
        }
        let existing = folder.appendingPathComponent("forecast.csv")
        try "keep me\n".write(to: existing, atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(arguments, in: folder)
        #expect(result.status == testCase.status)
        #expect(result.standardError.hasPrefix("error: " + testCase.message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me\n")
    }
}
