@testable import ShiftcastCSV
@testable import ShiftcastIO
import Testing

@Suite("FieldText")
struct FieldTextTests {
    func text(_ field: String) -> String {
        Array(field.utf8).withUnsafeBufferPointer { FieldText.text(base: $0.baseAddress!, start: 0, end: $0.count) }
    }

    @Test func unquotedFieldsAreTrimmed() {
        #expect(text("  a b \t") == "a b")
        #expect(text("") == "")
        #expect(text("5\"") == "5\"")
    }

    @Test func quotedFieldsAreUnescapedAndKeepTheirSpaces() {
        #expect(text("\" a \"") == " a ")
        #expect(text("\"say \"\"hi\"\"\"  ") == "say \"hi\"")
        #expect(text("\"\"\"\"") == "\"")
        #expect(text("\"\"") == "")
    }

    @Test func blank() {
        let blank: (String) -> Bool = { field in
            Array(field.utf8).withUnsafeBufferPointer { FieldText.isBlank(base: $0.baseAddress!, start: 0, end: $0.count) }
        }
        #expect(blank(" \t "))
        #expect(blank("\" \""))
        #expect(!blank(" x "))
    }
}
