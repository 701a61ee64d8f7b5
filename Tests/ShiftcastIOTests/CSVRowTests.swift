@testable import ShiftcastCSV
import ShiftcastCore
@testable import ShiftcastIO
import Testing

@Suite("CSVRow")
struct CSVRowTests {
    @Test func textTrimsUnquotedFieldsAndKeepsQuotedOnesExactly() throws {
        let row = try table("a,b,c,d\n  q1 ,\" q2 \",\t,\"\"\n").rows[0]
        #expect(row.text(0) == "q1")
        #expect(row.text(1) == " q2 ")
        #expect(row.text(2) == "")
        #expect(row.text(3) == "")
        #expect(!row.isBlank(0))
        #expect(row.isBlank(2))
        #expect(row.isBlank(3))
    }

    @Test(arguments: [
        ("12", 12.0), (" 7 ", 7), ("-0.5", -0.5), ("+3", 3), ("1e3", 1000), ("2.5E-2", 0.025), (".5", 0.5),
        ("5.", 5), ("\"42.25\"", 42.25), ("0", 0), ("00012", 12),
    ])
    func numbers(field: String, value: Double) throws {
        let row = try table("volume\n\(field)\n").rows[0]
        #expect(try row.number(0) == value)
    }

    @Test func decimalCommaOnlyInSemicolonFiles() throws {
        #expect(try table("a;b\n1,5;x\n").rows[0].number(0) == 1.5)
        expectError(.badData, at: "t.csv:2:1", containing: "volume '1,5' is not a number; in a file separated by ',' the decimal mark is '.'") {
            _ = try table("volume\n\"1,5\"\n").rows[0].number(0)
        }
    }

    @Test(arguments: ["abc", "12,5x", "nan", "NaN", "inf", "-Infinity", "0x10", "1 000", "1.2.3", "e5", "1e", "--1", "."])
    func notANumberIsALocatedError(field: String) throws {
        let csv = try table("timestamp;volume\n2025-03-03;1\n2025-03-03;\(field)\n", name: "history.csv")
        let volume = try csv.requireColumn("volume")
        expectError(.badData, at: "history.csv:3:2", containing: "volume '\(field)' is not a number") {
            _ = try csv.rows[1].number(volume)
        }
    }

    @Test func emptyWhereANumberIsNeeded() throws {
        let csv = try table("timestamp,Volume,aht\n2025-03-03,  ,\n", name: "h.csv")
        expectError(.badData, at: "h.csv:2:2", containing: "Volume is empty; expected a number") {
            _ = try csv.rows[0].number(1)
        }
        #expect(try csv.rows[0].optionalNumber(2) == nil)
        #expect(try csv.rows[0].optionalNumber(1) == nil)
    }

    @Test func outOfRange() throws {
        expectError(.badData, at: "t.csv:2:1", containing: "v '1e400' is out of range") {
            _ = try table("v\n1e400\n").rows[0].number(0)
        }
    }

    @Test func longValuesAreShortenedInMessages() throws {
        let long = String(repeating: "x", count: 1000)
        let error = shiftcastError { _ = try table("v\n\(long)\n").rows[0].number(0) }
        #expect(error?.message == "v '\(String(repeating: "x", count: 40))...' is not a number")
    }

    @Test func callerErrorsAreLocatedAtTheField() throws {
        let csv = try table("note,volume\n\"a\nb\",-3\n", name: "h.csv")
        let row = csv.rows[0]
        #expect(row.line == 2)
        #expect(row.line(of: 0) == 2)
        #expect(row.line(of: 1) == 3)
        #expect(row.characterColumn(of: 1) == 4)
        let error = row.error(1, "volume -3 is negative")
        #expect(error == ShiftcastError(.badData, "volume -3 is negative", file: "h.csv", line: 3, column: 2))
        #expect(error.description == "h.csv:3:2: volume -3 is negative")
    }

    @Test func characterColumnCountsCharactersAfterAByteOrderMark() throws {
        let csv = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("é,b\nü,x\n".utf8), name: "t.csv")
        #expect(try csv.requireColumn("é") == 0)
        #expect(csv.rows[0].characterColumn(of: 1) == 3)
    }
}
