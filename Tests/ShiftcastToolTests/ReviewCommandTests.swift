import Foundation
import Testing

/// `shiftcast review` (issue 10): a plan made on the sample history up to 2025-02-24, judged against the
/// week that followed.
@Suite struct ReviewCommandTests {
    /// A folder with `train.csv` (the sample history before 2025-02-24), `actual.csv` (the week from it)
    /// and the plan made on the first, in `plan/`.
    func planned() throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        let lines = try String(contentsOfFile: ToolRunner.fixture("history-sample.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0]
        let rows = lines.dropFirst()
        try ([header] + rows.filter { $0 < "2025-02-24" }).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        try ([header] + rows.filter { $0 >= "2025-02-24" }).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("actual.csv"), atomically: true, encoding: .utf8)
        let plan = try ToolRunner.run(["plan", "--history", "train.csv", "--horizon", "7d", "--service-level", "80%", "--max-occupancy", "85%",
                                       "--shrinkage", "30%", "--shifts", ToolRunner.fixture("shifts-week.csv"), "--cyclic",
                                       "--output-folder", "plan", "--quiet"], in: folder)
        #expect(plan.status == 0, "\(plan.standardError)")
        return folder
    }

    @Test func eachIntervalBelowTargetHasTheCauseItsAgentsSay() throws {
        let folder = try planned()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["review", "--plan", "plan", "--actuals", "actual.csv", "--replications", "20"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["timestamp", "forecast", "actual", "required", "required_actual", "at_work", "service_level",
                               "service_level_low", "service_level_high", "cause"])
        #expect(rows.count == 1 + 672)
        var causes = 0
        for row in rows.dropFirst() {
            let required = Double(row[3])!, needed = Double(row[4])!, atWork = Double(row[5])!, level = Double(row[6])!
            if row[9].isEmpty {
                #expect(level >= 0.8 || Double(row[2])! == 0, "\(row)")
                continue
            }
            causes += 1
            #expect(level < 0.8, "\(row)")
            let expected = atWork < required ? "schedule" : atWork < needed ? "forecast" : "variability"
            #expect(row[9] == expected, "\(row)")
        }
        #expect(causes > 0)
        #expect(result.standardError.hasPrefix("review: delivered service level "))
        #expect(result.standardError.contains("\(causes) of 672 intervals below target"), "\(result.standardError)")
    }

    @Test func aPlanWithoutItsSettingsOrActualsMissingAnIntervalAreErrors() throws {
        let folder = try planned()
        defer { try? FileManager.default.removeItem(at: folder) }
        let actual = try String(contentsOf: folder.appendingPathComponent("actual.csv"), encoding: .utf8)
        try actual.replacingOccurrences(of: "2025-02-26T10:00:00,", with: "2025-02-26T10:05:00,")
            .write(to: folder.appendingPathComponent("gappy.csv"), atomically: true, encoding: .utf8)
        let gap = try ToolRunner.run(["review", "--plan", "plan", "--actuals", "gappy.csv", "--replications", "2"], in: folder)
        #expect(gap.status == 65)
        #expect(gap.standardError.hasPrefix("error: gappy.csv"), "\(gap.standardError)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("plan/plan.json"))
        let unsettled = try ToolRunner.run(["review", "--plan", "plan", "--actuals", "actual.csv"], in: folder)
        #expect(unsettled.status == 66)
        #expect(unsettled.standardError.hasPrefix("error: plan/plan.json: cannot read the plan's settings"), "\(unsettled.standardError)")
        #expect(unsettled.standardError.split(separator: "\n").count == 1)
    }
}
