import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling

/// The Coverage file of SPEC section 3: `timestamp`, `required`, `scheduled` (agents at work, not on a
/// break), `gap` (`scheduled - required`), one row per interval of the requirements; with several named
/// queues, a `queue` column first.
public enum CoverageFile {
    /// - Complexity: O(intervals).
    public static func csvBytes(_ result: ShiftMixResult) -> [UInt8] {
        var writer = CSVWriter(header: ["timestamp", "required", "scheduled", "gap"], capacity: result.curve.count * 40)
        append(result, queue: nil, to: &writer)
        return writer.bytes
    }

    /// Every queue's coverage, in the order given.
    /// - Complexity: O(intervals).
    public static func csvBytes(_ schedules: [QueueSchedule]) -> [UInt8] {
        let hasQueues = schedules.contains { $0.name != nil }
        var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + ["timestamp", "required", "scheduled", "gap"],
                               capacity: schedules.reduce(0) { $0 + $1.result.curve.count } * 48)
        for schedule in schedules { append(schedule.result, queue: hasQueues ? schedule.name ?? "" : nil, to: &writer) }
        return writer.bytes
    }

    private static func append(_ result: ShiftMixResult, queue: String?, to writer: inout CSVWriter) {
        for slot in 0..<result.curve.count {
            if let queue { writer.append(field: queue) }
            let required = result.curve.required[slot]
            writer.append(field: result.curve.formatted(secondsFromStart: slot * result.curve.slotSeconds))
            writer.append(field: required, decimals: 6)
            writer.append(field: result.coverage[slot])
            writer.append(field: Double(result.coverage[slot]) - required, decimals: 6)
            writer.endRow()
        }
    }
}
