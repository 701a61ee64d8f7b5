import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Service targets")
struct ServiceTargetsTests {
    static func performance(serviceLevel: Double = 0.9, asa: Double = 10, occupancy: Double = 0.8,
                            abandon: Double? = nil) -> QueuePerformance {
        QueuePerformance(agents: 10, traffic: 8, probabilityOfWaiting: 0.3, serviceLevel: serviceLevel,
                         answerWithin: 20, averageSpeedOfAnswer: asa, occupancy: occupancy,
                         probabilityOfAbandoning: abandon, isStable: true)
    }

    @Test("lists each missed target by name, and nothing when all hold")
    func unmet() {
        let targets = ServiceTargets(serviceLevel: 0.8, answerWithin: 20, maxAverageSpeedOfAnswer: 15,
                                     maxOccupancy: 0.85, maxAbandonRate: 0.05)
        #expect(targets.unmet(by: Self.performance(abandon: 0.01)).isEmpty)
        #expect(targets.unmet(by: Self.performance(serviceLevel: 0.79, abandon: 0.01)) == ["service level 80% within 20s"])
        #expect(targets.unmet(by: Self.performance(asa: .infinity, occupancy: 0.9, abandon: 0.06)) ==
            ["average speed of answer at most 15s", "occupancy at most 85%", "abandon rate at most 5%"])
    }

    @Test("a target met to rounding counts as met")
    func slack() {
        let targets = ServiceTargets(maxOccupancy: 0.85)
        #expect(targets.unmet(by: Self.performance(occupancy: 8.5 / 10)).isEmpty)
        #expect(targets.unmet(by: Self.performance(occupancy: 0.85 * (1 + 1e-13))).isEmpty)
        #expect(!targets.unmet(by: Self.performance(occupancy: 0.85 * (1 + 1e-9))).isEmpty)
    }

    @Test("validates ranges", arguments: [
        ServiceTargets(serviceLevel: 0), ServiceTargets(serviceLevel: 1.0001), ServiceTargets(serviceLevel: .nan),
        ServiceTargets(answerWithin: -1), ServiceTargets(answerWithin: .nan),
        ServiceTargets(maxAverageSpeedOfAnswer: -0.1), ServiceTargets(maxAverageSpeedOfAnswer: .infinity),
        ServiceTargets(maxOccupancy: 0), ServiceTargets(maxOccupancy: 1.5), ServiceTargets(maxAbandonRate: -0.1),
        ServiceTargets(maxAbandonRate: .nan)])
    func rejects(targets: ServiceTargets) {
        let error = #expect(throws: ShiftcastError.self) { try targets.validate() }
        #expect(error?.code == .invalidArgument)
    }

    @Test("defaults: no targets, answer within 20 s")
    func defaults() throws {
        let targets = ServiceTargets()
        #expect(targets.isEmpty && targets.answerWithin == 20)
        try targets.validate()
        #expect(!ServiceTargets(maxAbandonRate: 0.1).isEmpty)
    }
}
