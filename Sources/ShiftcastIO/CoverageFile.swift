import ShiftcastCore
import ShiftcastCSV
import ShiftcastPlanning
import ShiftcastScheduling
import ShiftcastStaffing

/// The Coverage file of SPEC section 3: `timestamp`, `required`, `scheduled` (agents at work, not on a
/// break), `gap` (`scheduled - required`), one row per interval of the requirements; with several named
/// queues, a `queue` column first. When the service is projected (``ProjectedService``: `plan`, whose
/// staffing is known), `service_level` and `asa` follow: what the agents at work give after shrinkage,
/// empty for an interval without a workload (a gap in the forecast) and for an unstable queue's ASA.
/// A schedule's file ends with `cause`: why an interval is short, in the words of the summary, empty
/// where it is not.
public enum CoverageFile {
    /// - Complexity: O(intervals).
    public static func csvBytes(_ result: ShiftMixResult) -> [UInt8] {
        var writer = CSVWriter(header: ["timestamp", "required", "scheduled", "gap"], capacity: result.curve.count * 40)
        append(result, queue: nil, to: &writer)
        return writer.bytes
    }

    /// Every queue's coverage, in the order given.
    /// - Complexity: O(intervals).
    /// - Parameter projections: each schedule's projected service, in the same order; the two columns
    ///   are written when any is given.
    public static func csvBytes(_ schedules: [QueueSchedule], projections: [ProjectedService?] = []) -> [UInt8] {
        let hasQueues = schedules.contains { $0.name != nil }
        let projected = projections.contains { $0 != nil }
        var writer = CSVWriter(header: (hasQueues ? ["queue"] : []) + ["timestamp", "required", "scheduled", "gap"]
                                   + (projected ? ["service_level", "asa"] : []) + ["cause"],
                               capacity: schedules.reduce(0) { $0 + $1.result.curve.count } * 64)
        for (index, schedule) in schedules.enumerated() {
            let projection = projected ? (index < projections.count ? projections[index] : nil) : nil
            var causes: [Int: String] = [:]
            for short in schedule.shortIntervals { causes[short.slot] = short.cause ?? "cause not worked out" }
            append(schedule.result, queue: hasQueues ? schedule.name ?? "" : nil, projection: projection,
                   projected: projected, causes: causes, to: &writer)
        }
        return writer.bytes
    }

    private static func append(_ result: ShiftMixResult, queue: String?, projection: ProjectedService? = nil,
                               projected: Bool = false, causes: [Int: String]? = nil, to writer: inout CSVWriter) {
        var byStart: [Timestamp: QueuePerformance] = [:]
        for interval in projection?.intervals ?? [] { byStart[interval.start] = interval.performance }
        for slot in 0..<result.curve.count {
            if let queue { writer.append(field: queue) }
            let required = result.curve.required[slot]
            writer.append(field: result.curve.formatted(secondsFromStart: slot * result.curve.slotSeconds))
            writer.append(field: required, decimals: 6)
            writer.append(field: result.coverage[slot])
            writer.append(field: Double(result.coverage[slot]) - required, decimals: 6)
            if projected {
                let performance = byStart[result.curve.grid.timestamp(at: slot)]
                writer.append(field: performance?.serviceLevel ?? .nan, decimals: 6)
                writer.append(field: performance?.averageSpeedOfAnswer ?? .nan, decimals: 3)
            }
            if let causes { writer.append(field: causes[slot] ?? "") }
            writer.endRow()
        }
    }
}
