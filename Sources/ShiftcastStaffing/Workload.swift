import ShiftcastCore

/// The contacts offered to one queue in one interval.
///
/// `trafficIntensity = volume * averageHandleTime / intervalLength`, in erlangs: the number of agents the work
/// would keep busy all interval long (SPEC section 4).
public struct Workload: Hashable, Sendable {
    /// Contacts offered in the interval; finite and at least 0 (fractions are fine: forecasts are averages).
    public var volume: Double
    /// Average handle time of one contact in seconds (talk, hold and wrap-up); finite, above 0 when there are
    /// contacts. Under `QueueModel.chat` it is the handle time of one chat at that concurrency.
    public var averageHandleTime: Double
    /// Length of the interval in whole seconds, above 0 (as every interval length in Shiftcast: `Int`
    /// seconds, like a ``TimeGrid``'s step and a requirement curve's slot).
    public var intervalLength: Int

    public init(volume: Double, averageHandleTime: Double, intervalLength: Int) {
        self.volume = volume
        self.averageHandleTime = averageHandleTime
        self.intervalLength = intervalLength
    }

    /// Offered load in erlangs, `volume * averageHandleTime / intervalLength`.
    public var trafficIntensity: Double {
        volume == 0 ? 0 : volume * averageHandleTime / Double(intervalLength)
    }

    /// Throws `ShiftcastError(.badData)` unless every field is usable: volume finite and at least 0, interval
    /// length finite and above 0, average handle time finite and above 0 (or any finite value at least 0 when
    /// the volume is 0), and a traffic intensity of at most 10^8 erlangs.
    public func validate() throws {
        guard volume.isFinite, volume >= 0 else {
            throw ShiftcastError(.badData, "volume must be a finite number of contacts, at least 0; got \(volume)")
        }
        guard intervalLength > 0 else {
            throw ShiftcastError(.badData, "interval length must be a whole number of seconds above 0; got \(intervalLength)")
        }
        guard averageHandleTime.isFinite, averageHandleTime >= 0 else {
            throw ShiftcastError(.badData, "average handle time must be a finite number of seconds above 0; got \(averageHandleTime)")
        }
        guard volume == 0 || averageHandleTime > 0 else {
            throw ShiftcastError(.badData, "average handle time must be above 0 seconds when there are contacts; got \(averageHandleTime) for a volume of \(volume)")
        }
        guard trafficIntensity <= 1e8 else {
            throw ShiftcastError(.badData, "traffic \(volume) x \(averageHandleTime)s / \(intervalLength)s is more than 100000000 erlangs; check the volume, handle time and interval length")
        }
    }
}
