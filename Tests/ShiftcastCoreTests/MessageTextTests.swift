import ShiftcastCore
import Testing

@Suite("MessageText")
struct MessageTextTests {
    @Test func quotedValuesAreShortAndOnOneLine() {
        #expect(MessageText.quoted("12,5x") == "'12,5x'")
        #expect(MessageText.quoted("a\r\nb\nc") == "'a\\nb\\nc'")
        #expect(MessageText.quoted(String(repeating: "é", count: 41)) == "'\(String(repeating: "é", count: 40))...'")
    }

    @Test func listsAreCapped() {
        #expect(MessageText.list([]) == "(none)")
        #expect(MessageText.list(["a", "b"]) == "a, b")
        let names = (1...25).map { "c\($0)" }
        #expect(MessageText.list(names) == (1...20).map { "c\($0)" }.joined(separator: ", ") + ", ... (25 in all)")
    }
}
