import ShiftcastCore
import ShiftcastForecasting

extension VolumeFile.Queue {
    /// The queue's rows as a ``HistorySeries``: whole days on the wall clock, missing intervals known.
    /// - Parameter file: the file's name, to locate errors.
    /// - Throws: `.badData` at the first row when the interval does not divide the day.
    /// - Complexity: O(rows + days x intervals per day).
    public func historySeries(file: String, hasAverageHandleTime: Bool) throws -> HistorySeries {
        do {
            return try HistorySeries(step: grid.step, clock: grid.clock,
                                     rows: intervals.map { ($0.start, $0.volume, $0.averageHandleTime) },
                                     hasAverageHandleTime: hasAverageHandleTime)
        } catch let error as ShiftcastError {
            throw ShiftcastError(error.code, error.message + (name.map { " (queue '\($0)')" } ?? ""),
                                 file: file, line: intervals.first?.line)
        }
    }
}
