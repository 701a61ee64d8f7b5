@testable import ShiftcastCSV
import Foundation
import ShiftcastCore
@testable import ShiftcastIO
import Testing

@Suite("CSVTable")
struct CSVTableTests {
    @Test func readsHeaderAndRows() throws {
        let csv = try table("timestamp,volume\n2025-03-03T08:00,12\n2025-03-03T08:30,15.5\n")
        #expect(csv.header == ["timestamp", "volume"])
        #expect(csv.rowCount == 2)
        #expect(csv.separator == ",")
        #expect(!csv.usesDecimalComma)
        let volume = try csv.requireColumn("volume")
        #expect(try csv.rows.map { try $0.number(volume) } == [12, 15.5])
        #expect(csv.rows.map(\.line) == [2, 3])
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let text = "event,description,uplift\n"
            + "xmas,\"Christmas, \"\"the\"\" peak\",2.5\n"
            + "sale,\"two\nlines\",1.5\n"
            + "launch,plain,3\n"
        let csv = try table(text)
        let description = try csv.requireColumn("description")
        #expect(csv.rows.map { $0.text(description) } == ["Christmas, \"the\" peak", "two\nlines", "plain"])
        // The row after the quoted line break starts on physical line 5, not 4.
        #expect(csv.rows.map(\.line) == [2, 3, 5])
        let uplift = try csv.requireColumn("uplift")
        #expect(csv.rows[1].line(of: uplift) == 4)
        expectError(.badData, at: "t.csv:4:3") {
            _ = try table(text.replacingOccurrences(of: "1.5", with: "x")).rows[1].number(uplift)
        }
    }

    @Test func locatesErrorsAfterQuotedLineBreaksOnPhysicalLines() throws {
        let text = "a,b\n\"1\n2\n3\",4\n5,6,7\n"
        expectError(.badData, at: "t.csv:5:3", containing: "row has 3 fields, expected 2") { _ = try table(text) }
    }

    @Test func stripsByteOrderMark() throws {
        let csv = try CSVTable(bytes: [0xEF, 0xBB, 0xBF] + Array("volume,aht\n1,2\n".utf8), name: "bom.csv")
        #expect(csv.header == ["volume", "aht"])
        #expect(try csv.requireColumn("volume") == 0)
    }

    @Test func readsCRLFAndLoneCRLineEnds() throws {
        for lineEnd in ["\r\n", "\r"] {
            let csv = try table(["a,b", "1,2", "3,\"x\(lineEnd)y\"", "5,6"].joined(separator: lineEnd) + lineEnd)
            #expect(csv.rowCount == 3)
            #expect(csv.rows[0].text(1) == "2")
            #expect(csv.rows[1].text(1) == "x\(lineEnd)y")
            #expect(csv.rows.map(\.line) == [2, 3, 5])
        }
    }

    @Test func lastLineNeedsNoLineBreak() throws {
        let csv = try table("a,b\n1,2")
        #expect(csv.rowCount == 1)
        #expect(csv.rows[0].text(1) == "2")
    }

    @Test func semicolonSeparatorWithDecimalComma() throws {
        let csv = try table("timestamp;volume;aht\n2025-03-03 08:00;12,5;180\n2025-03-03 08:30;1.5;2,25e2\n")
        #expect(csv.separator == ";")
        #expect(csv.usesDecimalComma)
        let volume = try csv.requireColumn("volume"), aht = try csv.requireColumn("aht")
        #expect(try csv.rows.map { try $0.number(volume) } == [12.5, 1.5])
        #expect(try csv.rows.map { try $0.number(aht) } == [180, 225])
    }

    @Test(arguments: [
        ("a,b;c\n1,2;3\n", ","),  // a tie stays with ','
        ("a;b;c,d\n1;2;3,4\n", ";"),
        ("\"a;b\",c\n1,2\n", ","),  // ';' inside quotes does not count
        ("a\n1\n", ","),
    ])
    func separatorRule(text: String, separator: Character) throws {
        #expect(try table(text).separator == separator)
    }

