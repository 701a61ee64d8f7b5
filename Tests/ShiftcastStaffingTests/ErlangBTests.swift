import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Erlang B")
struct ErlangBTests {
    @Test("matches the 60-digit recursion to 1e-12 relative, 0.01 to 50 000 erlangs, up to 100 000 servers")
    func matchesReference() throws {
        var checked = 0
        for row in Reference.erlang where row["kind"] == "performance" && row["model"] == "C" {
            let expected = row.number("erlang_b")!
            let actual = try ErlangB.blockingProbability(servers: row.integer("agents"),
                                                         traffic: row.workload.trafficIntensity)
            #expect(Reference.matches(actual, expected, tolerance: 1e-12), "\(row) got \(actual)")
            checked += 1
        }
        #expect(checked >= 300)
    }

    /// A textbook value: B(10, 5) = (5^10/10!) / sum_{j<=10} 5^j/j! = 0.0183845703...
    @Test("B(10, 5) = 0.0183845703")
    func textbookValue() throws {
        #expect(abs(try ErlangB.blockingProbability(servers: 10, traffic: 5) - 0.018384570336648133) < 1e-15)
    }

    @Test("no servers block everything; no traffic blocks nothing")
    func edges() throws {
        #expect(try ErlangB.blockingProbability(servers: 0, traffic: 3) == 1)
        #expect(try ErlangB.blockingProbability(servers: 0, traffic: 0) == 1)
        #expect(try ErlangB.blockingProbability(servers: 4, traffic: 0) == 0)
        #expect(try ErlangB.blockingProbability(servers: 100_000, traffic: 0.01) == 0)     // underflows: 1e-400000
    }

    @Test("rejects negative servers and traffic that is negative or not finite",
          arguments: [(-1, 1.0), (1, -0.5), (1, .nan), (1, .infinity)])
    func rejectsInvalid(servers: Int, traffic: Double) {
        #expect(throws: ShiftcastError.self) { try ErlangB.blockingProbability(servers: servers, traffic: traffic) }
    }
}
