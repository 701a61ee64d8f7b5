import Foundation

/// Checks a Schedule file against the rules of its Shifts file (and Breaks file: every applicable break
/// once, inside its window, the rows of a shift tiling it) and recomputes its coverage (agents at work, not
/// on a break) of a
/// Requirements file, sharing no code with the optimizer or the library's readers, so that every
/// scheduling test judges the output as an outside tool would.
///
/// It reads the files' text with its own small CSV split (the test files hold no quoted fields) and its
/// own timestamp arithmetic: a time with a UTC offset (`2024-10-27T02:00:00+01:00`) is an instant for
/// lengths, overlaps and coverage, and its wall-clock part gives the time of day and date that the shift
/// windows are checked against; a time without one is naive wall-clock time.
public struct ScheduleChecker {
    public struct Report {
        /// Every rule broken, one line each; empty for a valid schedule.
        public var violations: [String] = []
        /// Agents at work per requirement interval, recomputed.
        public var coverage: [Int] = []
        public var required: [Double] = []
        public var slotMinutes = 0
        public var agents = 0
        public var shifts = 0
        public var paidHours = 0.0
        /// Distinct (start time of day, length in minutes) pairs used.
        public var distinctShifts = 0
        /// `agent week N` for each agent under their minimum weekly hours in a whole week (with an Agents file).
        public var belowMinimum: [String] = []

        public var underAgentMinutes: Double {
            zip(required, coverage).reduce(0) { $0 + max(0, $1.0 - Double($1.1)) } * Double(slotMinutes)
        }
        public var overAgentMinutes: Double {
            zip(required, coverage).reduce(0) { $0 + max(0, Double($1.1) - $1.0) } * Double(slotMinutes)
        }
        /// The objective of SPEC section 3 for these weights and the families' costs.
        public var costOfPaidHours = 0.0
        public func objective(under: Double, over: Double, distinctPenalty: Double) -> Double {
            under * underAgentMinutes + over * overAgentMinutes + costOfPaidHours + distinctPenalty * Double(distinctShifts)
        }
    }

    struct Family {
        var days: Set<Int>, earliest: Int, latest: Int, startStep: Int, minLength: Int, maxLength: Int, lengthStep: Int, cost: Double
    }

