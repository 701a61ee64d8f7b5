import Foundation
import ShiftcastCore

/// A schedule in the tools agents look at: one iCalendar file (RFC 5545) per agent, one event per shift
/// (`shiftcast export --format ics`).
///
/// - A shift is an agent's consecutive rows of one date and shift family in the Schedule file; its
///   event runs from the first row's start to the last row's end, its breaks listed in the description,
///   or, with `breaksAsEvents`, as events of their own.
/// - UIDs are stable: a hash of the agent, the date, the family and the shift's number that day, so a
///   schedule exported again updates the events a calendar has (a shift moved within its day keeps its
///   UID) rather than adding copies.
/// - Times are UTC (`20250303T070000Z`) on a naive clock; under a time zone they are local times with
///   `TZID` and a `VTIMEZONE` giving every change of offset the shifts cross (daylight saving).
/// - Lines end in CRLF and are folded at 75 octets; text is escaped (`\\`, `\;`, `\,`, `\n`).
public enum AgentCalendars {
    /// One shift of one agent, with its breaks.
    struct Shift {
        var date: String, family: String, ordinal: Int
        var span: Range<Timestamp>
        var breaks: [(activity: String, span: Range<Timestamp>)]
    }

    /// The calendar files: a name (`AGENT.ics`, the agent's name made safe for a file system) and bytes,
    /// one per agent, in order of first appearance.
    /// - Parameter stamp: the `DTSTAMP` of every event (when the export was made).
    public static func files(_ work: ScheduleFile.Work, clock: WallClock, breaksAsEvents: Bool, stamp: Timestamp)
        -> [(name: String, bytes: [UInt8])] {
        var order: [String] = [], rowsByAgent: [String: [ScheduleFile.Row]] = [:]
        for row in work.rows {
            if rowsByAgent[row.agent] == nil { order.append(row.agent) }
            rowsByAgent[row.agent, default: []].append(row)
        }
        var used: Set<String> = []
        return order.map { agent in
            var name = fileName(agent)
            while used.contains(name.lowercased()) { name += "_" }
            used.insert(name.lowercased())
            let calendar = document(agent: agent, shifts: shifts(of: rowsByAgent[agent]!), clock: clock,
                                    breaksAsEvents: breaksAsEvents, stamp: stamp)
            return (name + ".ics", Array(calendar.utf8))
        }
    }

    /// The agent's rows grouped into shifts: consecutive in time, of one date and family.
    static func shifts(of rows: [ScheduleFile.Row]) -> [Shift] {
        var shifts: [Shift] = []
        var ordinals: [String: Int] = [:]
        for row in rows.sorted(by: { $0.span.lowerBound < $1.span.lowerBound }) {
            if var last = shifts.last, last.date == row.date, last.family == row.shift, last.span.upperBound == row.span.lowerBound {
                last.span = last.span.lowerBound..<row.span.upperBound
                if row.activity != "work" { last.breaks.append((row.activity, row.span)) }
                shifts[shifts.count - 1] = last
                continue
            }
            let key = row.date + "\u{1f}" + row.shift
            ordinals[key, default: 0] += 1
            shifts.append(Shift(date: row.date, family: row.shift, ordinal: ordinals[key]!, span: row.span,
                                breaks: row.activity == "work" ? [] : [(row.activity, row.span)]))
        }
        return shifts
    }

