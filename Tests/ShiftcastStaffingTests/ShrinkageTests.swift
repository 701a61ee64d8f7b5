import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Shrinkage")
struct ShrinkageTests {
    @Test("the smallest whole S with S x (1 - shrinkage) >= agents", arguments: [
        (14.0, 0.3, 20), (10, 0.5, 20), (10.5, 0.5, 21), (0, 0.9, 0), (7, 0, 7), (3.2, 0, 4), (100, 0.999, 100_000)])
    func scheduled(agents: Double, shrinkage: Double, expected: Int) throws {
        let scheduled = try Shrinkage.scheduledAgents(for: agents, shrinkage: shrinkage)
        #expect(scheduled == expected)
        #expect(Double(scheduled) * (1 - shrinkage) >= agents * (1 - 1e-9))
        if scheduled > 0 { #expect(Double(scheduled - 1) * (1 - shrinkage) < agents) }
    }

    @Test("rejects shrinkage outside [0, 1) and agents that are negative, not finite or beyond counting",
          arguments: [(10.0, 1.0), (10, -0.01), (10, .nan), (-1, 0.3), (.nan, 0.3), (.infinity, 0.3), (1e300, 0.3)])
    func rejects(agents: Double, shrinkage: Double) {
        #expect(throws: ShiftcastError.self) { try Shrinkage.scheduledAgents(for: agents, shrinkage: shrinkage) }
    }
}
