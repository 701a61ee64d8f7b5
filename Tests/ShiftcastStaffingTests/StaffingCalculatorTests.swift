import Foundation
import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Staffing calculator")
struct StaffingCalculatorTests {
    static let readme = Workload(volume: 100, averageHandleTime: 180, intervalLength: 1800)

    /// pyworkforce's README (Erlang C example): 100 contacts in 30 minutes, AHT 3 minutes, 80% within 20 s,
    /// occupancy at most 85%, shrinkage 30%.
    @Test("reproduces pyworkforce's published Erlang C requirement")
    func pyworkforceErlangC() throws {
        let calculator = StaffingCalculator(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20,
                                                                                     maxOccupancy: 0.85))
        let needed = try calculator.agentsNeeded(for: Self.readme)
        #expect(needed.agents == 14)
        #expect(abs(needed.serviceLevel - 0.888350) < 5e-7)
        #expect(abs(needed.probabilityOfWaiting - 0.174132) < 5e-7)
        #expect(abs(needed.occupancy - 0.714286) < 5e-7)
        #expect(needed.traffic == 10)
        #expect(try needed.scheduledAgents(shrinkage: 0.3) == 20)
    }

    /// The same load under Erlang A with 5 minutes' patience: the README's figures at 14 agents.
    @Test("reproduces pyworkforce's published Erlang A figures at 14 agents")
    func pyworkforceErlangA() throws {
        let calculator = StaffingCalculator(model: .erlangA(meanPatience: 300),
                                            targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20))
        let performance = try calculator.performance(of: Self.readme, agents: 14)
        #expect(abs(performance.probabilityOfWaiting - 0.14526) < 5e-6)
        #expect(abs(performance.probabilityOfAbandoning! - 0.013984) < 5e-7)
        #expect(abs(performance.serviceLevel - 0.916792) < 5e-7)
        #expect(abs(performance.averageSpeedOfAnswer / 60 - 0.069919) < 5e-7)
        // Abandonment lets 13 agents meet 80/20 where Erlang C needs 14.
        #expect(try calculator.agentsNeeded(for: Self.readme).agents == 13)
    }

    /// The fewest agents meeting each reference row's targets, found at 60 digits by scanning N.
    @Test("finds the same minimal N as the 60-digit reference, for Erlang C, Erlang A and chat")
    func matchesReferenceRequirements() throws {
        var checked: [String: Int] = [:]
        for row in Reference.erlang where row["kind"] == "requirement" {
            let calculator = StaffingCalculator(model: row.model, targets: row.targets)
            let needed = try calculator.agentsNeeded(for: row.workload)
            #expect(needed.agents == row.integer("agents"), "\(row) got \(needed.agents)")
            for (column, actual, expected) in row.comparisons(needed) {
                #expect(Reference.matches(actual, expected, tolerance: 1e-7), "\(column): \(row) got \(actual)")
            }
            checked[row["model"], default: 0] += 1
        }
        #expect(checked["C", default: 0] > 80 && checked["A", default: 0] > 80 && checked["chat", default: 0] > 20)
    }

    @Test("occupancy met exactly counts as met: 8.5 erlangs at 85% needs 10 agents, not 11")
    func exactOccupancy() throws {
        let calculator = StaffingCalculator(targets: ServiceTargets(maxOccupancy: 0.85))
        let needed = try calculator.agentsNeeded(for: Workload(volume: 85, averageHandleTime: 180, intervalLength: 1800))
        #expect(needed.agents == 10)
    }

    @Test("chat: N agents are N x K servers of one queue")
    func chat() throws {
        let targets = ServiceTargets(serviceLevel: 0.8, answerWithin: 30)
        let workload = Workload(volume: 600, averageHandleTime: 600, intervalLength: 1800)   // 200 erlangs of chats
        let chat = try StaffingCalculator(model: .chat(concurrency: 3), targets: targets).agentsNeeded(for: workload)
        let servers = try StaffingCalculator(model: .erlangC, targets: targets).agentsNeeded(for: workload).agents
        #expect(chat.agents == (servers + 2) / 3)
        let same = try ErlangC.performance(agents: chat.agents * 3, traffic: 200, averageHandleTime: 600, answerWithin: 30)
        #expect(chat.serviceLevel == same.serviceLevel && chat.occupancy == same.occupancy)
        #expect(chat.occupancy == 200.0 / Double(chat.agents * 3))
    }

    @Test("zero volume needs no agents, whatever the targets", arguments: [
        QueueModel.erlangC, .erlangA(meanPatience: 60), .chat(concurrency: 2)])
    func zeroVolume(model: QueueModel) throws {
        let targets = ServiceTargets(serviceLevel: 0.99, answerWithin: 5, maxAverageSpeedOfAnswer: 1, maxOccupancy: 0.5)
        let needed = try StaffingCalculator(model: model, targets: targets)
            .agentsNeeded(for: Workload(volume: 0, averageHandleTime: 0, intervalLength: 900))
        #expect(needed.agents == 0 && needed.occupancy == 0 && needed.serviceLevel == 1)
        #expect(needed.averageSpeedOfAnswer == 0 && needed.probabilityOfWaiting == 0)
    }

    @Test("every target holds at the answer and one fewer agent misses one", arguments: [
        QueueModel.erlangC, .erlangA(meanPatience: 120), .chat(concurrency: 2)])
    func minimality(model: QueueModel) throws {
        let targets = ServiceTargets(serviceLevel: 0.9, answerWithin: 15, maxAverageSpeedOfAnswer: 12, maxOccupancy: 0.9)
        let calculator = StaffingCalculator(model: model, targets: targets)
        for volume in [1.0, 37, 480, 9_000] {
            let workload = Workload(volume: volume, averageHandleTime: 270, intervalLength: 900)
            let needed = try calculator.agentsNeeded(for: workload)
            #expect(targets.unmet(by: needed).isEmpty)
            if needed.agents > 0 {
                #expect(!targets.unmet(by: try calculator.performance(of: workload, agents: needed.agents - 1)).isEmpty)
            }
        }
    }

    @Test("a target that cannot be met is named in the error", arguments: [
        (ServiceTargets(serviceLevel: 1, answerWithin: 0), QueueModel.erlangC, "service level 100% within 0s",
         ShiftcastError.Code.infeasible),
        (ServiceTargets(serviceLevel: 1, answerWithin: 60), .erlangA(meanPatience: 60), "service level 100% within 60s",
         .infeasible),
        (ServiceTargets(maxAverageSpeedOfAnswer: 0), .erlangC, "average speed of answer at most 0s", .infeasible),
        (ServiceTargets(maxAbandonRate: 0), .erlangA(meanPatience: 60), "abandon rate at most 0%", .infeasible),
    ])
    func impossibleTargets(targets: ServiceTargets, model: QueueModel, phrase: String, code: ShiftcastError.Code) {
        let error = #expect(throws: ShiftcastError.self) {
            try StaffingCalculator(model: model, targets: targets).agentsNeeded(for: Self.readme)
        }
        #expect(error?.code == code)
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "")")
    }

    @Test("a load beyond 100 000 agents names the target it cannot meet", arguments: [
        (ServiceTargets(serviceLevel: 0.8), QueueModel.erlangC, "service level 80% within 20s"),
        (ServiceTargets(maxOccupancy: 0.85), .erlangC, "occupancy at most 85%"),
        (ServiceTargets(maxAbandonRate: 0.05), .erlangA(meanPatience: 60), "abandon rate at most 5%"),
        (ServiceTargets(maxAverageSpeedOfAnswer: 1e-9), .erlangC, "average speed of answer at most 1e-09s"),
    ])
    func beyondMaximum(targets: ServiceTargets, model: QueueModel, phrase: String) {
        let load = Workload(volume: 120_000 * 2, averageHandleTime: 900, intervalLength: 1800)   // 120 000 erlangs
        let error = #expect(throws: ShiftcastError.self) {
            try StaffingCalculator(model: model, targets: targets).agentsNeeded(for: load)
        }
        #expect(error?.code == .badData)
        #expect(error?.message.contains(phrase) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("100000 agents") == true, "\(error?.message ?? "")")
    }

    @Test("100 000 agents at 50 000 erlangs and 0.01 erlangs are within reach")
    func domainCorners() throws {
        let calculator = StaffingCalculator(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8))
        let big = Workload(volume: 50_000 * 1800 / 180, averageHandleTime: 180, intervalLength: 1800)
        #expect(try calculator.agentsNeeded(for: big).agents > 50_000)
        #expect(try calculator.performance(of: big, agents: 100_000).serviceLevel == 1)
        let small = Workload(volume: 0.1, averageHandleTime: 180, intervalLength: 1800)   // 0.01 erlangs
        #expect(try calculator.agentsNeeded(for: small).agents == 1)
        let erlangA = StaffingCalculator(model: .erlangA(meanPatience: 90), targets: ServiceTargets(serviceLevel: 0.8))
        // Overloaded, abandonment does part of the work: 80% are answered within 20 s with 40 645 agents, while
        // 18.7% abandon (checked against the 60-digit closed forms: 41 000 agents give 0.81972).
        let withAbandonment = try erlangA.agentsNeeded(for: big)
        #expect(withAbandonment.agents == 40_645, "\(withAbandonment)")
        #expect(try erlangA.agentsNeeded(for: small).agents == 1)
    }

    /// A grid over the whole domain and beyond: no figure is ever NaN, negative or above 1 (ASA may be +infinity
    /// only for an unstable Erlang C queue), and searches either answer or throw.
    @Test("no NaN, negative or out-of-range figure anywhere in the domain", arguments: [
        QueueModel.erlangC, .erlangA(meanPatience: 0.001), .erlangA(meanPatience: 30), .erlangA(meanPatience: 86_400),
        .chat(concurrency: 4)])
    func figuresStayInRange(model: QueueModel) throws {
        for traffic in [0, 1e-9, 0.01, 0.7, 13, 999.5, 50_000, 99_999, 1e6] {
            for handleTime in [1.0, 180, 86_400] {
                let workload = Workload(volume: traffic * 900 / handleTime, averageHandleTime: handleTime,
                                        intervalLength: 900)
                for within in [0.0, 20, 1e7] {
                    let calculator = StaffingCalculator(model: model, targets: ServiceTargets(
                        serviceLevel: 0.8, answerWithin: within, maxOccupancy: 0.9))
                    for agents in Set([0, 1, Int(min(traffic, 1e6)), Int(min(traffic, 1e6)) + 1, 100_000]) {
                        let performance = try calculator.performance(of: workload, agents: agents)
                        let shares = [performance.probabilityOfWaiting, performance.serviceLevel, performance.occupancy,
                                      performance.probabilityOfAbandoning ?? 0]
                        #expect(shares.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(model) \(workload) \(agents): \(performance)")
                        #expect(performance.averageSpeedOfAnswer >= 0 && !performance.averageSpeedOfAnswer.isNaN)
                        #expect(performance.averageSpeedOfAnswer.isFinite || !performance.isStable)
                    }
                    do {
                        let needed = try calculator.agentsNeeded(for: workload)
                        #expect(calculator.targets.unmet(by: needed).isEmpty)
                    } catch let error as ShiftcastError {
                        #expect(error.code == .badData && traffic >= 50_000, "\(error)")
                    }
                }
            }
        }
    }

    @Test("no target, or an abandon target without patience, is a command-line error")
    func missingTargets() {
        #expect(throws: ShiftcastError(.invalidArgument, "no target given: set a service level, an average speed of answer, a maximum occupancy or a maximum abandon rate")) {
            try StaffingCalculator().agentsNeeded(for: Self.readme)
        }
        let error = #expect(throws: ShiftcastError.self) {
            try StaffingCalculator(model: .erlangC, targets: ServiceTargets(maxAbandonRate: 0.05)).agentsNeeded(for: Self.readme)
        }
        #expect(error?.code == .invalidArgument && error?.message.contains("Erlang A") == true)
    }

    @Test("NaN, infinite and negative inputs are rejected with an error, never a crash", arguments: [
        Workload(volume: .nan, averageHandleTime: 180, intervalLength: 1800),
        Workload(volume: -1, averageHandleTime: 180, intervalLength: 1800),
        Workload(volume: .infinity, averageHandleTime: 180, intervalLength: 1800),
        Workload(volume: 10, averageHandleTime: .nan, intervalLength: 1800),
        Workload(volume: 10, averageHandleTime: 0, intervalLength: 1800),
        Workload(volume: 10, averageHandleTime: -180, intervalLength: 1800),
        Workload(volume: 10, averageHandleTime: 180, intervalLength: 0),
        Workload(volume: 10, averageHandleTime: 180, intervalLength: -900),
        Workload(volume: 1e300, averageHandleTime: 1e300, intervalLength: 1),
    ])
    func rejectsInvalidWorkloads(workload: Workload) {
        for model in [QueueModel.erlangC, .erlangA(meanPatience: 60), .chat(concurrency: 2)] {
            let calculator = StaffingCalculator(model: model, targets: ServiceTargets(serviceLevel: 0.8))
            let needed = #expect(throws: ShiftcastError.self) { try calculator.agentsNeeded(for: workload) }
            #expect(needed?.code == .badData)
            #expect(throws: ShiftcastError.self) { try calculator.performance(of: workload, agents: 5) }
        }
    }

    @Test("invalid targets, models and agent counts are command-line errors")
    func rejectsInvalidSettings() {
        let bad: [StaffingCalculator] = [
            StaffingCalculator(targets: ServiceTargets(serviceLevel: .nan)),
            StaffingCalculator(targets: ServiceTargets(serviceLevel: 1.2)),
            StaffingCalculator(targets: ServiceTargets(serviceLevel: 0.8, answerWithin: -1)),
            StaffingCalculator(targets: ServiceTargets(serviceLevel: 0.8, answerWithin: .infinity)),
            StaffingCalculator(targets: ServiceTargets(maxAverageSpeedOfAnswer: -3)),
            StaffingCalculator(targets: ServiceTargets(maxOccupancy: 0)),
            StaffingCalculator(targets: ServiceTargets(maxOccupancy: .nan)),
            StaffingCalculator(model: .erlangA(meanPatience: 60), targets: ServiceTargets(maxAbandonRate: 1.5)),
            StaffingCalculator(model: .erlangA(meanPatience: .nan), targets: ServiceTargets(serviceLevel: 0.8)),
            StaffingCalculator(model: .chat(concurrency: 0), targets: ServiceTargets(serviceLevel: 0.8)),
        ]
        for calculator in bad {
            let error = #expect(throws: ShiftcastError.self) { try calculator.agentsNeeded(for: Self.readme) }
            #expect(error?.code == .invalidArgument)
        }
        for agents in [-1, 10_000_001] {
            #expect(throws: ShiftcastError.self) { try StaffingCalculator().performance(of: Self.readme, agents: agents) }
        }
    }
}