    static func document(agent: String, shifts: [Shift], clock: WallClock, breaksAsEvents: Bool, stamp: Timestamp) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shiftcast//Shiftcast schedule//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escaped("Shifts of \(agent)")]
        if let zone = clock.timeZone, let first = shifts.map(\.span.lowerBound).min(), let last = shifts.map(\.span.upperBound).max() {
            lines += timeZone(zone, from: first, to: last)
        }
        for shift in shifts {
            let uid = "shiftcast-" + hash(agent, shift.date, shift.family, String(shift.ordinal))
            let breaks = shift.breaks.map { "\($0.activity) \(timeOfDay($0.span.lowerBound, clock))-\(timeOfDay($0.span.upperBound, clock))" }
            lines += event(uid: uid, summary: "Shift \(shift.family)", span: shift.span, clock: clock, stamp: stamp,
                           description: breaksAsEvents || breaks.isEmpty ? nil : "Breaks: " + breaks.joined(separator: ", "))
            if breaksAsEvents {
                for (index, pause) in shift.breaks.enumerated() {
                    lines += event(uid: uid + "-break-\(index + 1)", summary: pause.activity.capitalized, span: pause.span, clock: clock,
                                   stamp: stamp, description: nil)
                }
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    private static func event(uid: String, summary: String, span: Range<Timestamp>, clock: WallClock, stamp: Timestamp,
                              description: String?) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:\(uid)@shiftcast", "DTSTAMP:" + utc(stamp),
                     dateTime("DTSTART", span.lowerBound, clock), dateTime("DTEND", span.upperBound, clock), "SUMMARY:" + escaped(summary)]
        if let description { lines.append("DESCRIPTION:" + escaped(description)) }
        lines += ["TRANSP:OPAQUE", "END:VEVENT"]
        return lines
    }

    /// `DTSTART:20250303T070000Z`, or `DTSTART;TZID=Europe/Berlin:20250303T080000` under a time zone.
    private static func dateTime(_ name: String, _ instant: Timestamp, _ clock: WallClock) -> String {
        guard let zone = clock.timeZone else { return "\(name):" + utc(instant) }
        return "\(name);TZID=\(zone.identifier):" + compact(clock.civil(at: instant))
    }

    private static func utc(_ instant: Timestamp) -> String {
        compact(CivilDateTime(secondsSinceEpoch: instant.secondsSinceEpoch)) + "Z"
    }

    private static func compact(_ civil: CivilDateTime) -> String {
        civil.formatted().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    private static func timeOfDay(_ instant: Timestamp, _ clock: WallClock) -> String {
        let text = clock.civil(at: instant).formatted()
        return String(text.dropFirst(11).prefix(5))
    }

    /// The `VTIMEZONE` of `zone` over `first ... last`: the offset in force at the start, then each change.
    private static func timeZone(_ zone: TimeZone, from first: Timestamp, to last: Timestamp) -> [String] {
        func date(_ instant: Timestamp) -> Date { Date(timeIntervalSince1970: TimeInterval(instant.secondsSinceEpoch)) }
        func offset(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+", magnitude = abs(seconds)
            return sign + String(format: "%02d%02d", magnitude / 3600, magnitude / 60 % 60)
        }
        func observance(_ at: Date, from: Int, to: Int, dtstart: String) -> [String] {
            let kind = zone.isDaylightSavingTime(for: at) ? "DAYLIGHT" : "STANDARD"
            return ["BEGIN:\(kind)", "DTSTART:" + dtstart, "TZOFFSETFROM:" + offset(from), "TZOFFSETTO:" + offset(to), "END:\(kind)"]
        }
        let start = date(first), end = date(last)
        var current = zone.secondsFromGMT(for: start)
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        lines += observance(start, from: current, to: current, dtstart: "19700101T000000")
        var cursor = start
        while let change = zone.nextDaylightSavingTimeTransition(after: cursor), change <= end {
            let next = zone.secondsFromGMT(for: change)
            // The change's moment on the clock before it, as RFC 5545 wants an observance's DTSTART.
            let local = CivilDateTime(secondsSinceEpoch: Int64(change.timeIntervalSince1970) + Int64(current))
            lines += observance(change, from: current, to: next, dtstart: compact(local))
            current = next
            cursor = change
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// A content line folded at 75 octets, never inside a UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var parts: [String] = [], current = "", octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (parts.isEmpty ? 75 : 74) {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }

    /// FNV-1a (64 bits) of the fields, in hexadecimal: the same on every run and platform.
    private static func hash(_ fields: String...) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fields.joined(separator: "\u{1f}").utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }

    /// The agent's name as a file name: letters, digits, `-`, `_` and `.` kept, anything else `_`.
    private static func fileName(_ agent: String) -> String {
        let safe = String(agent.prefix(100).map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        return safe.isEmpty || safe.hasPrefix(".") ? "agent" + safe : safe
    }
}
