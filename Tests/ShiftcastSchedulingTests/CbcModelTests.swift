import ShiftcastScheduling
import Testing

@Suite struct CbcModelTests {
    /// min x + y  s.t.  2x + 2y >= 3: the relaxation gives 1.5, integers give 2.
    func program() -> LinearProgram {
        let program = LinearProgram(rowCount: 1)
        program.addColumn(objective: 1, lower: 0, upper: .infinity, isInteger: true, rows: [0], coefficients: [2])
        program.addColumn(objective: 1, lower: 0, upper: .infinity, isInteger: true, rows: [0], coefficients: [2])
        program.setRow(0, lower: 3, upper: .infinity)
        return program
    }

    @Test func integerOptimumAndRelaxation() throws {
        let integer = try program().solve(timeLimit: 5, integer: true)
        #expect(integer.status == .optimal)
        #expect(abs(integer.objective - 2) < 1e-9)
        #expect(abs(integer.bound - 2) < 1e-6)
        let relaxed = try program().solve(timeLimit: 5, integer: false)
        #expect(relaxed.status == .optimal)
        #expect(abs(relaxed.objective - 1.5) < 1e-9)
    }

    @Test func infeasibleProgramsSaySo() throws {
        let program = LinearProgram(rowCount: 1)
        program.addColumn(objective: 1, lower: 0, upper: 1, isInteger: true, rows: [0], coefficients: [1])
        program.setRow(0, lower: 2, upper: 2)
        #expect(try program.solve(timeLimit: 5, integer: true).status == .infeasible)
    }
}