    @Test func findsColumnsByNameInAnyOrderIgnoringUnknownOnes() throws {
        let csv = try table(" Volume ,notes,TIMESTAMP,extra\n12,hello,2025-03-03,x\n")
        #expect(try csv.requireColumn("timestamp") == 2)
        #expect(try csv.requireColumn("volume") == 0)
        #expect(try csv.column("aht") == nil)
        #expect(try csv.requireColumn(anyOf: ["scheduled_agents", "volume"]) == 0)
        #expect(csv.header == ["Volume", "notes", "TIMESTAMP", "extra"])
    }

    @Test func missingColumnListsTheColumnsFound() throws {
        let csv = try table("\n\ntimestamp,calls\n2025-03-03,5\n", name: "history.csv")
        #expect(csv.headerLine == 3)
        expectError(.badData, at: "history.csv:3", containing: "has no column 'volume'; found columns: timestamp, calls") {
            _ = try csv.requireColumn("volume")
        }
        expectError(.badData, at: "history.csv:3", containing: "has no column 'scheduled_agents' or 'required'") {
            _ = try csv.requireColumn(anyOf: ["scheduled_agents", "required"])
        }
    }

    @Test func duplicateColumnIsAnErrorOnlyWhenLookedUp() throws {
        let csv = try table("volume,note,Volume ,note\n1,a,2,b\n")
        expectError(.badData, at: "t.csv:1:3", containing: "has two columns named 'volume' (columns 1 and 3)") {
            _ = try csv.requireColumn("volume")
        }
        expectError(.badData, at: "t.csv:1:3") { _ = try csv.column("VOLUME") }
        #expect(csv.rowCount == 1)  // the duplicate 'note' is never looked up: no error
    }

    @Test func emptyFileReportsTheExpectedHeader() throws {
        for text in ["", "\n\n", "\u{FEFF}", " \r\n;;\n"] {
            let csv = try table(text, name: "empty.csv")
            #expect(csv.header.isEmpty)
            #expect(csv.rowCount == 0)
            expectError(.badData, at: "empty.csv:1", containing: "is empty; expected a header row with a column 'volume'") {
                _ = try csv.requireColumn("volume")
            }
        }
    }

    @Test func headerOnlyHasNoRows() throws {
        let csv = try table("timestamp,volume\n")
        #expect(csv.rowCount == 0)
        #expect(try csv.requireColumn("volume") == 1)
    }

    @Test func skipsBlankLinesAnywhere() throws {
        let csv = try table("\n  \na,b\n\n1,2\n , \n\t\n,\n3,4\n\n")
        #expect(csv.headerLine == 3)
        #expect(csv.rows.map(\.line) == [5, 9])
        #expect(csv.rows.map { $0.text(0) } == ["1", "3"])
    }

    @Test func quotedEmptyFieldsAreNotABlankLine() throws {
        let csv = try table("a,b\n\"\",\n")
        #expect(csv.rowCount == 1)
        #expect(csv.rows[0].isBlank(0))
    }

    @Test func raggedRowWithTooFewFields() throws {
        expectError(.badData, at: "t.csv:3:3", containing: "row has 2 fields, expected 3 as in the header (a, b, c)") {
            _ = try table("a,b,c\n1,2,3\n4,5\n")
        }
        expectError(.badData, at: "t.csv:2:2", containing: "row has 1 field, expected 3") { _ = try table("a,b,c\n4\n") }
    }

    @Test func raggedRowWithTooManyFields() throws {
        expectError(.badData, at: "t.csv:2:3", containing: "row has 4 fields, expected 2 as in the header (a, b)") {
            _ = try table("a,b\n1,2,3,4\n5,6\n")
        }
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() throws {
        expectError(.badData, at: "t.csv:3:2", containing: "the quote that opens this field (character 3) is never closed") {
            _ = try table("a,b\n1,2\n3,\"x,y\n5,6\n7,8\n")
        }
        // The character column counts characters, not bytes.
        expectError(.badData, at: "t.csv:2:3", containing: "(character 6)") { _ = try table("a,b,c\nä,ö🙂,\"x\n") }
        expectError(.badData, at: "t.csv:1:2") { _ = try table("a,\"b\n") }
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        expectError(
            .badData, at: "t.csv:3:1",
            containing: "unexpected 'x' after the closing quote of the field that opens at line 2, character 1"
        ) {
            _ = try table("a,b\n\"one\ntwo\"x,2\n")
        }
        // Spaces after the closing quote are allowed.
        #expect(try table("a,b\n\"one\"  ,2\n").rows[0].text(0) == "one")
    }

    @Test func quoteInsideAnUnquotedFieldIsKept() throws {
        let csv = try table("a,b\n5\" screen,it's \"fine\"\n")
        #expect(csv.rows[0].text(0) == "5\" screen")
        #expect(csv.rows[0].text(1) == "it's \"fine\"")
    }

    @Test func binaryFileIsRefused() throws {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]  // PNG
        bytes += Array(repeating: 0x41, count: 100)
        expectError(.badData, at: "chart.csv:3", containing: "looks like a binary file, not CSV") {
            _ = try CSVTable(bytes: bytes, name: "chart.csv")
        }
        expectError(.badData, at: "t.csv:2", containing: "NUL byte (at byte 7)") {
            _ = try CSVTable(bytes: Array("a,b\n1,".utf8) + [0, 0x32, 0x0A], name: "t.csv")
        }
    }

