@testable import ShiftcastCSV
import Foundation
import ShiftcastCore
import ShiftcastForecasting
@testable import ShiftcastIO
import Testing

@Suite struct BacktestReportTests {
    @Test func tableCsvAndJsonShowEveryModelAndTheChoice() throws {
        let history = try VolumeFile(table: table(fourWeeks(queues: [nil], aht: false), name: "h.csv"))
        let output = try ForecastOutput(history: history, request: ForecastRequest(horizon: .days(1), folds: 3))
        let report = BacktestReport(output: output, level: 0.8)
        let table = report.rendered(as: .table).split(separator: "\n")
        #expect(table[0].hasPrefix("model") && table[0].hasSuffix("cover@80"))
        #expect(table.count == 1 + ModelCatalog.models.count)
        #expect(table.filter { $0.hasSuffix("<- auto") }.count == 1)
        let csv = report.rendered(as: .csv).split(separator: "\n")
        #expect(csv[0] == "model,folds,wape,mase,bias,coverage,chosen")
        #expect(csv.filter { $0.hasSuffix(",true") }.count == 1)
        let json = try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as? [[String: Any]]
        #expect(json?.count == ModelCatalog.models.count)
        #expect(json?.first?["folds"] as? Int == 3)
    }
}
