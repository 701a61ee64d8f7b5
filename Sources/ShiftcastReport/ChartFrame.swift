import ShiftcastCore

/// The drawing area of a chart: an SVG of `width` x `height` user units with room for the axes, and the
/// linear scales from data to that area.
struct ChartFrame {
    var width = 1200.0
    var height = 300.0
    var left = 64.0
    var right = 16.0
    var top = 28.0
    var bottom = 40.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// A linear map from `domain` to `range` (a flat domain maps to the range's start).
    struct Scale {
        var domain: ClosedRange<Double>
        var range: ClosedRange<Double>
        var reversed = false

        func callAsFunction(_ value: Double) -> Double {
            let span = domain.upperBound - domain.lowerBound
            let share = span > 0 ? (value - domain.lowerBound) / span : 0
            let from = reversed ? range.upperBound : range.lowerBound, to = reversed ? range.lowerBound : range.upperBound
            return from + share * (to - from)
        }
    }

    /// Values upward from the bottom of the plot.
    func yScale(_ domain: ClosedRange<Double>) -> Scale { Scale(domain: domain, range: top...(height - bottom), reversed: true) }

    /// Values rightward across the plot.
    func xScale(_ domain: ClosedRange<Double>) -> Scale { Scale(domain: domain, range: left...(width - right)) }

    /// Opens the chart's `<svg>`: sized by its view box, so it scales to the page, with a label for screen
    /// readers. Close with `markup.close("svg")`.
    func open(_ markup: inout Markup, chart: String, label: String) {
        markup.open("svg", [("class", "chart"), ("data-chart", chart), ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
                            ("role", "img"), ("aria-label", label)])
    }

    /// The value axis at the left: gridlines and labels at round values, and the axis title.
    func valueAxis(_ markup: inout Markup, scale: Scale, title: String, format: (Double) -> String = { Self.grouped($0) }) {
        markup.open("g", [("class", "axis y")])
        for tick in Self.ticks(scale.domain) {
            let y = Self.number(scale(tick))
            markup.element("line", [("class", "grid"), ("x1", Self.number(left)), ("x2", Self.number(width - right)), ("y1", y), ("y2", y)])
            markup.element("text", [("x", Self.number(left - 6)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end")], text: format(tick))
        }
        markup.element("text", [("class", "axis-title"), ("x", Self.number(left)), ("y", "14")], text: title)
        markup.close("g")
    }

    /// The time axis at the bottom: a line at midnight, labelled with the day, on at most fourteen days
    /// (every day of a fortnight, every other day of a month, ...).
    func timeAxis(_ markup: inout Markup, scale: Scale) {
        markup.open("g", [("class", "axis x")])
        let firstDay = Int64((scale.domain.lowerBound / 86_400).rounded(.up)), lastDay = Int64((scale.domain.upperBound / 86_400).rounded(.down))
        let days = max(0, lastDay - firstDay + 1)
        let every = max(1, (days + 13) / 14)
        for day in stride(from: firstDay, through: lastDay, by: Int(every)) {
            let x = Self.number(scale(Double(day * 86_400)))
            markup.element("line", [("class", "day"), ("x1", x), ("x2", x), ("y1", Self.number(top)), ("y2", Self.number(height - bottom))])
            if Double(day * 86_400) < scale.domain.upperBound {
                markup.element("text", [("x", x), ("y", Self.number(height - bottom + 16)), ("dx", "4")],
                               text: Self.dayLabel(CivilDateTime(secondsSinceEpoch: day * 86_400)))
            }
        }
        markup.close("g")
    }

    /// Times of day every two hours under a plot whose x scale runs over the seconds of a day.
    func hourLabels(_ markup: inout Markup, scale: Scale) {
        for hour in stride(from: 0, through: 24, by: 2) {
            markup.element("text", [("x", Self.number(scale(Double(hour * 3600)))), ("y", Self.number(height - bottom + 16)),
                                    ("text-anchor", "middle")], text: (hour < 10 ? "0" : "") + "\(hour):00")
        }
    }

    /// A legend at the top right: a swatch and a label per entry (each swatch a CSS class).
    func legend(_ markup: inout Markup, _ entries: [(swatch: String, label: String)]) {
        markup.open("g", [("class", "legend")])
        var x = width - right
        for entry in entries.reversed() {
            x -= Double(entry.label.count) * 7 + 26
            markup.element("rect", [("class", "swatch " + entry.swatch), ("x", Self.number(x)), ("y", "6"), ("width", "12"), ("height", "12")])
            markup.element("text", [("x", Self.number(x + 16)), ("y", "16")], text: entry.label)
        }
        markup.close("g")
    }

    /// About six round values (1, 2 or 5 times a power of ten apart) covering `domain`.
    static func ticks(_ domain: ClosedRange<Double>) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return [domain.lowerBound] }
        let raw = span / 5
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? power * 10
        var tick = (domain.lowerBound / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= domain.upperBound + step * 1e-9 {
            ticks.append(tick)
            tick += step
        }
        return ticks
    }

    /// The top of a value axis for data up to `maximum`: the first tick step at or above it (1 for no data).
    static func roundedTop(_ maximum: Double) -> Double {
        guard maximum > 0, maximum.isFinite else { return 1 }
        let ticks = ticks(0...maximum)
        guard ticks.count > 1 else { return maximum }
        let step = ticks[1] - ticks[0]
        return (maximum / step).rounded(.up) * step
    }

    /// A coordinate with at most one decimal: enough at 1200 units, and a third the bytes of full precision.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        let whole = Int64(tenths)
        return whole % 10 == 0 ? String(whole / 10) : (whole < 0 && whole > -10 ? "-" : "") + "\(whole / 10).\(abs(whole % 10))"
    }

    /// `12 345` or `3.5`: a value for a label, thousands grouped with a thin space.
    static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        guard rounded < 1e15 else { return value < 0 ? "-∞" : "∞" }
        let whole = Int64(rounded / scale)
        var digits = String(whole), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = (value < 0 && rounded > 0 ? "-" : "") + groups.joined(separator: "\u{2009}")
        if decimals > 0 {
            let fraction = String(Int64(rounded) - whole * Int64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fraction.isFinite ? grouped(fraction * 100, decimals: decimals) + "%" : "-"
    }

    /// `Mon 03-03`.
    static func dayLabel(_ time: CivilDateTime) -> String {
        let f = time.fields
        return weekday(time) + " " + twoDigits(f.month) + "-" + twoDigits(f.day)
    }

    /// `Mon 2025-03-03 08:30`.
    static func timeLabel(_ time: CivilDateTime) -> String {
        weekday(time) + " " + time.formatted(dateOnly: true) + " " + clock(time)
    }

    /// `08:30`.
    static func clock(_ time: CivilDateTime) -> String {
        let f = time.fields
        return twoDigits(f.hour) + ":" + twoDigits(f.minute)
    }

    static func weekday(_ time: CivilDateTime) -> String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][time.isoWeekday - 1] }

    private static func twoDigits(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
}
