import ShiftcastCore

/// A family of shifts, one row of the Shifts file (SPEC section 3): on the given weekdays, a shift may
/// start at any time from `earliestStart` to `latestStart` in steps of `startStep`, and last any length
/// from `minimumLength` to `maximumLength` in steps of `lengthStep`. Times of day are seconds since
/// midnight; a window whose latest start is before its earliest runs past midnight (22:00 to 02:00),
/// and any shift may end on the next day.
public struct ShiftFamily: Sendable, Equatable {
    /// A field of the family, for messages that point at the column that is wrong.
    public enum Field: String, Sendable, CaseIterable {
        case days, earliestStart = "earliest_start", latestStart = "latest_start", startStep = "start_step"
        case minimumLength = "min_length", maximumLength = "max_length", lengthStep = "length_step"
        case costPerHour = "cost_per_hour"
    }

    /// A reason the family cannot be used, with the field at fault.
    public struct Problem: Sendable, Equatable {
        public var field: Field
        public var message: String
    }

    public var name: String
    /// ISO weekdays the shifts may start on: 1 Monday ... 7 Sunday.
    public var weekdays: Set<Int>
    /// Seconds since midnight, in [0, 86 400).
    public var earliestStart: Int
    /// Seconds since midnight, in [0, 86 400); before `earliestStart` when the window crosses midnight.
    public var latestStart: Int
    /// Seconds between possible starts, above 0.
    public var startStep: Int
    public var minimumLength: Int
    public var maximumLength: Int
    /// Seconds between possible lengths, above 0.
    public var lengthStep: Int
    /// Cost of one paid agent-hour on a shift of this family, 0 or more.
    public var costPerHour: Double

    public init(name: String, weekdays: Set<Int> = Set(1...7), earliestStart: Int, latestStart: Int, startStep: Int,
                minimumLength: Int, maximumLength: Int, lengthStep: Int, costPerHour: Double = 1) {
        self.name = name
        self.weekdays = weekdays
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.startStep = startStep
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.lengthStep = lengthStep
        self.costPerHour = costPerHour
    }

    /// The start times of day, seconds after the midnight of the day the window opens (values of
    /// 86 400 or more start on the next calendar day); none when `startStep` is not above 0 (a problem
    /// ``problems`` reports).
    public var startOffsets: [Int] {
        guard startStep > 0 else { return [] }
        let last = latestStart >= earliestStart ? latestStart : latestStart + 86_400
        return Array(stride(from: earliestStart, through: last, by: startStep))
    }

    /// The lengths, in seconds, shortest first; none when `lengthStep` is not above 0 (a problem
    /// ``problems`` reports).
    public var lengths: [Int] {
        guard lengthStep > 0 else { return [] }
        return Array(stride(from: minimumLength, through: maximumLength, by: lengthStep))
    }

    /// Everything that keeps the family from being built on a grid of `slotSeconds` intervals: every
    /// start and every length must fall on the grid, lengths must be positive and in order, the window
    /// must not hold a latest start that the step skips, and the cost must be finite and not negative.
    /// An empty result means the family is usable.
    /// - Complexity: O(1).
    public func problems(slotSeconds: Int) -> [Problem] {
        var found: [Problem] = []
        let slot = TimeSpan.spelling(seconds: Double(slotSeconds))
        func add(_ field: Field, _ message: String) { found.append(Problem(field: field, message: message)) }
        if weekdays.isEmpty { add(.days, "names no day; expected Mon|Tue|... or *") }
        if startStep <= 0 { add(.startStep, "start_step must be above 0") }
        if lengthStep <= 0 { add(.lengthStep, "length_step must be above 0") }
        if minimumLength <= 0 { add(.minimumLength, "min_length must be above 0") }
        if maximumLength < minimumLength {
            add(.maximumLength, "max_length \(span(maximumLength)) is below min_length \(span(minimumLength))")
        }
        if maximumLength > 86_400 { add(.maximumLength, "max_length \(span(maximumLength)) is longer than a day") }
        if !costPerHour.isFinite || costPerHour < 0 { add(.costPerHour, "cost_per_hour must be a number, 0 or more") }
        guard found.isEmpty else { return found }
        for (field, value) in [(Field.earliestStart, earliestStart), (.latestStart, latestStart)] where value % slotSeconds != 0 {
            add(field, "\(field.rawValue) \(timeOfDay(value)) is not on the \(slot) grid of the requirements")
        }
        if startStep % slotSeconds != 0 {
            add(.startStep, "start_step \(span(startStep)) is not a whole number of the requirements' \(slot) intervals")
        }
        for (field, value) in [(Field.minimumLength, minimumLength), (.maximumLength, maximumLength), (.lengthStep, lengthStep)]
        where value % slotSeconds != 0 {
            add(field, "\(field.rawValue) \(span(value)) is not a whole number of the requirements' \(slot) intervals")
        }
        let windowLength = (latestStart - earliestStart + 86_400) % 86_400
        if found.isEmpty, windowLength % startStep != 0 {
            add(.latestStart, "latest_start \(timeOfDay(latestStart)) is not reached from earliest_start "
                + "\(timeOfDay(earliestStart)) in steps of \(span(startStep))")
        }
        if found.isEmpty, (maximumLength - minimumLength) % lengthStep != 0 {
            add(.maximumLength, "max_length \(span(maximumLength)) is not reached from min_length "
                + "\(span(minimumLength)) in steps of \(span(lengthStep))")
        }
        return found
    }

    private func span(_ seconds: Int) -> String { TimeSpan.spelling(seconds: Double(seconds)) }
}

/// `HH:MM` (with `:SS` when needed) for seconds since midnight.
func timeOfDay(_ seconds: Int) -> String {
    let value = ((seconds % 86_400) + 86_400) % 86_400
    func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    let text = "\(two(value / 3600)):\(two(value / 60 % 60))"
    return value % 60 == 0 ? text : text + ":\(two(value % 60))"
}