    public static func check(schedule: String, shifts: String, requirements: String, coverage: String? = nil,
                             breaks: String? = nil, agents: String? = nil, cyclic: Bool) -> Report {
        var report = Report()
        func fail(_ message: String) { report.violations.append(message) }

        // Requirements.
        let requirementRows = table(requirements)
        guard let time = requirementRows.header.firstIndex(of: "timestamp"),
              let value = requirementRows.header.firstIndex(of: "scheduled_agents") ?? requirementRows.header.firstIndex(of: "required"),
              requirementRows.rows.count >= 2, let origin = minutes(requirementRows.rows[0][time]),
              let second = minutes(requirementRows.rows[1][time]) else {
            fail("requirements: cannot read")
            return report
        }
        let slot = second - origin
        report.slotMinutes = slot
        let lastStart = minutes(requirementRows.rows.last![time])!
        let count = (lastStart - origin) / slot + 1
        report.required = Array(repeating: 0, count: count)
        for row in requirementRows.rows { report.required[(minutes(row[time])! - origin) / slot] = Double(row[value])! }
        let horizon = count * slot

        // Shift families.
        let shiftRows = table(shifts)
        var families: [String: Family] = [:]
        let h = shiftRows.header
        for row in shiftRows.rows {
            func field(_ name: String) -> String { row[h.firstIndex(of: name)!] }
            let cost = h.firstIndex(of: "cost_per_hour").map { Double(row[$0]) ?? 1 } ?? 1
            families[field("shift")] = Family(
                days: weekdays(field("days")), earliest: clock(field("earliest_start")), latest: clock(field("latest_start")),
                startStep: duration(field("start_step")), minLength: duration(field("min_length")),
                maxLength: duration(field("max_length")), lengthStep: duration(field("length_step")), cost: cost)
        }

        // Break rules, if any: (family or *, activity, duration, anchor is start, earliest, latest, min shift length, paid).
        var rules: [(shift: String, activity: String, duration: Int, fromStart: Bool, earliest: Int, latest: Int, minimum: Int, paid: Bool)] = []
        if let breaks {
            let breakRows = table(breaks)
            let b = breakRows.header
            for row in breakRows.rows {
                func field(_ name: String) -> String { b.firstIndex(of: name).map { row[$0] } ?? "" }
                rules.append((field("shift"), field("activity"), duration(field("duration")), field("anchor").lowercased() == "start",
                              duration(field("earliest")), duration(field("latest")),
                              field("min_shift_length").isEmpty ? 0 : duration(field("min_shift_length")),
                              !["false", "no", "0"].contains(field("paid").lowercased())))
            }
        }

        // Schedule rows, grouped into shifts: an agent's rows with one date and family.
        let scheduleRows = table(schedule)
        let s = scheduleRows.header
        guard ["agent", "date", "shift", "activity", "start", "end"].allSatisfy(s.contains) else {
            fail("schedule: missing columns, has \(s)")
            return report
        }
        report.coverage = Array(repeating: 0, count: count)
        var intervalsByAgent: [String: [(Int, Int)]] = [:]
        // Each agent's shifts: start and end (minutes since the epoch), paid minutes, family, start day.
        var shiftsByAgent: [String: [(start: Int, end: Int, localStart: Int, paid: Int, family: String, line: Int)]] = [:]
        var patterns = Set<[Int]>()
        var groups: [[String]: [(line: Int, activity: String, start: Int, end: Int)]] = [:]
        var localStart: [Int: Int] = [:]  // line: wall-clock minutes of its start
        for (index, row) in scheduleRows.rows.enumerated() {
            func field(_ name: String) -> String { row[s.firstIndex(of: name)!] }
            let line = index + 2
            guard let start = minutes(field("start")), let end = minutes(field("end")), end > start,
                  let local = localMinutes(field("start")) else {
                fail("line \(line): bad start or end"); continue
            }
            localStart[line] = local
            groups[[field("agent"), field("date"), field("shift")], default: []].append((line, field("activity"), start, end))
        }
        for (key, rows) in groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let (agent, date, name) = (key[0], key[1], key[2])
            let parts = rows.sorted { $0.start < $1.start }
            let line = parts[0].line
            for (a, b) in zip(parts, parts.dropFirst()) where a.end != b.start {
                fail("line \(b.line): the rows of \(agent)'s shift on \(date) do not tile it (gap or overlap)")
            }
            let start = parts.first!.start, end = parts.last!.end
            guard let family = families[name] else { fail("line \(line): unknown shift \(name)"); continue }
            let length = end - start
            let local = localStart[parts.first!.line]!
            let startOfDay = ((local % 1440) + 1440) % 1440
            let day = (local - startOfDay) / 1440
            if date != isoDate(day: day) { fail("line \(line): date \(date) is not the start date") }
            let windowEnd = family.latest >= family.earliest ? family.latest : family.latest + 1440
            var allowed = false
            for (offset, opening) in [(startOfDay, day), (startOfDay + 1440, day - 1)]
            where offset >= family.earliest && offset <= windowEnd && (offset - family.earliest) % family.startStep == 0
                && family.days.contains(isoWeekday(day: opening)) {
                allowed = true
            }
            if !allowed { fail("line \(line): start is outside the window or days of \(name)") }
            if length < family.minLength || length > family.maxLength || (length - family.minLength) % family.lengthStep != 0 {
                fail("line \(line): length \(length) minutes is not a length of \(name)")
            }
            // Breaks: the break rows match the applicable rules one to one, each inside its rule's window
            // (two rules may share an activity and duration, so this is a matching, found by backtracking).
            let applicable = rules.filter { ($0.shift == "*" || $0.shift == name) && length >= $0.minimum }
            let breakParts = parts.filter { $0.activity != "work" }
            func fits(_ part: (line: Int, activity: String, start: Int, end: Int), _ rule: Int) -> Bool {
                let r = applicable[rule]
                guard r.activity == part.activity, r.duration == part.end - part.start else { return false }
                let offset = part.start - start
                let (low, high) = r.fromStart ? (r.earliest, r.latest) : (length - r.earliest, length - r.latest)
                return offset >= low && offset <= high
            }
            var used = [Bool](repeating: false, count: applicable.count)
            var assignment = [Int](repeating: -1, count: breakParts.count)
            func match(_ index: Int) -> Bool {
                if index == breakParts.count { return true }
                for rule in applicable.indices where !used[rule] && fits(breakParts[index], rule) {
                    used[rule] = true
                    assignment[index] = rule
                    if match(index + 1) { return true }
                    used[rule] = false
                }
                return false
            }
            var unpaid = 0
            if breakParts.count != applicable.count || !match(0) {
                fail("line \(line): the breaks of \(agent)'s shift on \(date) do not match its break rules one to one inside their windows")
            } else {
                for rule in assignment where !applicable[rule].paid { unpaid += applicable[rule].duration }
            }
            report.shifts += 1
            report.paidHours += Double(length - unpaid) / 60
            report.costOfPaidHours += family.cost * Double(length - unpaid) / 60
            patterns.insert([startOfDay, length])
            intervalsByAgent[agent, default: []].append((start - origin, end - origin))
            shiftsByAgent[agent, default: []].append((start, end, local, length - unpaid, name, line))
            if !cyclic, start < origin || start >= origin + horizon { fail("line \(line): starts outside the horizon") }
            // Coverage: only work rows count.
            for part in parts where part.activity == "work" {
                var t = ((part.start - origin) / slot) * slot
                if t < part.start - origin { t += slot }
                while t < part.end - origin {
                    let position = cyclic ? ((t % horizon) + horizon) % horizon : t
                    if position >= 0, position < horizon { report.coverage[position / slot] += 1 }
                    t += slot
                }
            }
        }
        report.agents = intervalsByAgent.count
        report.distinctShifts = patterns.count
        for (agent, intervals) in intervalsByAgent {
            let sorted = intervals.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.0 < a.1 { fail("agent \(agent): shifts overlap") }
            if cyclic, let first = sorted.first, let last = sorted.last, sorted.count > 1, last.1 - horizon > first.0 {
                fail("agent \(agent): the week's last shift runs into its first when the week repeats")
            }
        }

