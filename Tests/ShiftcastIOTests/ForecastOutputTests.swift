@testable import ShiftcastCSV
import ShiftcastCore
import ShiftcastForecasting
@testable import ShiftcastIO
import Testing

/// Four weeks of hourly rows for queues, open 09:00-17:00 every day.
func fourWeeks(queues: [String?], aht: Bool) -> String {
    var text = (queues.first! != nil ? "queue," : "") + "timestamp,volume" + (aht ? ",aht" : "") + "\n"
    for queue in queues {
        for day in 1...28 {
            for hour in 0..<24 {
                let volume = hour >= 9 && hour < 17 ? 10 + hour % 3 : 0
                let date = "2024-02-" + (day < 10 ? "0" : "") + "\(day)T" + (hour < 10 ? "0" : "") + "\(hour):00"
                text += (queue.map { $0 + "," } ?? "") + "\(date),\(volume)" + (aht ? ",200" : "") + "\n"
            }
        }
    }
    return text
}

@Suite struct ForecastOutputTests {
    @Test func writesTheForecastFileColumnsPerQueue() throws {
        let history = try VolumeFile(table: table(fourWeeks(queues: ["a", "b"], aht: true), name: "h.csv"))
        let output = try ForecastOutput(history: history, request: ForecastRequest(horizon: .days(1), model: .named(.average4w)))
        let lines = String(decoding: output.csvBytes(), as: UTF8.self).split(separator: "\n")
        #expect(lines[0] == "queue,timestamp,volume,lower,upper,aht")
        #expect(lines.count == 1 + 2 * 24)
        #expect(lines[1] == "a,2024-02-29T00:00:00,0,0,0,200")
        #expect(lines[10].hasPrefix("a,2024-02-29T09:00:00,10,"))
        #expect(lines[25].hasPrefix("b,2024-02-29T00:00:00,"))
        #expect(output.warnings.isEmpty && output.outlierNotes.isEmpty)
    }

    @Test func aQueueTooShortIsLocatedInTheHistoryFile() throws {
        let history = try VolumeFile(table: table(fourWeeks(queues: [nil], aht: false), name: "h.csv"))
        expectError(.badData, at: "h.csv", containing: "history holds 28 whole days") {
            _ = try ForecastOutput(history: history, request: ForecastRequest(horizon: .days(28)))
        }
    }

    @Test func anIntervalThatDoesNotDivideTheDayIsLocatedAtTheFirstRow() throws {
        let history = try VolumeFile(table: table("timestamp,volume\n2024-01-01T00:00,1\n2024-01-01T00:07,1\n", name: "h.csv"))
        expectError(.badData, at: "h.csv:2", containing: "the interval 7m does not divide the day") {
            _ = try history.queues[0].historySeries(file: history.name, hasAverageHandleTime: false)
        }
    }
}
