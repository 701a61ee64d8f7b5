import ShiftcastCore
import ShiftcastScheduling

/// The Coverage file of SPEC section 3: `timestamp`, `required`, `scheduled` (agents at work, not on a
/// break), `gap` (`scheduled - required`), one row per interval of the requirements.
public enum CoverageFile {
    /// - Complexity: O(intervals).
    public static func csvBytes(_ result: ShiftMixResult) -> [UInt8] {
        var writer = CSVWriter(header: ["timestamp", "required", "scheduled", "gap"], capacity: result.curve.count * 40)
        let grid = result.curve.grid
        for slot in 0..<result.curve.count {
            let required = result.curve.required[slot]
            writer.append(field: WallClock.naive.format(grid.timestamp(at: slot)))
            writer.append(field: required, decimals: 6)
            writer.append(field: result.coverage[slot])
            writer.append(field: Double(result.coverage[slot]) - required, decimals: 6)
            writer.endRow()
        }
        return writer.bytes
    }
}
