import Foundation
import Testing

/// `shiftcast export --format ics` (issue 11), read back by a small iCalendar reader written here from
/// RFC 5545 alone (it shares no code with the writer): one event per shift with the right start, end and
/// zone across the autumn change, stable UIDs, folded CRLF lines.
@Suite struct ExportCommandTests {
    /// The events of an iCalendar text: each VEVENT's properties (name with parameters, value).
    struct Event { var properties: [String: (parameters: [String: String], value: String)] }

    /// Unfolds the content lines (RFC 5545 3.1) and collects the VEVENTs and the VTIMEZONE's TZID.
    static func read(_ text: String) -> (events: [Event], lines: [String], zone: String?) {
        let physical = text.components(separatedBy: "\r\n")
        var lines: [String] = []
        for line in physical where !line.isEmpty {
            if line.hasPrefix(" "), !lines.isEmpty { lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        var events: [Event] = [], current: Event?, zone: String?, inZone = false
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let head = line[..<colon], value = String(line[line.index(after: colon)...])
            let parts = head.split(separator: ";").map(String.init)
            var parameters: [String: String] = [:]
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { parameters[pair[0]] = pair[1] }
            }
            switch (parts[0], value) {
            case ("BEGIN", "VEVENT"): current = Event(properties: [:])
            case ("END", "VEVENT"): if let event = current { events.append(event) }; current = nil
            case ("BEGIN", "VTIMEZONE"): inZone = true
            case ("END", "VTIMEZONE"): inZone = false
            case ("TZID", _) where inZone: zone = value
            default: current?.properties[parts[0]] = (parameters, value)
            }
        }
        return (events, physical, zone)
    }

    /// The instant of a DATE-TIME property: UTC with `Z`, else local time in its TZID.
    static func instant(_ property: (parameters: [String: String], value: String)) -> Date? {
        let value = property.value
        var components = DateComponents()
        let digits = value.filter(\.isNumber).map { Int(String($0))! }
        guard digits.count == 14 else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        (components.year, components.month, components.day) = (number(0..<4), number(4..<6), number(6..<8))
        (components.hour, components.minute, components.second) = (number(8..<10), number(10..<12), number(12..<14))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = value.hasSuffix("Z") ? TimeZone(identifier: "UTC")! : TimeZone(identifier: property.parameters["TZID"] ?? "")!
        return calendar.date(from: components)
    }

    static let schedule = """
        agent,date,shift,activity,start,end
        A1,2024-10-26,late,work,2024-10-26T22:00:00+02:00,2024-10-27T01:00:00+02:00
        A1,2024-10-26,late,break,2024-10-27T01:00:00+02:00,2024-10-27T01:30:00+02:00
        A1,2024-10-26,late,work,2024-10-27T01:30:00+02:00,2024-10-27T06:00:00+01:00
        A1,2024-10-28,day,work,2024-10-28T08:00:00+01:00,2024-10-28T16:00:00+01:00
        B; x,2024-10-28,day,work,2024-10-28T09:00:00+01:00,2024-10-28T17:00:00+01:00

        """

    func export(_ schedule: String, _ extra: [String]) throws -> (folder: URL, status: Int32, error: String) {
        let folder = try ToolRunner.temporaryFolder()
        try schedule.write(to: folder.appendingPathComponent("schedule.csv"), atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["export", "--schedule", "schedule.csv", "--format", "ics", "--output-folder", "out"] + extra, in: folder)
        return (folder, result.status, result.standardError)
    }

    @Test func oneEventPerShiftAtTheRightInstantsAcrossTheAutumnChange() throws {
        let (folder, status, error) = try export(Self.schedule, ["--timezone", "Europe/Berlin"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(status == 0, "\(error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        #expect(names == ["A1.ics", "B__x.ics"])
        let text = try String(contentsOf: folder.appendingPathComponent("out/A1.ics"), encoding: .utf8)
        let (events, lines, zone) = Self.read(text)
        #expect(zone == "Europe/Berlin")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "a line over 75 octets")
        #expect(events.count == 2)
        // The night shift: 22:00 summer time to 06:00 winter time, nine hours.
        let night = try #require(events.first { $0.properties["SUMMARY"]?.value == "Shift late" })
        let start = try #require(Self.instant(night.properties["DTSTART"]!)), end = try #require(Self.instant(night.properties["DTEND"]!))
        #expect(start == ISO8601DateFormatter().date(from: "2024-10-26T20:00:00Z"))
        #expect(end.timeIntervalSince(start) == 9 * 3600)
        #expect(night.properties["DESCRIPTION"]?.value == "Breaks: break 01:00-01:30")
        #expect(Set(events.map { $0.properties["UID"]!.value }).count == 2)
    }

    @Test func uidsAreStableAndBreaksCanBeEventsAndTimesUTC() throws {
        let first = try export(Self.schedule, [])
        defer { try? FileManager.default.removeItem(at: first.folder) }
        // The day shift moved by an hour within its day keeps its UID, so a calendar updates it.
        let moved = Self.schedule.replacingOccurrences(of: "A1,2024-10-28,day,work,2024-10-28T08:00:00+01:00,2024-10-28T16:00:00+01:00",
                                                       with: "A1,2024-10-28,day,work,2024-10-28T09:00:00+01:00,2024-10-28T17:00:00+01:00")
        let second = try export(moved, ["--breaks-as-events"])
        defer { try? FileManager.default.removeItem(at: second.folder) }
        let before = Self.read(try String(contentsOf: first.folder.appendingPathComponent("out/A1.ics"), encoding: .utf8)).events
        let after = Self.read(try String(contentsOf: second.folder.appendingPathComponent("out/A1.ics"), encoding: .utf8)).events
        #expect(before.allSatisfy { $0.properties["DTSTART"]!.value.hasSuffix("Z") })
        let uids = before.map { $0.properties["UID"]!.value }
        #expect(after.count == 3)  // two shifts and the break
        #expect(Set(uids).isSubset(of: Set(after.map { $0.properties["UID"]!.value })))
        let day = try #require(after.first { $0.properties["SUMMARY"]?.value == "Shift day" })
        #expect(Self.instant(day.properties["DTSTART"]!) == ISO8601DateFormatter().date(from: "2024-10-28T08:00:00Z"))
    }
}
