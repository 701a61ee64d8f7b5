import ShiftcastCore

/// A break or lunch that shifts must hold, one row of the Breaks file (SPEC section 3).
///
/// The break lasts `duration` and starts inside a window anchored to the shift: with anchor `start`, from
/// `earliest` to `latest` after the shift starts; with anchor `end`, from `earliest` to `latest` before the
/// shift ends (so there `earliest` is the larger offset: "between 3h and 1h before the end"). The rule
/// applies to the shifts of family `shift` (`*`: every family) that are at least `minimumShiftLength` long.
/// Agents on a break do not cover; an unpaid break is not paid.
///
/// The shift mix accounts for breaks with explicit break variables (Aykin 1996) and `BreakPlacement` places
/// them (Docs/Scheduling.md).
public struct BreakRule: Sendable, Equatable {
    public enum Anchor: String, Sendable, CaseIterable {
        case start, end
    }

    /// A field of the rule, for messages that point at the column that is wrong.
    public enum Field: String, Sendable, CaseIterable {
        case shift, activity, duration, anchor, earliest, latest
        case minimumShiftLength = "min_shift_length"
        case paid
    }

    public struct Problem: Sendable, Equatable {
        public var field: Field
        public var message: String
    }

    /// A family name, or `*` for every family.
    public var shift: String
    /// `break`, `lunch`, ...: the Schedule file's `activity`.
    public var activity: String
    /// Seconds, above 0.
    public var duration: Int
    public var anchor: Anchor
    /// Seconds from the anchor (see the type's comment for the direction).
    public var earliest: Int
    public var latest: Int
    /// The rule applies only to shifts at least this long (seconds; 0: every shift).
    public var minimumShiftLength: Int
    public var paid: Bool

    public init(shift: String, activity: String, duration: Int, anchor: Anchor, earliest: Int, latest: Int,
                minimumShiftLength: Int = 0, paid: Bool = true) {
        self.shift = shift
        self.activity = activity
        self.duration = duration
        self.anchor = anchor
        self.earliest = earliest
        self.latest = latest
        self.minimumShiftLength = minimumShiftLength
        self.paid = paid
    }

    /// Whether the rule applies to a shift of `family` lasting `length` seconds.
    public func applies(to family: ShiftFamily, length: Int) -> Bool {
        (shift == "*" || shift == family.name) && length >= minimumShiftLength
    }

    /// The offsets from the shift's start at which the break may start, on a grid of `slotSeconds`, for a
    /// shift of `length` seconds: inside the window and with the whole break inside the shift. Empty when
    /// the window cannot be met.
    /// - Complexity: O(window / slot).
    public func startOffsets(shiftLength length: Int, slotSeconds: Int) -> [Int] {
        let (first, last) = anchor == .start ? (earliest, latest) : (length - earliest, length - latest)
        let low = max(first, 0), high = min(last, length - duration)
        guard low <= high else { return [] }
        let firstOnGrid = (low + slotSeconds - 1) / slotSeconds * slotSeconds
        return Array(stride(from: firstOnGrid, through: high, by: slotSeconds))
    }

    /// Everything that keeps the rule from being met on a grid of `slotSeconds`: a family name no family
    /// has, a duration off the grid or not above 0, a window in the wrong order or off the grid, a break
    /// as long as a shift it applies to or longer, or a window that a shift it applies to cannot meet.
    /// An empty result means the rule is usable.
    /// - Complexity: O(families x lengths x window / slot).
    public func problems(families: [ShiftFamily], slotSeconds: Int) -> [Problem] {
        var found: [Problem] = []
        func add(_ field: Field, _ message: String) { found.append(Problem(field: field, message: message)) }
        func span(_ seconds: Int) -> String { TimeSpan.spelling(seconds: Double(seconds)) }
        let slot = span(slotSeconds)
        let matching = families.filter { shift == "*" || $0.name == shift }
        if matching.isEmpty {
            add(.shift, "shift '\(shift)' is not a family of the Shifts file; expected one of its names or *")
        }
        if duration <= 0 { add(.duration, "duration must be above 0") }
        if duration % slotSeconds != 0 { add(.duration, "duration \(span(duration)) is not a whole number of the requirements' \(slot) intervals") }
        for (field, value) in [(Field.earliest, earliest), (.latest, latest)] where value % slotSeconds != 0 {
            add(field, "\(field.rawValue) \(span(value)) is not a whole number of the requirements' \(slot) intervals")
        }
        if anchor == .start, latest < earliest {
            add(.latest, "latest \(span(latest)) is before earliest \(span(earliest)); after the start, latest is the larger offset")
        }
        if anchor == .end, latest > earliest {
            add(.latest, "latest \(span(latest)) before the end is earlier than earliest \(span(earliest)); before the end, earliest is the larger offset")
        }
        guard found.isEmpty else { return found }
        for family in matching {
            for length in family.lengths where applies(to: family, length: length) {
                if duration >= length {
                    add(.duration, "duration \(span(duration)) is as long as the \(span(length)) shifts of '\(family.name)' or longer")
                    return found
                }
                if startOffsets(shiftLength: length, slotSeconds: slotSeconds).isEmpty {
                    add(.earliest, "the window from \(span(earliest)) to \(span(latest)) \(anchor == .start ? "after the start" : "before the end") "
                        + "cannot hold a \(span(duration)) break in the \(span(length)) shifts of '\(family.name)'")
                    return found
                }
            }
        }
        return found
    }
}

extension BreakRule {
    /// The first (family, length) whose applicable rules cannot all be placed without overlapping, with the
    /// index of the last rule involved, or `nil` when every shift can hold all of its breaks.
    /// - Complexity: O(families x lengths x combinations of break starts).
    public static func firstConflict(_ rules: [BreakRule], families: [ShiftFamily], slotSeconds: Int)
        -> (family: ShiftFamily, length: Int, rule: Int)? {
        for family in families {
            for length in family.lengths {
                let applicable = rules.indices.filter { rules[$0].applies(to: family, length: length) }
                guard applicable.count > 1 else { continue }
                let offsets = applicable.map { rules[$0].startOffsets(shiftLength: length, slotSeconds: slotSeconds) }
                let durations = applicable.map { rules[$0].duration }
                if BreakPlacement.cheapest(offsets: offsets, durations: durations, cost: { _, _ in 0 }) == nil {
                    return (family, length, applicable.last!)
                }
            }
        }
        return nil
    }
}
