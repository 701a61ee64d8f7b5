import CClp
import Foundation
import ShiftcastCore

/// A mixed-integer linear program solved by COIN-OR CBC (its integer search) or Clp (its relaxation).
///
/// The program is built here column by column and handed to `CClp`'s C++ drivers in one call, as a
/// column-wise sparse matrix, which is much faster than adding rows one by one for programs of tens of
/// thousands of columns. Nothing in a solve prints or touches the process's standard output.
///
///     let program = LinearProgram(rowCount: 1)
///     program.addColumn(objective: 1, lower: 0, upper: .infinity, isInteger: true, rows: [0], coefficients: [2])
///     program.setRow(0, lower: 3, upper: .infinity)
///     let outcome = try program.solve(timeLimit: 5, integer: true)   // x = 2, objective 2
public final class LinearProgram {
    /// How a solve ended.
    public enum Status: Sendable, Equatable {
        /// The optimum, proven.
        case optimal
        /// A feasible solution, not proven optimal (the time limit stopped the search).
        case feasible
        /// No feasible solution exists.
        case infeasible
        /// The time limit passed before any feasible solution was found.
        case noSolution
    }

    /// What a solve found.
    public struct Outcome: Sendable {
        public var status: Status
        /// Column values; empty unless `status` is `.optimal` or `.feasible`.
        public var values: [Double]
        /// Objective of `values` (minimised).
        public var objective: Double
        /// The best bound on the optimum CBC proved: equal to `objective` when optimal.
        public var bound: Double
        /// Branch-and-bound nodes explored.
        public var nodes: Int

        /// A solve that was not run, or found nothing: no values, no bound.
        public static let notSolved = Outcome(status: .noSolution, values: [], objective: .infinity, bound: -.infinity, nodes: 0)
    }

    private var columnStarts: [Int32] = [0]
    private var rowIndices: [Int32] = []
    private var elements: [Double] = []
    private var columnLower: [Double] = []
    private var columnUpper: [Double] = []
    private var objective: [Double] = []
    private var integerColumns: [Int] = []
    private var rowLower: [Double]
    private var rowUpper: [Double]

    /// An empty program with `rowCount` constraints, each free until `setRow` bounds it.
    public init(rowCount: Int) {
        rowLower = Array(repeating: -.infinity, count: rowCount)
        rowUpper = Array(repeating: .infinity, count: rowCount)
    }

    public var columnCount: Int { objective.count }
    public var rowCount: Int { rowLower.count }
    /// Non-zero coefficients of the constraint matrix.
    public var elementCount: Int { elements.count }

    /// Adds a column (a variable) and returns its index.
    /// - Parameters:
    ///   - rows: the rows it appears in, each once, with `coefficients`.
    /// - Complexity: O(rows.count) amortised.
    @discardableResult
    public func addColumn(objective cost: Double, lower: Double, upper: Double, isInteger: Bool,
                          rows: [Int], coefficients: [Double]) -> Int {
        precondition(rows.count == coefficients.count, "one coefficient per row")
        let index = objective.count
        for (row, value) in zip(rows, coefficients) where value != 0 {
            precondition(row >= 0 && row < rowCount, "row \(row) out of range")
            rowIndices.append(Int32(row))
            elements.append(value)
        }
        columnStarts.append(Int32(elements.count))
        columnLower.append(lower)
        columnUpper.append(upper)
        objective.append(cost)
        if isInteger { integerColumns.append(index) }
        return index
    }

    /// Bounds row `index`: `lower <= row activity <= upper` (equal bounds make an equation).
    public func setRow(_ index: Int, lower: Double, upper: Double) {
        rowLower[index] = lower
        rowUpper[index] = upper
    }

    /// Minimises the objective.
    ///
    /// - Parameters:
    ///   - timeLimit: seconds CBC may search (the best solution so far is returned when it runs out).
    ///   - integer: `false` solves the linear relaxation, ignoring integrality.
    ///   - seed: CBC's random seed, for repeatable runs.
    ///   - start: a feasible solution to start from (one value per column), if known.
    ///   - cuttingPlanes: `false` turns CBC's cut generators off (for programs whose rows are already
    ///     tight, where cuts cost more time than they save).
    /// - Throws: `ShiftcastError(.invalidArgument)` for a start without one value per column,
    ///   `.internalFailure` when CBC stops with an error.
    /// - Complexity: exponential in the worst case; bounded by `timeLimit`.
    public func solve(timeLimit: Double, integer: Bool, seed: Int = 1, start: [Double]? = nil,
                      cuttingPlanes: Bool = true) throws -> Outcome {
        // CBC keeps state shared between models (message handlers, heuristics), so solves run one at a time.
        try Self.cbcLock.withLock { try solveAlone(timeLimit: timeLimit, integer: integer, seed: seed, start: start,
                                                   cuttingPlanes: cuttingPlanes) }
    }

    private static let cbcLock = NSLock()

    /// The least CBC's work that does not look at the clock costs, per column and per row: for an integer
    /// program, naming every column to take a start and presolving; for a relaxation, Clp's presolve.
    /// Over 10 s on 1.5 million columns of a sparse year of requirements (issue 12). A relaxation whose
    /// estimate does not fit its time limit goes to Clp's dual simplex without presolve
    /// (``solveRelaxationWithoutPresolve(timeLimit:)``).
    static let cbcSecondsPerEntry = 1e-5

