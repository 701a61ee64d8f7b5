import Foundation
import ShiftcastCore
import ShiftcastCSV
import ShiftcastForecasting
import ShiftcastPlanning

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

extension VolumeFile {
    /// Every queue as a ``QueueHistory``, converted in parallel over the cores.
    /// - Throws: the first queue's error (in file order), located at its first row.
    public func queueHistories() throws -> [QueueHistory] {
        let results = ConcurrentResults<Result<QueueHistory, Error>>(count: queues.count)
        DispatchQueue.concurrentPerform(iterations: queues.count) { index in
            let queue = queues[index]
            results[index] = Result {
                QueueHistory(name: queue.name, history: try queue.historySeries(file: name, hasAverageHandleTime: hasAverageHandleTime),
                             datesOnly: datesOnly)
            }
        }
        return try results.values.map { try $0!.get() }
    }
}

extension VolumeFile.Interval {
    /// The interval as staffing and simulation read it, its prediction interval with it.
    public var forecastInterval: ForecastIntervals.Interval {
        ForecastIntervals.Interval(start: start, volume: volume, averageHandleTime: averageHandleTime,
                                   lower: bounds?.lower, upper: bounds?.upper)
    }
}

extension VolumeFile.Queue {
    /// The queue's intervals on its grid, as staffing and simulation read them.
    public var forecastIntervals: ForecastIntervals {
        ForecastIntervals(name: name, intervals: intervals.map(\.forecastInterval), grid: grid)
    }
}