    @Test func nonUTF8TextIsRefusedWithAHint() throws {
        // "Müller" in Windows-1252: 0xFC is not UTF-8.
        let bytes = Array("agent,shifts\nA1,*\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72] + Array(",*\n".utf8)
        expectError(.badData, at: "agents.csv:3", containing: "byte 0xFC at character 2 is not valid UTF-8") {
            _ = try CSVTable(bytes: bytes, name: "agents.csv")
        }
        expectError(.badData, at: "u16.csv:1", containing: "is UTF-16 text") {
            _ = try CSVTable(bytes: [0xFF, 0xFE, 0x61, 0x00], name: "u16.csv")
        }
    }

    @Test func readsValidMultibyteText() throws {
        let csv = try table("agent,name\nA1,Müller 🙂\n")
        #expect(csv.rows[0].text(1) == "Müller 🙂")
    }

    @Test func tooManyHeaderColumnsIsRefused() throws {
        let header = (0...CSVScanner.maximumColumnCount).map { "c\($0)" }.joined(separator: ",")
        expectError(.badData, at: "t.csv:1:10001", containing: "header row has more than the 10000 columns") { _ = try table(header) }
    }

    /// A 100 MB line is a garbage row or a file whose line breaks are missing: a located error, in
    /// linear time and without copying the line.
    @Test func hundredMegabyteLineIsALocatedError() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/long.csv"
        // One 1 MB chunk, written 100 times: quick to make even in a debug build.
        let piece = Array("2025-01-01T00:00,12.5,240.25 ".utf8)  // 29 bytes, 2 separators
        let piecesPerChunk = 1_000_000 / piece.count
        var pieces = piece
        while pieces.count < piecesPerChunk * piece.count { pieces += pieces }  // doubling: a few copies
        let chunk = Data(pieces[..<(piecesPerChunk * piece.count)])
        let repeats = piecesPerChunk * 100
        FileManager.default.createFile(atPath: path, contents: Data("timestamp,volume,aht\n".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        for _ in 0..<100 { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data([0x0A]))
        try handle.close()

        let fields = repeats * 2 + 1
        expectError(.badData, at: "\(path):2:4", containing: "row has \(fields) fields, expected 3") {
            _ = try CSVTable.read(path: path)
        }
        // The same line as the header (no line breaks at all): too many columns, found without
        // scanning the whole line.
        let headerless = try InputFile.read(path).dropFirst(21)
        expectError(.badData, at: "t.csv:1:10001", containing: "more than the 10000 columns") {
            _ = try CSVTable(bytes: Array(headerless), name: "t.csv")
        }
    }

    @Test func readsAFileAndReportsAMissingOne() throws {
        let folder = try makeTemporaryFolder()
        defer { removeFolder(folder) }
        let path = folder + "/history.csv"
        try "timestamp,volume\n2025-03-03,4\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CSVTable.read(path: path).rowCount == 1)
        expectError(.inputUnavailable, at: folder + "/nope.csv", containing: "cannot read: no such file") {
            _ = try CSVTable.read(path: folder + "/nope.csv")
        }
    }

    @Test func rowsAndForEachRowAgree() throws {
        let csv = try table("a\n1\n2\n3\n")
        var seen: [String] = []
        csv.forEachRow { seen.append($0.text(0)) }
        #expect(seen == csv.rows.map { $0.text(0) })
        #expect(csv.rows.map(\.index) == [0, 1, 2])
    }
}