        // The agents' contracts, if given.
        if let agents {
            // Weeks count from the first interval's date on the wall clock.
            let localOrigin = localMinutes(requirementRows.rows[0][time]) ?? origin
            checkContracts(agents, shiftsByAgent: shiftsByAgent, origin: localOrigin, horizon: horizon, cyclic: cyclic, report: &report)
        }

        // The Coverage file, if given, must match the recomputation.
        if let coverage {
            let coverageRows = table(coverage)
            let c = coverageRows.header
            if coverageRows.rows.count != count { fail("coverage: \(coverageRows.rows.count) rows; expected \(count)") }
            for row in coverageRows.rows {
                guard let t = minutes(row[c.firstIndex(of: "timestamp")!]) else { fail("coverage: bad timestamp"); continue }
                let position = (t - origin) / slot
                let scheduled = Int(row[c.firstIndex(of: "scheduled")!]) ?? -1
                let required = Double(row[c.firstIndex(of: "required")!]) ?? -1
                let gap = Double(row[c.firstIndex(of: "gap")!]) ?? .nan
                if scheduled != report.coverage[position] { fail("coverage: \(row[0]) says \(scheduled) scheduled; recomputed \(report.coverage[position])") }
                if abs(required - report.required[position]) > 1e-6 { fail("coverage: \(row[0]) required \(required) differs from the requirements") }
                if abs(gap - (Double(scheduled) - required)) > 1e-6 { fail("coverage: \(row[0]) gap \(gap) is not scheduled - required") }
            }
        }
        return report
    }

    /// The rules of the Agents file: known agent, allowed family, one shift a start date, weekly paid hours
    /// and days (weeks are seven-day blocks from the horizon's first date), rest between shifts (across the
    /// wrap of a cyclic horizon too), no minute of a shift on an unavailable weekday or date. Agents under
    /// their minimum weekly hours in a whole week are listed in `belowMinimum` (the scheduler reports them),
    /// not counted as violations.
    /// Dates and weeks are those of the wall clock (the times as written, before any offset); rest is
    /// elapsed time between instants.
    static func checkContracts(_ text: String, shiftsByAgent: [String: [(start: Int, end: Int, localStart: Int, paid: Int, family: String, line: Int)]],
                               origin: Int, horizon: Int, cyclic: Bool, report: inout Report) {
        let rows = table(text)
        let h = rows.header
        func value(_ row: [String], _ name: String) -> String { h.firstIndex(of: name).map { $0 < row.count ? row[$0] : "" } ?? "" }
        let firstDay = Int((Double(origin) / 1440).rounded(.down))
        let horizonDays = (origin + horizon - 1) / 1440 - firstDay + 1
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var known = Set<String>()
        for row in rows.rows {
            let agent = value(row, "agent")
            known.insert(agent)
            let allowed = value(row, "shifts")
            let families = allowed.isEmpty || allowed == "*" ? nil : Set(allowed.split(separator: "|").map(String.init))
            let minimum = (Double(value(row, "min_week_hours")) ?? 0) * 60
            let maximum = (Double(value(row, "max_week_hours")) ?? 168) * 60
            let maxDays = Int(value(row, "max_days_per_week")) ?? 7
            let rest = Int(((Double(value(row, "min_rest_hours")) ?? 0) * 60).rounded())
            var offWeekdays = Set<Int>(), offDays = Set<Int>()
            for item in value(row, "unavailable").split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if let weekday = names.firstIndex(of: String(item.lowercased().prefix(3))), item.count <= 9, !item.contains("-") {
                    offWeekdays.insert(weekday + 1)
                } else if let minutes = minutes(item + "T00:00") {
                    offDays.insert(minutes / 1440)
                }
            }
            let shifts = (shiftsByAgent[agent] ?? []).sorted { $0.start < $1.start }
            var paidPerWeek: [Int: Int] = [:], daysPerWeek: [Int: Set<Int>] = [:], startDays = Set<Int>()
            for shift in shifts {
                if let families, !families.contains(shift.family) { report.violations.append("line \(shift.line): \(agent) may not work shift \(shift.family)") }
                let day = Int((Double(shift.localStart) / 1440).rounded(.down))
                if !startDays.insert(day).inserted { report.violations.append("line \(shift.line): \(agent) starts two shifts on \(isoDate(day: day))") }
                let week = (day - firstDay) / 7
                paidPerWeek[week, default: 0] += shift.paid
                daysPerWeek[week, default: []].insert(day)
                for touched in day...((shift.localStart + shift.end - shift.start - 1) / 1440) {
                    let inHorizon = cyclic ? firstDay + ((touched - firstDay) % horizonDays + horizonDays) % horizonDays : touched
                    if offWeekdays.contains(isoWeekday(day: inHorizon)) || offDays.contains(inHorizon) {
                        report.violations.append("line \(shift.line): \(agent) works on \(isoDate(day: inHorizon)), a day they are unavailable")
                    }
                }
            }
            for (week, paid) in paidPerWeek where Double(paid) > maximum + 1e-6 {
                report.violations.append("\(agent): \(paid) paid minutes in week \(week + 1), above max_week_hours")
            }
            for (week, days) in daysPerWeek where days.count > maxDays {
                report.violations.append("\(agent): \(days.count) days in week \(week + 1), above max_days_per_week")
            }
            var week = 0
            while (week + 1) * 7 <= horizonDays {
                let blockStart = (firstDay + week * 7) * 1440
                if blockStart >= origin, blockStart + 7 * 1440 <= origin + horizon, Double(paidPerWeek[week] ?? 0) < minimum - 1e-6 {
                    report.belowMinimum.append("\(agent) week \(week + 1)")
                }
                week += 1
            }
            for (a, b) in zip(shifts, shifts.dropFirst()) where b.start - a.end < rest {
                report.violations.append("line \(b.line): \(agent) rests \(b.start - a.end) minutes before this shift, below min_rest_hours")
            }
            if cyclic, let first = shifts.first, let last = shifts.last, shifts.count > 1, first.start + horizon - last.end < rest {
                report.violations.append("\(agent): rests \(first.start + horizon - last.end) minutes across the wrap of the week, below min_rest_hours")
            }
        }
        for agent in shiftsByAgent.keys where !known.contains(agent) {
            report.violations.append("agent \(agent) is not in the Agents file")
        }
    }

    // MARK: Independent parsing

    static func table(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard let first = lines.first else { return ([], []) }
        let split = { (line: String) in line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        return (split(first).map { $0.lowercased() }, lines.dropFirst().map(split))
    }

    /// Minutes since 1970-01-01T00:00 UTC of `YYYY-MM-DDTHH:MM[:SS][+HH:MM]`: the instant, when the text
    /// has an offset; the wall-clock time read as UTC, when it has none.
    static func minutes(_ text: String) -> Int? {
        guard let local = localMinutes(text) else { return nil }
        return local - offsetMinutes(text)
    }

    /// Minutes since 1970-01-01T00:00 of the wall-clock part of `YYYY-MM-DDTHH:MM[:SS][+HH:MM]`.
    static func localMinutes(_ text: String) -> Int? {
        let wallClock = text.count > 19 ? String(text.prefix(19)) : text
        let digits = wallClock.split(whereSeparator: { "-T :".contains($0) }).compactMap { Int($0) }
        guard digits.count >= 5 else { return nil }
        return daysFromCivil(digits[0], digits[1], digits[2]) * 1440 + digits[3] * 60 + digits[4]
    }

    /// The UTC offset written after the seconds (`+01:00`, `-05:00`), in minutes; 0 when none.
    static func offsetMinutes(_ text: String) -> Int {
        guard text.count >= 25 else { return 0 }
        let suffix = Array(text.suffix(6))
        guard suffix[0] == "+" || suffix[0] == "-", let hours = Int(String(suffix[1...2])), let minutes = Int(String(suffix[4...5])) else { return 0 }
        return (suffix[0] == "-" ? -1 : 1) * (hours * 60 + minutes)
    }

    /// Days since 1970-01-01, by counting (independent of the library's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: components)!.timeIntervalSince1970 / 86_400)
    }

    static func isoDate(day: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func isoWeekday(day: Int) -> Int { ((day % 7 + 7 + 3) % 7) + 1 }  // 1970-01-01 was a Thursday

    static func clock(_ text: String) -> Int {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts[0] * 60 + parts[1]
    }

    static func duration(_ text: String) -> Int {
        let number = Double(text.dropLast())!
        switch text.last! {
        case "m": return Int(number)
        case "h": return Int(number * 60)
        default: return Int(Double(text)! / 60)
        }
    }

    static func weekdays(_ text: String) -> Set<Int> {
        if text == "*" { return Set(1...7) }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        return Set(text.lowercased().split(separator: "|").compactMap { names.firstIndex(of: String($0.prefix(3))).map { $0 + 1 } })
    }
}
