import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Queue performance")
struct QueuePerformanceTests {
    static func performance(agents: Int) -> QueuePerformance {
        QueuePerformance(agents: agents, traffic: 10, probabilityOfWaiting: 0.17, serviceLevel: 0.89,
                         answerWithin: 20, averageSpeedOfAnswer: 7.8, occupancy: 0.71, probabilityOfAbandoning: nil,
                         isStable: true)
    }

    /// pyworkforce's README: 14 agents at 30% shrinkage are 20 to schedule.
    @Test("scheduled agents = ceil(agents / (1 - shrinkage))", arguments: [
        (14, 0.3, 20), (14, 0.0, 14), (0, 0.5, 0), (1, 0.01, 2), (100, 0.35, 154)])
    func scheduled(agents: Int, shrinkage: Double, scheduled: Int) throws {
        #expect(try Self.performance(agents: agents).scheduledAgents(shrinkage: shrinkage) == scheduled)
    }

    @Test("shrinkage of 100% or outside [0, 1) is rejected", arguments: [1.0, -0.1, .nan, 1.5])
    func rejects(shrinkage: Double) {
        #expect(throws: ShiftcastError.self) { try Self.performance(agents: 14).scheduledAgents(shrinkage: shrinkage) }
    }
}
