import ArgumentParser
import Shiftcast

/// `schedule`'s flags for the service its schedule is projected to give, when its Requirements file came
/// from `staff`: the targets and model staffing used. Shrinkage, when not given, is read from the file
/// itself (``QueueRequirements/impliedShrinkage``).
struct ProjectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Projected service: the service-level target staffing used.", valueName: "fraction"))
    var serviceLevel: Fraction?

    @Option(help: ArgumentHelp("Projected service: the time of that target.", valueName: "duration"))
    var answerWithin: TimeSpan = .seconds(20)

    @Option(help: ArgumentHelp("Projected service: the shrinkage staffing used (default: the largest the file's agents and scheduled_agents allow).", valueName: "fraction"))
    var shrinkage: Fraction?

    @Option(help: ArgumentHelp("Projected service: the mean patience, for Erlang A.", valueName: "duration"))
    var patience: TimeSpan?

    @Option(help: ArgumentHelp("Projected service: chats one agent works at once.", valueName: "K"))
    var concurrency: Int?

    func validate() throws {
        if let shrinkage, shrinkage.value >= 1 { throw ValidationError("--shrinkage must be below 100%; got \(shrinkage).") }
        if let patience, !(patience.seconds > 0 && patience.seconds <= InputLimits.maximumHandleTime) {
            throw ValidationError("--patience must be above 0 and at most 1d; got \(patience).")
        }
        if let concurrency, !(1...InputLimits.maximumConcurrency).contains(concurrency) {
            throw ValidationError("--concurrency must be a whole number from 1 to \(InputLimits.maximumConcurrency); got \(concurrency).")
        }
        if answerWithin.seconds > InputLimits.maximumHandleTime { throw ValidationError("--answer-within must be at most 1d; got \(answerWithin).") }
    }

    /// The policy to judge `requirements` by: the flags' model and targets (80% by default), and their
    /// shrinkage or the one the file implies.
    func policy(for requirements: QueueRequirements) -> StaffingPolicy {
        let model: QueueModel = if let patience { .erlangA(meanPatience: patience.seconds) }
            else if let concurrency { .chat(concurrency: concurrency) } else { .erlangC }
        let targets = ServiceTargets(serviceLevel: serviceLevel?.value ?? 0.8, answerWithin: answerWithin.seconds)
        return StaffingPolicy(method: .queueing(model: model, targets: targets), shrinkage: shrinkage?.value ?? requirements.impliedShrinkage)
    }
}
