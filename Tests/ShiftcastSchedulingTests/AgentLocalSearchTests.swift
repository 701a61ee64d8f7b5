@testable import ShiftcastScheduling
import Testing

@Suite struct AgentLocalSearchTests {
    /// The table of move percentages splits the draws where the search always has (0.25, 0.35, 0.55, 0.75
    /// and 0.9, to the last bit), so a seeded run keeps its roster.
    @Test func theMoveTableSplitsTheDrawsAtTheSearchsDecimals() {
        #expect(AgentLocalSearch.moveUpperBounds.map(\.below) == [0.25, 0.35, 0.55, 0.75, 0.9, 1])
        let cases: [(draw: Double, move: AgentLocalSearch.Move)] = [
            (0, .add), (0.25.nextDown, .add), (0.25, .drop), (0.35.nextDown, .drop), (0.35, .relocate),
            (0.55.nextDown, .relocate), (0.55, .relocateTwo), (0.75.nextDown, .relocateTwo), (0.75, .relocateGroup),
            (0.9.nextDown, .relocateGroup), (0.9, .transfer), (1.0.nextDown, .transfer),
        ]
        for (draw, move) in cases {
            #expect(AgentLocalSearch.move(for: draw, shiftCount: 3) == move, "draw \(draw)")
        }
    }

    /// An agent without shifts can only take one; one with a single shift relocates it instead of two.
    @Test func theMoveFitsTheAgentsShifts() {
        for draw in [0.3, 0.6, 0.8, 0.95] { #expect(AgentLocalSearch.move(for: draw, shiftCount: 0) == .add) }
        #expect(AgentLocalSearch.move(for: 0.6, shiftCount: 1) == .relocate)
        #expect(AgentLocalSearch.move(for: 0.6, shiftCount: 2) == .relocateTwo)
    }
}
