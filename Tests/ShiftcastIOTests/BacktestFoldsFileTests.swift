import ShiftcastCore
import ShiftcastCSV
import ShiftcastIO
import Testing

/// `backtest.csv` of a plan folder: written and read back the same, a fold without volume as an empty WAPE,
/// and a field that is not what the plan writes refused at its line and column.
@Suite struct BacktestFoldsFileTests {
    @Test func rowsWrittenReadBackTheSame() throws {
        let rows = [
            BacktestFoldsFile.Row(queue: "sales", model: "average-4w", fold: 1, origin: "2025-02-03", wape: 0.214, chosen: false),
            BacktestFoldsFile.Row(queue: "sales", model: "average-4w", fold: 2, origin: "2025-02-10", wape: nil, chosen: false),
            BacktestFoldsFile.Row(queue: "sales, \"east\"", model: "combo-mean", fold: 1, origin: "2025-02-03", wape: 0.187654, chosen: true),
        ]
        let text = String(decoding: BacktestFoldsFile.csvBytes(rows), as: UTF8.self)
        #expect(text.hasPrefix("queue,model,fold,origin,wape,chosen\nsales,average-4w,1,2025-02-03,0.214,false\nsales,average-4w,2,2025-02-10,,false\n"))
        #expect(try BacktestFoldsFile.read(table: table(text)) == rows)
    }

    @Test func aFieldThatIsNotThePlansIsRefusedWhereItIs() throws {
        for (text, column) in [("model,fold,origin,wape,chosen\nharmonic,1,2025-02-03,0.2,yes\n", 5),
                               ("model,fold,origin,wape,chosen\nharmonic,1.5,2025-02-03,0.2,true\n", 2),
                               ("model,fold,origin,wape,chosen\nharmonic,1,2025-02-03,-0.2,true\n", 4),
                               ("model,fold,origin,wape,chosen\n,1,2025-02-03,0.2,true\n", 1)] {
            do {
                _ = try BacktestFoldsFile.read(table: table(text))
                Issue.record("accepted \(text.debugDescription)")
            } catch let error as ShiftcastError {
                #expect(error.code == .badData && error.line == 2 && error.column == column, "\(error)")
            }
        }
    }
}
