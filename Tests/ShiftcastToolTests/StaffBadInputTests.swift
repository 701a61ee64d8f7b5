import Foundation
import Testing

/// Every kind of bad input to `shiftcast staff` gets one located line on standard error, the exit code
/// of SPEC section 2, and leaves an existing output file exactly as it was.
@Suite struct StaffBadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var extraArguments: [String] = []
        var status: Int32 = 65
        /// The expected start of the message after `error: `.
        var message: String
        var testDescription: String { name }
    }

    static let header = "timestamp,volume,aht\n"

    static let cases: [Case] = [
        Case(name: "empty file", input: [], message: "forecast.csv:1: is empty"),
        Case(name: "header without volume", input: Array("timestamp,calls\n2025-03-03T08:00,5\n".utf8),
             message: "forecast.csv:1:"),
        Case(name: "non-numeric volume", input: Array((header + "2025-03-03T08:00,12x,180\n").utf8),
             message: "forecast.csv:2:2:"),
        Case(name: "negative volume", input: Array((header + "2025-03-03T08:00,-3,180\n").utf8),
             message: "forecast.csv:2:2: volume '-3' is negative"),
        Case(name: "NaN volume", input: Array((header + "2025-03-03T08:00,NaN,180\n").utf8),
             message: "forecast.csv:2:2:"),
        Case(name: "duplicate timestamp",
             input: Array((header + "2025-03-03T08:00,5,180\n2025-03-03T08:15,5,180\n2025-03-03T08:15,6,180\n").utf8),
             message: "forecast.csv:4:1: 2025-03-03T08:15:00 appears twice (first on line 3)"),
        Case(name: "unsorted rows",
             input: Array((header + "2025-03-03T08:15,5,180\n2025-03-03T08:00,5,180\n").utf8),
             message: "forecast.csv:3:1: 2025-03-03T08:00:00 comes after 2025-03-03T08:15:00 (line 2)"),
        Case(name: "timestamp that does not parse",
             input: Array((header + "2025-03-03T08:00,5,180\n03/03/2025 08:15,5,180\n").utf8),
             message: "forecast.csv:3:1: timestamp '03/03/2025 08:15' is not a timestamp"),
        Case(name: "ragged row", input: Array((header + "2025-03-03T08:00,5\n").utf8), message: "forecast.csv:2:"),
        Case(name: "unterminated quote", input: Array((header + "2025-03-03T08:00,\"5,180\n2025-03-03T08:15,5,180\n").utf8),
             message: "forecast.csv:2:"),
        Case(name: "a 100 MB line",
             input: Array(header.utf8) + [UInt8](repeating: UInt8(ascii: "9"), count: 100 << 20) + Array(",1,180\n".utf8),
             message: "forecast.csv:2:"),
        Case(name: "binary file", input: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xFF, 0x10],
             message: "forecast.csv:1:"),
        Case(name: "target that cannot be met",
             input: Array((header + "2025-03-03T08:00,100,180\n2025-03-03T08:30,900000000,180\n").utf8),
             extraArguments: ["--service-level", "80%"],
             message: "forecast.csv:3:"),
    ]

    @Test(arguments: cases)
    func failsCleanly(_ testCase: Case) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("forecast.csv")
        try Data(testCase.input).write(to: input)
        let existing = folder.appendingPathComponent("requirements.csv")
        let before = Data("an existing file that must survive\n".utf8)
        try before.write(to: existing)

        let result = try ToolRunner.run(["staff", "--forecast", "forecast.csv", "-o", "requirements.csv"] + testCase.extraArguments,
                                        in: folder)

        #expect(result.status == testCase.status, "\(result.standardError)")
        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "expected one line, got: \(result.standardError)")
        #expect(result.standardError.hasPrefix("error: " + testCase.message), "got: \(result.standardError)")
        #expect(try Data(contentsOf: existing) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["forecast.csv", "requirements.csv"])
    }

    @Test func missingInputIs66() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["staff", "--forecast", "nowhere.csv"], in: folder)
        #expect(result.status == 66)
        #expect(result.standardError.hasPrefix("error: nowhere.csv: "))
    }

    @Test func outputInAMissingFolderIs73() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ToolRunner.run(["staff", "--forecast", ToolRunner.fixture("forecast-week.csv"),
                                         "-o", "no/such/folder/requirements.csv"], in: folder)
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.hasPrefix("error: no/such/folder/requirements.csv: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func badFlagIs64() throws {
        let result = try ToolRunner.run(["staff", "--forecast", "x.csv", "--shrinkage", "120%"])
        #expect(result.status == 64)
        let result2 = try ToolRunner.run(["erlang", "--volume", "10", "--aht", "3 fortnights"])
        #expect(result2.status == 64)
    }
}
