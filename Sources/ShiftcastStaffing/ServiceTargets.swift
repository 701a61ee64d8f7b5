import ShiftcastCore

/// What a staffing level must achieve. Every target that is set must hold; unset targets are ignored.
public struct ServiceTargets: Hashable, Sendable {
    /// Least share of contacts answered within `answerWithin`, in (0, 1]; `0.8` for "80/20".
    public var serviceLevel: Double?
    /// The `t` of the service level, in seconds, finite and at least 0. Default 20.
    public var answerWithin: Double
    /// Greatest average speed of answer, in seconds, finite and at least 0.
    public var maxAverageSpeedOfAnswer: Double?
    /// Greatest occupancy, in (0, 1].
    public var maxOccupancy: Double?
    /// Greatest share of contacts that abandon, in [0, 1]; Erlang A only.
    public var maxAbandonRate: Double?

    public init(serviceLevel: Double? = nil, answerWithin: Double = 20, maxAverageSpeedOfAnswer: Double? = nil,
                maxOccupancy: Double? = nil, maxAbandonRate: Double? = nil) {
        self.serviceLevel = serviceLevel
        self.answerWithin = answerWithin
        self.maxAverageSpeedOfAnswer = maxAverageSpeedOfAnswer
        self.maxOccupancy = maxOccupancy
        self.maxAbandonRate = maxAbandonRate
    }

    /// True when no target is set.
    public var isEmpty: Bool {
        serviceLevel == nil && maxAverageSpeedOfAnswer == nil && maxOccupancy == nil && maxAbandonRate == nil
    }

    /// Throws `ShiftcastError(.invalidArgument)` for a value outside its range (see each property).
    public func validate() throws {
        guard answerWithin.isFinite, answerWithin >= 0 else {
            throw ShiftcastError(.invalidArgument, "answer-within time must be a finite number of seconds, at least 0; got \(answerWithin)")
        }
        if let serviceLevel, !(serviceLevel > 0 && serviceLevel <= 1) {
            throw ShiftcastError(.invalidArgument, "service level target must be above 0 and at most 100%; got \(serviceLevel)")
        }
        if let asa = maxAverageSpeedOfAnswer, !(asa.isFinite && asa >= 0) {
            throw ShiftcastError(.invalidArgument, "average speed of answer target must be a finite number of seconds, at least 0; got \(asa)")
        }
        if let occupancy = maxOccupancy, !(occupancy > 0 && occupancy <= 1) {
            throw ShiftcastError(.invalidArgument, "occupancy target must be above 0 and at most 100%; got \(occupancy)")
        }
        if let abandon = maxAbandonRate, !(abandon >= 0 && abandon <= 1) {
            throw ShiftcastError(.invalidArgument, "abandon rate target must be from 0 to 100%; got \(abandon)")
        }
    }

    /// The targets `performance` misses, each as a phrase naming the target (empty when all hold).
    ///
    /// Comparisons allow a relative 1e-12, so a target met exactly (85% occupancy from 8.5 erlangs on 10 agents)
    /// counts as met despite rounding.
    public func unmet(by performance: QueuePerformance) -> [String] {
        var missed: [String] = []
        let slack = 1e-12
        if let target = serviceLevel, performance.serviceLevel < target * (1 - slack) {
            missed.append(serviceLevelPhrase)
        }
        if let target = maxAverageSpeedOfAnswer, performance.averageSpeedOfAnswer > target * (1 + slack) {
            missed.append(averageSpeedOfAnswerPhrase)
        }
        if let target = maxOccupancy, performance.occupancy > target * (1 + slack) {
            missed.append(occupancyPhrase)
        }
        if let target = maxAbandonRate, (performance.probabilityOfAbandoning ?? 0) > target * (1 + slack) {
            missed.append(abandonPhrase)
        }
        return missed
    }

    var serviceLevelPhrase: String {
        "service level \(Self.percent(serviceLevel ?? 0)) within \(Self.seconds(answerWithin))"
    }
    var averageSpeedOfAnswerPhrase: String {
        "average speed of answer at most \(Self.seconds(maxAverageSpeedOfAnswer ?? 0))"
    }
    var occupancyPhrase: String { "occupancy at most \(Self.percent(maxOccupancy ?? 0))" }
    var abandonPhrase: String { "abandon rate at most \(Self.percent(maxAbandonRate ?? 0))" }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))s" : "\(value)s"
    }
}
