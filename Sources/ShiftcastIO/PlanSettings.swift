import Foundation
import ShiftcastCore
import ShiftcastStaffing

/// `plan.json` in a plan folder: what the files alone do not say and `review` needs to judge the plan by
/// its own terms: the staffing policy (model, targets, shrinkage) and whether the schedule repeats.
///
///     {"answer_within": 20, "cyclic": true, "max_occupancy": 0.85, "model": "erlang-c", "service_level": 0.8, "shrinkage": 0.3}
public struct PlanSettings: Sendable, Equatable, Codable {
    /// `erlang-c`, `erlang-a` or `chat`.
    public var model: String
    public var patience: Double?
    public var concurrency: Int?
    public var serviceLevel: Double?
    public var answerWithin: Double
    public var maxAverageSpeedOfAnswer: Double?
    public var maxOccupancy: Double?
    public var maxAbandonRate: Double?
    public var shrinkage: Double
    public var cyclic: Bool

    enum CodingKeys: String, CodingKey {
        case model, patience, concurrency, cyclic, shrinkage
        case serviceLevel = "service_level", answerWithin = "answer_within", maxAverageSpeedOfAnswer = "max_asa"
        case maxOccupancy = "max_occupancy", maxAbandonRate = "max_abandon_rate"
    }

    /// The settings of a queueing policy; `nil` for deferred work, which `review` does not judge.
    public init?(policy: StaffingPolicy, cyclic: Bool) {
        guard case .queueing(let model, let targets) = policy.method else { return nil }
        switch model {
        case .erlangC: self.model = "erlang-c"
        case .erlangA(let meanPatience): self.model = "erlang-a"; patience = meanPatience
        case .chat(let slots): self.model = "chat"; concurrency = slots
        }
        serviceLevel = targets.serviceLevel
        answerWithin = targets.answerWithin
        maxAverageSpeedOfAnswer = targets.maxAverageSpeedOfAnswer
        maxOccupancy = targets.maxOccupancy
        maxAbandonRate = targets.maxAbandonRate
        shrinkage = policy.shrinkage
        self.cyclic = cyclic
    }

    /// The policy these settings describe.
    /// - Throws: `ShiftcastError(.badData)` for a model it does not know or values out of range.
    public func policy(file: String) throws -> StaffingPolicy {
        let queueModel: QueueModel
        switch (model, patience, concurrency) {
        case ("erlang-c", _, _): queueModel = .erlangC
        case ("erlang-a", let patience?, _): queueModel = .erlangA(meanPatience: patience)
        case ("chat", _, let slots?): queueModel = .chat(concurrency: slots)
        default:
            throw ShiftcastError(.badData, "model \(MessageText.quoted(model)) is not erlang-c, erlang-a with a patience, or chat with a concurrency", file: file)
        }
        let targets = ServiceTargets(serviceLevel: serviceLevel, answerWithin: answerWithin, maxAverageSpeedOfAnswer: maxAverageSpeedOfAnswer,
                                     maxOccupancy: maxOccupancy, maxAbandonRate: maxAbandonRate)
        do {
            try queueModel.validate()
            try targets.validate()
        } catch var error as ShiftcastError {
            error.code = .badData
            error.file = file
            throw error
        }
        guard shrinkage >= 0, shrinkage < 1 else {
            throw ShiftcastError(.badData, "shrinkage must be at least 0 and below 1; got \(shrinkage)", file: file)
        }
        return StaffingPolicy(method: .queueing(model: queueModel, targets: targets), shrinkage: shrinkage)
    }

    /// The file's bytes: one JSON object, keys sorted, numbers as Swift prints them.
    public func jsonBytes() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(self)) ?? Data("{}".utf8)) + [UInt8(ascii: "\n")]
    }

    /// Reads `plan.json` from `folder`.
    /// - Throws: `.inputUnavailable` when it is missing, `.badData` when it is not these settings.
    public static func read(folder: String) throws -> PlanSettings {
        let path = (folder as NSString).appendingPathComponent("plan.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShiftcastError(.inputUnavailable, "cannot read the plan's settings; a plan folder written by `shiftcast plan` has it", file: path)
        }
        return try decode(Array(data), file: path)
    }

    /// The settings in `bytes` (the text of a `plan.json`).
    /// - Throws: `.badData` when they are not these settings, or longer than 1 MiB.
    public static func decode(_ bytes: [UInt8], file: String) throws -> PlanSettings {
        guard bytes.count <= 1 << 20, let settings = try? JSONDecoder().decode(PlanSettings.self, from: Data(bytes)) else {
            throw ShiftcastError(.badData, "is not a plan's settings (model, answer_within, shrinkage, cyclic ...)", file: file)
        }
        return settings
    }
}
