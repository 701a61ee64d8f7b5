import ShiftcastCore
@testable import ShiftcastStaffing
import Testing

/// Staffing for the forecast's uncertainty (issue 10): the fewest agents whose service level, expected
/// over the volume's normal law (contacts-weighted), meets the target; never fewer than at the mean.
@Suite struct UncertainStaffingTests {
    let calculator = StaffingCalculator(model: .erlangC, targets: ServiceTargets(serviceLevel: 0.8, answerWithin: 20))
    let workload = Workload(volume: 100, averageHandleTime: 180, intervalLength: 900)

    /// The expected service level of `agents` over 20 equiprobable points of Normal(100, sd), cut at 0.
    func expected(agents: Int, standardDeviation: Double) throws -> Double {
        var contacts = 0.0, inTime = 0.0
        for index in 1...20 {
            let p = (Double(index) - 0.5) / 20
            let z = p >= 0.5 ? StudentT.normalQuantile(p) : -StudentT.normalQuantile(1 - p)
            var outcome = workload
            outcome.volume = max(0, workload.volume + standardDeviation * z)
            guard outcome.volume > 0 else { continue }
            contacts += outcome.volume
            inTime += outcome.volume * (try calculator.performance(of: outcome, agents: agents).serviceLevel)
        }
        return inTime / contacts
    }

    @Test func withoutSpreadItIsThePointForecastsStaffing() throws {
        #expect(try calculator.agentsNeeded(for: workload, volumeStandardDeviation: 0) == calculator.agentsNeeded(for: workload))
    }

    @Test(arguments: [5.0, 15.0, 30.0])
    func theFewestAgentsWhoseExpectedServiceMeetsTheTarget(standardDeviation: Double) throws {
        let atMean = try calculator.agentsNeeded(for: workload).agents
        let chosen = try calculator.agentsNeeded(for: workload, volumeStandardDeviation: standardDeviation).agents
        #expect(chosen >= atMean)
        #expect(try expected(agents: chosen, standardDeviation: standardDeviation) >= 0.8)
        if chosen > atMean { #expect(try expected(agents: chosen - 1, standardDeviation: standardDeviation) < 0.8) }
        if standardDeviation >= 15 { #expect(chosen > atMean, "a wide interval adds agents") }
    }

    @Test func anEightyPercentIntervalGivesItsStandardDeviation() throws {
        // Normal(100, 10): its 80% interval is 100 -+ 12.8155.
        let spread = try VolumeUncertainty(level: 0.8).standardDeviation(lower: 100 - 12.815515655446, upper: 100 + 12.815515655446)
        #expect(abs(spread - 10) < 1e-9)
        #expect(throws: ShiftcastError.self) { _ = try VolumeUncertainty(level: 1) }
    }
}
