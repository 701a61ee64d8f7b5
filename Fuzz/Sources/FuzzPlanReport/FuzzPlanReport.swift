import FuzzSupport
import Shiftcast

/// The files `shiftcast report` reads from a plan folder beside a fixed forecast and schedule: the input
/// is the folder's `coverage.csv` when its first line names `required`, else its `backtest.csv`
/// (`CoverageFile.read`, `BacktestFoldsFile.read`); then the whole page is drawn, on the naive clock or
/// Berlin's by the input's length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlanReport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let header = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    let name = header.contains("required") ? "coverage.csv" : "backtest.csv"
    var files = FuzzPlanReport.folder
    files.removeAll { $0.name == name }
    files.append((name, bytes))
    FuzzInput.checked {
        let report = try PlanReportFiles(folder: "plan", files: files)
            .report(history: nil, calendar: EventCalendar(), clock: size % 2 == 0 ? .naive : FuzzFixtures.berlin)
        _ = report.html(level: "80%")
    }
    return 0
}

enum FuzzPlanReport {
    /// A plan of one morning (08:00-09:00 on 2025-03-03, 15-minute intervals): forecast, coverage, backtest,
    /// and two agents' shifts.
    static let folder: [(name: String, bytes: [UInt8])] = [
        ("forecast.csv", """
            timestamp,volume,lower,upper,aht
            2025-03-03T08:00:00,20,12,30,240
            2025-03-03T08:15:00,25,15,36,240
            2025-03-03T08:30:00,30,20,41,240
            2025-03-03T08:45:00,28,18,40,240

            """),
        ("coverage.csv", """
            timestamp,required,scheduled,gap,service_level,asa,cause
            2025-03-03T08:00:00,2,2,0,0.81,12.5,
            2025-03-03T08:15:00,3,2,-1,0.55,40.1,too few agents
            2025-03-03T08:30:00,3,3,0,0.83,10.2,
            2025-03-03T08:45:00,3,3,0,0.8,13,

            """),
        ("backtest.csv", """
            model,fold,origin,wape,chosen
            average-4w,1,2025-02-10,0.21,false
            average-4w,2,2025-02-17,0.25,false
            combo-mean,1,2025-02-10,0.18,true
            combo-mean,2,2025-02-17,,true

            """),
        ("schedule.csv", """
            agent,date,shift,activity,start,end
            ann,2025-03-03,early,work,2025-03-03T08:00:00,2025-03-03T08:30:00
            ann,2025-03-03,early,break,2025-03-03T08:30:00,2025-03-03T08:45:00
            bob,2025-03-03,early,work,2025-03-03T08:00:00,2025-03-03T09:00:00

            """),
    ].map { ($0.0, Array($0.1.utf8)) }
}

@main
enum FuzzPlanReportMain {
    static func main() { FuzzDriver.run(fuzzPlanReport) }
}
