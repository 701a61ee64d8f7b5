/// HTML and SVG written as text, every attribute value and text escaped (HTML Living Standard, section
/// 13.3 "Serializing HTML fragments": `&`, `<`, `>` and `"`), so that a queue, agent or event name from a file
/// can never open a tag or a script.
struct Markup {
    private(set) var text = ""

    /// `<name attributes>`; its content follows until ``close(_:)``.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Self.escaped(value))\"" }
        text += ">"
    }

    mutating func close(_ name: String) { text += "</\(name)>" }

    /// An element with text content (escaped) and, for SVG, a tooltip: a `<title>` child.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String = "", title: String? = nil) {
        open(name, attributes)
        if let title { self.title(title) }
        text += Self.escaped(content)
        close(name)
    }

    /// An SVG tooltip.
    mutating func title(_ content: String) { element("title", text: content) }

    /// Text written as it is: only for markup this program made (the style sheet, the script).
    mutating func raw(_ markup: String) { text += markup }

    mutating func append(_ other: Markup) { text += other.text }

    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        // By scalar, not by Character: `"` followed by a combining mark is one Character that is not `"`.
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
