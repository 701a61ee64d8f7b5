import Foundation
import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Erlang C")
struct ErlangCTests {
    /// Every figure of every Erlang C row; values below 1e-300 only need to be below 1e-300 too.
    @Test("matches the 60-digit reference to 1e-9 relative in every figure")
    func matchesReference() throws {
        var checked = 0
        for row in Reference.erlang where row["kind"] == "performance" && row["model"] == "C" {
            let performance = try ErlangC.performance(agents: row.integer("agents"),
                                                      traffic: row.workload.trafficIntensity,
                                                      averageHandleTime: row.number("aht")!,
                                                      answerWithin: row.number("answer_within")!)
            for (column, actual, expected) in row.comparisons(performance) {
                #expect(Reference.matches(actual, expected, tolerance: 1e-9), "\(column): \(row) got \(actual)")
            }
            checked += 1
        }
        #expect(checked >= 300)
    }

    @Test("N == A and N < A are unstable: service level 0, infinite ASA, waiting certain, agents always busy",
          arguments: [(10, 10.0), (9, 10.0), (1, 0.5 + 0.5), (50_000, 50_000.0), (1, 49_999.5)])
    func unstable(agents: Int, traffic: Double) throws {
        let performance = try ErlangC.performance(agents: agents, traffic: traffic, averageHandleTime: 180,
                                                  answerWithin: 20)
        #expect(!performance.isStable)
        #expect(performance.serviceLevel == 0)
        #expect(performance.averageSpeedOfAnswer == .infinity)
        #expect(performance.probabilityOfWaiting == 1)
        #expect(performance.occupancy == 1)
    }

    @Test("just above N == A every figure is finite, in range and not NaN")
    func barelyStable() throws {
        let performance = try ErlangC.performance(agents: 10, traffic: 10.nextDown, averageHandleTime: 180,
                                                  answerWithin: 0)
        #expect(performance.isStable)
        #expect(performance.probabilityOfWaiting > 0.999 && performance.probabilityOfWaiting <= 1)
        #expect(performance.serviceLevel > 0 && performance.serviceLevel < 1e-12)
        #expect(performance.averageSpeedOfAnswer.isFinite && performance.averageSpeedOfAnswer > 1e15)
    }

    @Test("zero traffic: nobody waits, service level 1, occupancy 0 even with 0 agents", arguments: [0, 1, 7])
    func zeroTraffic(agents: Int) throws {
        let performance = try ErlangC.performance(agents: agents, traffic: 0, averageHandleTime: 180, answerWithin: 20)
        #expect(performance.probabilityOfWaiting == 0)
        #expect(performance.serviceLevel == 1)
        #expect(performance.averageSpeedOfAnswer == 0)
        #expect(performance.occupancy == 0)
        #expect(performance.isStable)
    }

    @Test("100 000 agents at 50 000 erlangs and 0.01 erlangs: every figure in range")
    func extremes() throws {
        let big = try ErlangC.performance(agents: 100_000, traffic: 50_000, averageHandleTime: 300, answerWithin: 20)
        #expect(big.probabilityOfWaiting == 0 && big.serviceLevel == 1 && big.occupancy == 0.5)
        let small = try ErlangC.performance(agents: 1, traffic: 0.01, averageHandleTime: 300, answerWithin: 20)
        #expect(abs(small.probabilityOfWaiting - 0.01) < 1e-15)   // C(1, A) = A
        #expect(abs(small.averageSpeedOfAnswer - 0.01 * 300 / 0.99) < 1e-12)
        let tiny = try ErlangC.performance(agents: 100_000, traffic: 0.01, averageHandleTime: 300, answerWithin: 20)
        #expect(tiny.probabilityOfWaiting == 0 && tiny.serviceLevel == 1 && tiny.averageSpeedOfAnswer == 0)
    }

    /// More agents never hurt: waiting, ASA fall and service level rises, from N = floor(A) + 1 up.
    @Test("figures are monotone in the number of agents", arguments: [0.3, 7.5, 480, 20_000])
    func monotone(traffic: Double) throws {
        var previous: QueuePerformance?
        var agents = Int(traffic) + 1
        while agents <= Int(traffic + 8 * traffic.squareRoot()) + 10 {
            let performance = try ErlangC.performance(agents: agents, traffic: traffic, averageHandleTime: 200,
                                                      answerWithin: 15)
            if let previous {
                #expect(performance.probabilityOfWaiting <= previous.probabilityOfWaiting)
                #expect(performance.serviceLevel >= previous.serviceLevel * (1 - 1e-15))
                #expect(performance.averageSpeedOfAnswer <= previous.averageSpeedOfAnswer)
            }
            previous = performance
            agents += max(1, Int(traffic.squareRoot() / 4))
        }
    }

    @Test("C(N, A) on its own matches the full evaluation")
    func probabilityOfWaiting() throws {
        #expect(abs(try ErlangC.probabilityOfWaiting(agents: 14, traffic: 10) - 0.174131933595049) < 1e-14)
        #expect(try ErlangC.probabilityOfWaiting(agents: 3, traffic: 5) == 1)
    }

    @Test("rejects invalid input instead of crashing",
          arguments: [(-1, 1.0, 180.0, 20.0), (3, .nan, 180, 20), (3, -1, 180, 20), (3, .infinity, 180, 20),
                      (3, 1, 0, 20), (3, 1, .nan, 20), (3, 1, 180, -1), (3, 1, 180, .infinity)])
    func rejectsInvalid(agents: Int, traffic: Double, handleTime: Double, within: Double) {
        #expect(throws: ShiftcastError.self) {
            try ErlangC.performance(agents: agents, traffic: traffic, averageHandleTime: handleTime, answerWithin: within)
        }
    }
}
