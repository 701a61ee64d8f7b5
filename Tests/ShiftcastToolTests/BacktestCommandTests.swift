import Foundation
import Testing

@Suite struct BacktestCommandTests {
    func history() throws -> (folder: URL, path: String) {
        let folder = try ToolRunner.temporaryFolder()
        let history = folder.appendingPathComponent("history.csv")
        try syntheticHistoryCSV(days: 84, aht: false).write(to: history, atomically: true, encoding: .utf8)
        return (folder, history.path)
    }

    @Test func printsEveryModelAndMarksAutosChoice() throws {
        let (folder, path) = try history()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["backtest", "--history", path, "--horizon", "7d", "--folds", "3"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("model") == true)
        #expect(lines.first?.contains("cover@80") == true)
        #expect(lines.count == 1 + 10)  // the header and the ten models of the catalog
        #expect(lines.filter { $0.hasSuffix("<- auto") }.count == 1)
    }

    @Test func csvAndJsonCarryTheSameScores() throws {
        let (folder, path) = try history()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try ToolRunner.run(["backtest", "--history", path, "--folds", "2", "--format", "csv"])
        let json = try ToolRunner.run(["backtest", "--history", path, "--folds", "2", "--format", "json"])
        #expect(csv.status == 0 && json.status == 0)
        let rows = csv.standardOutput.split(separator: "\n")
        #expect(rows.first == "model,folds,wape,mase,bias,coverage,chosen")
        let chosen = try #require(rows.first { $0.hasSuffix(",true") }).split(separator: ",")
        let objects = try #require(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(objects.count == rows.count - 1)
        let picked = try #require(objects.first { $0["chosen"] as? Bool == true })
        #expect(picked["model"] as? String == String(chosen[0]))
        #expect(abs((picked["wape"] as? Double ?? -1) - Double(chosen[2])!) < 1e-9)
        #expect(picked["folds"] as? Int == 2)
    }
}
