/// Short, safe renderings of file content for error messages: a message stays one readable line even
/// when the file holds a 100 MB field or ten thousand columns.
package enum MessageText {
    /// The longest piece of a value shown in a message, in characters.
    package static let maximumValueLength = 40
    /// The most column names listed in a message.
    package static let maximumListedNames = 20

    /// `'value'`, shortened to `'first 40 characters...'`, with line breaks shown as `\n`.
    package static func quoted(_ value: String) -> String {
        let shown = shortened(value)
        var text = "'"
        for character in shown {
            // "\r\n" is one Character, so each line break becomes one `\n`.
            if character.isNewline { text += "\\n" } else { text.append(character) }
        }
        return text + "'"
    }

    /// `a, b, c`, each name shortened, at most 20 names (`... (120 in all)`), `(none)` when empty.
    package static func list(_ names: [String]) -> String {
        if names.isEmpty { return "(none)" }
        let shown = names.prefix(maximumListedNames).map(shortened)
        let text = shown.joined(separator: ", ")
        return names.count > maximumListedNames ? text + ", ... (\(names.count) in all)" : text
    }

    /// The first 40 characters and `...`, or the whole text when shorter; O(40), whatever the length.
    package static func shortened(_ value: String) -> String {
        let head = value.prefix(maximumValueLength)
        return head.endIndex < value.endIndex ? head + "..." : value
    }
}
