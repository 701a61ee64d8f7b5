import ArgumentParser
import Shiftcast

/// The queueing model and targets shared by `erlang` and `staff`.
struct StaffingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Target share of contacts answered within --answer-within (0.8 or 80%).", valueName: "fraction"))
    var serviceLevel: Fraction?

    @Option(help: ArgumentHelp("The time of the service-level target (20s, 1m).", valueName: "duration"))
    var answerWithin: TimeSpan = .seconds(20)

    @Option(name: .customLong("asa"), help: ArgumentHelp("Longest average speed of answer allowed (30s).", valueName: "duration"))
    var maxAverageSpeedOfAnswer: TimeSpan?

    @Option(help: ArgumentHelp("Highest share of time agents may spend handling contacts (85%).", valueName: "fraction"))
    var maxOccupancy: Fraction?

    @Option(help: ArgumentHelp("Mean patience before a caller hangs up: switches to Erlang A (M/M/N+M).", valueName: "duration"))
    var patience: TimeSpan?

    @Option(help: ArgumentHelp("Highest share of contacts allowed to abandon (needs --patience).", valueName: "fraction"))
    var maxAbandon: Fraction?

    @Option(help: ArgumentHelp("Chat: contacts one agent works at once; --aht is the handle time per chat at that concurrency.", valueName: "K"))
    var concurrency: Int?

    @Option(help: ArgumentHelp("Share of paid time not available for contacts; scheduled agents = agents / (1 - shrinkage).", valueName: "fraction"))
    var shrinkage: Fraction = .zero

    func validate() throws {
        if maxAbandon != nil && patience == nil {
            throw ValidationError("--max-abandon needs --patience: abandonment exists only under Erlang A.")
        }
        if let patience, patience.seconds <= 0 {
            throw ValidationError("--patience must be above 0; got \(patience).")
        }
        if let concurrency {
            guard (1...InputLimits.maximumConcurrency).contains(concurrency) else {
                throw ValidationError("--concurrency must be from 1 to \(InputLimits.maximumConcurrency); got \(concurrency).")
            }
            if patience != nil { throw ValidationError("--concurrency and --patience cannot be combined: the chat model has no abandonment.") }
        }
        if shrinkage.value >= 1 {
            throw ValidationError("--shrinkage must be below 100%; got \(shrinkage).")
        }
        if let serviceLevel, serviceLevel.value == 0 {
            throw ValidationError("--service-level must be above 0; got \(serviceLevel).")
        }
        if let maxOccupancy, maxOccupancy.value == 0 {
            throw ValidationError("--max-occupancy must be above 0; got \(maxOccupancy).")
        }
    }

    /// Whether the user named any target; without one, `staff` and `erlang` aim for 80% within 20 s.
    /// `--aht` above 0 and at most ``InputLimits/maximumHandleTime`` (`erlang`, `staff` and `plan`).
    static func validate(aht: TimeSpan) throws {
        guard aht.seconds > 0, aht.seconds <= InputLimits.maximumHandleTime else {
            throw ValidationError("--aht must be above 0 and at most \(TimeSpan.spelling(seconds: InputLimits.maximumHandleTime)); got \(aht).")
        }
    }

    var hasTarget: Bool {
        serviceLevel != nil || maxAverageSpeedOfAnswer != nil || maxOccupancy != nil || maxAbandon != nil
    }

    var model: QueueModel {
        if let patience { return .erlangA(meanPatience: patience.seconds) }
        if let concurrency { return .chat(concurrency: concurrency) }
        return .erlangC
    }

    var targets: ServiceTargets {
        ServiceTargets(
            serviceLevel: serviceLevel?.value ?? (hasTarget ? nil : 0.8),
            answerWithin: answerWithin.seconds,
            maxAverageSpeedOfAnswer: maxAverageSpeedOfAnswer?.seconds,
            maxOccupancy: maxOccupancy?.value,
            maxAbandonRate: maxAbandon?.value)
    }
}
