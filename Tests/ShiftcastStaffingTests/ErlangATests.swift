import Foundation
import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Erlang A")
struct ErlangATests {
    /// Against the 60-digit closed forms, which the generator itself checks against the birth-death chain
    /// summed state by state (and the service level against uniformization of a tagged contact's chain).
    @Test("matches the 60-digit reference to 1e-7 relative in every figure")
    func matchesReference() throws {
        var checked = 0
        var worst = 0.0
        for row in Reference.erlang where row["kind"] == "performance" && row["model"] == "A" {
            let performance = try ErlangA.performance(agents: row.integer("agents"),
                                                      traffic: row.workload.trafficIntensity,
                                                      averageHandleTime: row.number("aht")!,
                                                      meanPatience: row.number("patience")!,
                                                      answerWithin: row.number("answer_within")!)
            for (column, actual, expected) in row.comparisons(performance) {
                #expect(Reference.matches(actual, expected, tolerance: 1e-7), "\(column): \(row) got \(actual)")
                worst = max(worst, Reference.relativeError(actual, expected))
            }
            checked += 1
        }
        #expect(checked > 300)
        // What the implementation achieves today (1e-7 is the contract; this catches a silent loss of digits).
        #expect(worst < 1e-10)
    }

    /// pyworkforce's README (Erlang A example): 100 contacts in 30 minutes, AHT 3 minutes, patience 5 minutes,
    /// 14 agents, service level target 80% within 20 seconds.
    @Test("reproduces pyworkforce's published Erlang A example")
    func pyworkforceExample() throws {
        let performance = try ErlangA.performance(agents: 14, traffic: 10, averageHandleTime: 180, meanPatience: 300,
                                                  answerWithin: 20)
        #expect(abs(performance.probabilityOfWaiting - 0.14526) < 5e-6)
        #expect(abs(performance.probabilityOfAbandoning! - 0.013984) < 5e-7)
        #expect(abs(performance.serviceLevel - 0.916792) < 5e-7)
        #expect(abs(performance.averageSpeedOfAnswer / 60 - 0.069919) < 5e-7)
    }

    @Test("no agents: everyone waits and abandons after waiting their patience")
    func noAgents() throws {
        let performance = try ErlangA.performance(agents: 0, traffic: 3, averageHandleTime: 180, meanPatience: 90,
                                                  answerWithin: 20)
        #expect(performance.probabilityOfWaiting == 1 && performance.probabilityOfAbandoning == 1)
        #expect(performance.serviceLevel == 0 && performance.occupancy == 0)
        #expect(performance.averageSpeedOfAnswer == 90)
        #expect(performance.isStable)
    }

    @Test("zero traffic: nothing waits or abandons", arguments: [0, 5])
    func zeroTraffic(agents: Int) throws {
        let performance = try ErlangA.performance(agents: agents, traffic: 0, averageHandleTime: 180,
                                                  meanPatience: 90, answerWithin: 20)
        #expect(performance.probabilityOfWaiting == 0 && performance.probabilityOfAbandoning == 0)
        #expect(performance.serviceLevel == 1 && performance.occupancy == 0 && performance.averageSpeedOfAnswer == 0)
    }

    /// With patience far longer than any wait, Erlang A becomes Erlang C.
    @Test("tends to Erlang C as patience grows", arguments: [(14, 10.0), (230, 210), (5_100, 5_000)])
    func erlangCLimit(agents: Int, traffic: Double) throws {
        let a = try ErlangA.performance(agents: agents, traffic: traffic, averageHandleTime: 180, meanPatience: 1e12,
                                        answerWithin: 20)
        let c = try ErlangC.performance(agents: agents, traffic: traffic, averageHandleTime: 180, answerWithin: 20)
        #expect(abs(a.probabilityOfWaiting - c.probabilityOfWaiting) < 1e-6 * c.probabilityOfWaiting)
        #expect(abs(a.serviceLevel - c.serviceLevel) < 1e-6 * c.serviceLevel)
        #expect(abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer) < 1e-6 * c.averageSpeedOfAnswer)
        #expect(a.probabilityOfAbandoning! < 1e-6)
    }

    @Test("overloaded queues stay finite: 100 000 agents or 1 agent at 50 000 erlangs")
    func overload() throws {
        for agents in [1, 25_000, 49_999, 50_000, 100_000] {
            for patience in [1.0, 60, 3_600, 86_400] {
                let performance = try ErlangA.performance(agents: agents, traffic: 50_000, averageHandleTime: 300,
                                                          meanPatience: patience, answerWithin: 20)
                let figures = [performance.probabilityOfWaiting, performance.serviceLevel,
                               performance.averageSpeedOfAnswer, performance.occupancy,
                               performance.probabilityOfAbandoning!]
                #expect(figures.allSatisfy { $0.isFinite && $0 >= 0 }, "agents \(agents) patience \(patience)")
                #expect(performance.probabilityOfWaiting <= 1 && performance.serviceLevel <= 1)
            }
        }
    }

    /// Every figure moves the right way as agents are added, including below the traffic.
    @Test("figures are monotone in the number of agents", arguments: [(0.4, 30.0), (12.0, 300), (900, 60)])
    func monotone(traffic: Double, patience: Double) throws {
        var previous: QueuePerformance?
        for agents in 0...Int(2 * traffic + 8) {
            let performance = try ErlangA.performance(agents: agents, traffic: traffic, averageHandleTime: 240,
                                                      meanPatience: patience, answerWithin: 30)
            if let previous {
                #expect(performance.probabilityOfWaiting <= previous.probabilityOfWaiting * (1 + 1e-12))
                #expect(performance.probabilityOfAbandoning! <= previous.probabilityOfAbandoning! * (1 + 1e-12))
                #expect(performance.serviceLevel >= previous.serviceLevel * (1 - 1e-12))
                if agents > 1 { #expect(performance.occupancy <= previous.occupancy * (1 + 1e-12)) }
            }
            previous = performance
        }
    }

    @Test("rejects a patience that is not a finite number above 0", arguments: [0.0, -5, .nan, .infinity])
    func rejectsInvalidPatience(patience: Double) {
        #expect(throws: ShiftcastError.self) {
            try ErlangA.performance(agents: 3, traffic: 2, averageHandleTime: 180, meanPatience: patience, answerWithin: 20)
        }
    }
}