    /// ``cbcSecondsPerEntry`` times the columns and rows: a lower estimate of what CBC spends before it
    /// first looks at the clock.
    public var uninterruptibleSeconds: Double { Double(columnCount + rowCount) * Self.cbcSecondsPerEntry }

    /// One solve, under the lock: a relaxation goes to Clp (with or without presolve, as its estimate fits
    /// the time), an integer program to CBC's branch and bound.
    private func solveAlone(timeLimit: Double, integer: Bool, seed: Int, start: [Double]?, cuttingPlanes: Bool) throws -> Outcome {
        if !integer {
            return uninterruptibleSeconds > timeLimit ? solveRelaxationWithoutPresolve(timeLimit: timeLimit)
                                                      : solveRelaxation(timeLimit: timeLimit)
        }
        var values = [Double](repeating: 0, count: columnCount)
        var found = ShiftcastMIPOutcome()
        let settings = ShiftcastMIPSettings(seconds: max(timeLimit, 0.01), seed: Int32(clamping: max(seed, 1)),
                                            cutting_planes: cuttingPlanes ? 1 : 0)
        if let start, start.count != columnCount {
            throw ShiftcastError(.invalidArgument, "a start needs one value per column: \(start.count) values for \(columnCount) columns")
        }
        let integers = integerColumns.map { Int32($0) }
        let failed = shiftcast_cbc_solve(Int32(columnCount), Int32(rowCount), columnStarts, rowIndices, elements,
                                         columnLower.map(Self.finite), columnUpper.map(Self.finite), objective,
                                         rowLower.map(Self.finite), rowUpper.map(Self.finite), integers,
                                         Int32(integers.count), start, settings, &values, &found)
        if failed != 0 {
            throw ShiftcastError(.internalFailure, "COIN-OR CBC stopped with an error")
        }
        return outcome(of: found, values: values)
    }

    /// CBC takes large finite numbers for infinity.
    private static func finite(_ value: Double) -> Double { value == .infinity ? 1e30 : value == -.infinity ? -1e30 : value }

    /// What a finished search found: infeasible, nothing, or the best solution with CBC's bound (proven
    /// optimal or only feasible).
    private func outcome(of found: ShiftcastMIPOutcome, values: [Double]) -> Outcome {
        let nodes = Int(found.nodes)
        if found.proven_infeasible != 0 {
            return Outcome(status: .infeasible, values: [], objective: .infinity, bound: .infinity, nodes: nodes)
        }
        let proven = found.proven_optimal != 0
        guard found.abandoned == 0, proven || found.has_solution != 0 else {
            return Outcome(status: .noSolution, values: [], objective: .infinity, bound: found.bound, nodes: nodes)
        }
        let value = zip(values, objective).reduce(0) { $0 + $1.0 * $1.1 }
        return Outcome(status: proven ? .optimal : .feasible, values: values, objective: value,
                       bound: proven ? min(found.bound, value) : found.bound, nodes: nodes)
    }
}

extension LinearProgram {
    /// The linear relaxation by Clp set up as CBC sets it up (`CbcMain0`'s defaults), presolved, solved by
    /// the dual simplex and postsolved, under a wall-clock limit. CBC's own solve of a program without
    /// integer columns passes no limit to Clp (the relaxation of 2 500 named agents' week took 9.9 s with
    /// 0.4 s to spend, issue 12), and its `initialSolve` prints to standard output whatever the log level.
    /// The setup matters, not just the simplex: the vertex it ends on is the start the named agents'
    /// search gets, and the agents' week ends 1.75% from the bound from it in 60 s (as through CBC's own
    /// solve), against 3.16% from Clp's dual simplex with its default setup and 2.79% from its primal.
    /// When the time runs out, the outcome is `.noSolution`.
    func solveRelaxation(timeLimit: Double) -> Outcome {
        solveRelaxation(by: SHIFTCAST_LP_PRESOLVED_DUAL, timeLimit: timeLimit)
    }

    /// The linear relaxation by Clp's dual simplex without presolve, for programs too large for Clp's
    /// presolve in their time, which does not look at the clock (5 s with 0.05 s left on a year of
    /// quarter-hours, issue 12). The dual simplex checks the limit at every iteration. When it runs out,
    /// the outcome is `.noSolution`.
    func solveRelaxationWithoutPresolve(timeLimit: Double) -> Outcome {
        solveRelaxation(by: SHIFTCAST_LP_DUAL_WITHOUT_PRESOLVE, timeLimit: timeLimit)
    }

    private func solveRelaxation(by method: ShiftcastLPMethod, timeLimit: Double) -> Outcome {
        func finite(_ value: Double) -> Double { value == .infinity ? 1e30 : value == -.infinity ? -1e30 : value }
        var values = [Double](repeating: 0, count: columnCount)
        var value = 0.0
        let status = shiftcast_clp_solve(method, Int32(columnCount), Int32(rowCount), columnStarts, rowIndices, elements,
                                         columnLower.map(finite), columnUpper.map(finite), objective, rowLower.map(finite),
                                         rowUpper.map(finite), max(timeLimit, 0.01), &values, &value)
        switch status {
        case SHIFTCAST_LP_OPTIMAL:
            return Outcome(status: .optimal, values: values, objective: value, bound: value, nodes: 0)
        case SHIFTCAST_LP_INFEASIBLE:
            return Outcome(status: .infeasible, values: [], objective: .infinity, bound: .infinity, nodes: 0)
        default:
            return .notSolved
        }
    }
}
