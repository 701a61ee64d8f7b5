import Foundation
import ShiftcastCSV
import ShiftcastPlanning
import Testing

/// Values a caller may pass to the library's public types are checked and thrown, never trapped on
/// (issue 9): each of these used to stop the process with a precondition.
@Suite struct ValidationTests {
    func code(_ body: () throws -> Void) -> ShiftcastError.Code? {
        do {
            try body()
            return nil
        } catch let error as ShiftcastError {
            return error.code
        } catch {
            return .internalFailure
        }
    }

    @Test func lengthsSharesAndGridsOutOfRangeThrow() {
        for seconds: Double in [-1, .nan, .infinity, -.infinity] {
            #expect(code { _ = try TimeSpan(seconds: seconds) } == .invalidArgument)
        }
        for value: Double in [-0.01, 1.01, .nan] {
            #expect(code { _ = try Fraction(value) } == .invalidArgument)
        }
        let start = Timestamp(secondsSinceEpoch: 0)
        #expect(code { _ = try TimeGrid(start: start, step: .seconds(0), count: 1) } == .invalidArgument)
        #expect(code { _ = try TimeGrid(start: start, step: .days(-1), count: 1) } == .invalidArgument)
        #expect(code { _ = try TimeGrid(start: start, step: .seconds(900), count: -1) } == .invalidArgument)
        #expect(code { _ = try TimeGrid(start: start, step: .seconds(900), count: 0) } == nil)
        #expect(TimeSpan.days(UInt.max).seconds.isFinite)
        #expect(TimeSpan.spelling(seconds: -90) == "-90.0s")
    }

    @Test func modelSettingsOutOfRangeThrow() {
        #expect(code { _ = try WeeklyAverage(weeks: 0, average: .mean) } == .invalidArgument)
        #expect(code { _ = try DoubleSeasonalHoltWinters(fitWeeks: 2) } == .invalidArgument)
        #expect(code { _ = try ModelCombination(name: "none", members: [], rule: .mean) } == .invalidArgument)
        #expect(ModelCatalog.models.count == ModelCatalog.names.count)
    }

    @Test func aStartOfTheWrongLengthThrows() {
        let program = LinearProgram(rowCount: 1)
        program.addColumn(objective: 1, lower: 0, upper: 5, isInteger: true, rows: [0], coefficients: [1])
        program.setRow(0, lower: 1, upper: 5)
        #expect(code { _ = try program.solve(timeLimit: 5, integer: true, start: [1, 2]) } == .invalidArgument)
        #expect(code { _ = try program.solve(timeLimit: 5, integer: true, start: [1]) } == nil)
    }

    @Test func csvDecimalsOutsideTheirRangeAreClampedAndNoNameIsAnError() throws {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(field: 1.0 / 3, decimals: 40)
        writer.append(field: 2.5, decimals: -3)
        writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "a,b\n0.333333333333333,3\n")
        let table = try CSVTable(bytes: Array("a,b\n1,2\n".utf8), name: "t.csv")
        #expect(code { _ = try table.requireColumn(anyOf: []) } == .invalidArgument)
    }
}

/// The DocC tutorial "Forecast, staff and schedule in twenty lines" shows the example program CI runs:
/// its last step is `Examples/PlanInMemory` byte for byte, and each earlier step the start of it.
@Suite struct TutorialTests {
    @Test func theTutorialsCodeIsTheExampleProgram() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func text(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
        let example = try text("Examples/PlanInMemory/Sources/PlanInMemory/main.swift")
        let resources = "Sources/ShiftcastPlanning/ShiftcastPlanning.docc/Resources/"
        #expect(try text(resources + "plan-03-results.swift") == example)
        for step in ["plan-01-history.swift", "plan-02-request.swift"] {
            let code = try text(resources + step)
            #expect(code.count > 100 && example.hasPrefix(code), "\(step) is not the start of the example")
        }
        #expect(example.split(separator: "\n").count <= 30)
    }
}
