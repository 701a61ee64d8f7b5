import Foundation
@testable import ShiftcastScheduling
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

/// Relaxations keep their time limit, by either of their two ways (issue 12): CBC hands a program without
/// integer columns to Clp with no limit at all.
@Suite struct RelaxationTimeLimitTests {
    /// A shift-covering program: `rows` intervals with random requirements, `columns` shifts of 16 to 40
    /// intervals at random starts, each costing its length plus a little noise, and every interval's
    /// overstaffing and shortfall paid: degenerate enough to keep a simplex busy for a while.
    func coveringProgram(rows: Int, columns: Int) -> LinearProgram {
        var state: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let program = LinearProgram(rowCount: rows)
        for _ in 0..<columns {
            let length = 16 + next(25), start = next(rows - length)
            program.addColumn(objective: Double(length) + Double(next(100)) / 100, lower: 0, upper: .infinity,
                              isInteger: true, rows: Array(start..<(start + length)),
                              coefficients: Array(repeating: 1, count: length))
        }
        for row in 0..<rows {
            program.addColumn(objective: 0.5, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [-1])
            program.addColumn(objective: 60, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [1])
            let required = Double(next(200))
            program.setRow(row, lower: required, upper: required)
        }
        return program
    }

    @Test func bothWaysStopAtTheirLimitAndAgreeOnTheOptimum() {
        let program = coveringProgram(rows: 3_000, columns: 60_000)
        let clock = ContinuousClock()
        // Stopped before the optimum, which takes either way longer than 0.01 s; the loading and (the way
        // CBC goes) the presolve, which do not look at the clock, are what `uninterruptibleSeconds`
        // estimates; a second more for a test machine busy with the other suites.
        for solve in [program.solveRelaxation, program.solveRelaxationWithoutPresolve] {
            let began = clock.now
            let stopped = solve(0.01)
            #expect(stopped.status == .noSolution)
            #expect(clock.now - began < .seconds(0.01 + program.uninterruptibleSeconds + 1))
        }
        let asCBC = program.solveRelaxation(timeLimit: 120)
        let dual = program.solveRelaxationWithoutPresolve(timeLimit: 120)
        #expect(asCBC.status == .optimal && dual.status == .optimal)
        #expect(abs(asCBC.objective - dual.objective) <= 1e-6 * abs(dual.objective))
    }

    @Test func anInfeasibleRelaxationSaysSo() throws {
        let program = LinearProgram(rowCount: 1)
        program.addColumn(objective: 1, lower: 0, upper: 1, isInteger: false, rows: [0], coefficients: [1])
        program.setRow(0, lower: 2, upper: 2)
        #expect(try program.solve(timeLimit: 5, integer: false).status == .infeasible)
        #expect(try program.solve(timeLimit: 1e-9, integer: false).status != .optimal)
    }
}

/// A solve leaves the process's standard output alone (issue 9): a host printing from another thread
/// while Clp solves a relaxation, or CBC an integer program, finds all of its lines, and none of the
/// solvers' ("N slacks added", which `ClpSimplex::initialSolve` prints whatever the log level when it
/// chooses its sprint method). Each runs in a process of its own (`SolverOutputProbe`), so that the other
/// suites' output cannot mix with what it reads.
@Suite struct SolverOutputTests {
    @Test(arguments: ["relaxation", "integer"])
    func anotherThreadsOutputDuringASolveIsKept(_ kind: String) throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("SolverOutputProbe")
        probe.arguments = [kind]
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("solver-output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        probe.standardOutput = try FileHandle(forWritingTo: output)
        try probe.run()
        probe.waitUntilExit()
        #expect(probe.terminationStatus == 0)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.last == "probe status optimal" || lines.last == "probe status feasible", "\(lines.suffix(3))")
        #expect(Set(lines).isSuperset(of: (0..<400).map { "host line \($0)" }))
        let solver = lines.filter { !$0.hasPrefix("host line ") && !$0.hasPrefix("probe status ") }
        #expect(solver.isEmpty, "\(solver.prefix(5))")
    }
}
