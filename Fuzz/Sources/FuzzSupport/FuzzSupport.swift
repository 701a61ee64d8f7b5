import Foundation
import Shiftcast

/// What every fuzz target shares: the bytes read as a CSV file, and the error contract of the readers.
///
/// A reader may refuse any input, but only with a `ShiftcastError` whose text is one line (the tool
/// prints it as `error: ...` on one line of standard error). Any other error, a trap, a crash, an
/// allocation over libFuzzer's `-malloc_limit_mb` or a run over `-timeout` is a finding.
public enum FuzzInput {
    /// The file name the readers put in their errors.
    public static let fileName = "fuzz.csv"

    /// Reads `data` as a CSV file and hands the table to `body`; checks whatever `ShiftcastError` is thrown,
    /// on reading or in `body`, and stops the process on anything else. Returns 0, as libFuzzer expects.
    @discardableResult
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: (CSVTable) throws -> Void) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        checked {
            let table = try CSVTable(bytes: bytes, name: fileName)
            try body(table)
        }
        return 0
    }

    /// Runs `body`, accepting a well-formed `ShiftcastError` and nothing else.
    public static func checked(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as ShiftcastError {
            check(error)
        } catch {
            fatalError("not a ShiftcastError: \(type(of: error)): \(error)")
        }
    }

    /// Stops the process when `error` would not print as one `error: FILE...: message` line.
    public static func check(_ error: ShiftcastError) {
        let text = error.description
        guard !text.isEmpty, !text.contains(where: \.isNewline) else {
            fatalError("ShiftcastError is not one line: \(text.debugDescription)")
        }
        guard !error.message.trimmingCharacters(in: .whitespaces).isEmpty else {
            fatalError("ShiftcastError has an empty message: \(text.debugDescription)")
        }
        guard ShiftcastError.Code.allCases.contains(error.code), error.code != .internalFailure else {
            fatalError("ShiftcastError with code \(error.code): \(text.debugDescription)")
        }
    }
}

/// Fixed inputs the targets check fuzzed files against.
public enum FuzzFixtures {
    /// The wall clock of a zone with daylight-saving changes, beside the naive one.
    public static let berlin: WallClock = {
        do { return try WallClock(timeZoneIdentifier: "Europe/Berlin") } catch { fatalError("no Europe/Berlin zone: \(error)") }
    }()

    /// One week of 15-minute slots from Monday 2025-03-03T00:00, with a daily shape of requirements.
    public static let weekCurve: RequirementCurve = {
        let slots = 7 * 96
        let required = (0..<slots).map { slot -> Double in
            let quarter = slot % 96
            return quarter < 28 || quarter > 88 ? 2 : Double(10 + (quarter % 17))
        }
        return try! RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_740_960_000), slotSeconds: 900, required: required)
    }()

    /// The families of Fixtures/shifts-week.csv, for the Breaks and Agents targets.
    public static let weekFamilies: [ShiftFamily] = {
        let text = """
            shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour
            early,*,05:00,09:00,15m,8h,9h,30m,1
            late,*,11:00,16:00,15m,8h,9h,30m,1
            night,*,20:00,01:00,30m,8h,10h,1h,1.25
            part_time,Mon|Tue|Wed|Thu|Fri,07:00,18:00,15m,4h,6h,1h,1

            """
        do {
            let table = try CSVTable(bytes: Array(text.utf8), name: "shifts-week.csv")
            return try ShiftsFile(table: table).families(fitting: weekCurve)
        } catch {
            fatalError("the fixed shifts do not read: \(error)")
        }
    }()
}

/// The libFuzzer driver, started from a target's `@main`.
///
/// SwiftPM links an executable target with `main` pointing at the module's own entry point, so
/// libFuzzer's `main` is never the one that runs; the target's entry point calls the driver instead.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs libFuzzer with the process's arguments and exits with its status.
    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
}

@_extern(c, "LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: FuzzDriver.TestOneInput) -> Int32
