import ShiftcastCore

/// Chooses how many agents work each candidate shift: an integer program solved by CBC.
///
/// The model is Dantzig's set-covering formulation of shift scheduling (G. B. Dantzig, "A comment on
/// Edie's 'Traffic delays at toll booths'", Operations Research 2(3), 1954) with slack on both sides:
///
///     minimise   sum_s cost_s x_s + sum_t m (wu u_t + wo o_t) + P sum_k y_k
///     subject to sum_{s covers t} x_s + u_t - o_t = d_t          for every interval t
///                x_s <= M_s y_{k(s)}                              for every shift s   (only when P > 0)
///                x_s integer >= 0, u_t, o_t >= 0, y_k binary
///
/// where `m` is the interval length in minutes, `d_t` the requirement, `k(s)` the distinct shift
/// (start time of day, length) of `s`, and `M_s` the largest requirement (rounded up) in the intervals
/// `s` covers: more agents than that on `s` would overstaff every interval it covers, which is never
/// better when weights are not negative, so the bound is valid and as tight as it can be.
///
/// `Formulation.flow` writes the same program with every covering row after the first replaced by its
/// difference with the row before. A shift's column, a run of ones over its intervals, then has only
/// two non-zeros: +1 where it starts and -1 where it ends, an arc in a network from its start to its end
/// node; slacks become arcs between neighbouring nodes. This is the network-flow view of the shift
/// design problem (Di Gaspero et al. 2007; Kletzander and Musliu 2019 build their model for the
/// distinct-shift penalty on it). The feasible set and the bounds are the same; the matrix is far
/// sparser, which is what makes CBC faster on long shifts over short intervals.
///
/// The all-zero mix (nobody works, every requirement short) is always feasible and is given to CBC as a
/// starting solution, so a search stopped by its time limit still returns a mix, never a failure.
public enum ShiftMixOptimizer {
    public enum Formulation: String, Sendable, CaseIterable {
        case covering, flow
    }

    public struct Options: Sendable {
        public var weights: ObjectiveWeights
        /// Seconds for the whole solve (relaxation and search).
        public var timeLimit: Double
        public var seed: Int
        public var formulation: Formulation

        public init(weights: ObjectiveWeights = ObjectiveWeights(), timeLimit: Double = 60, seed: Int = 1,
                    formulation: Formulation = .flow) {
            self.weights = weights
            self.timeLimit = timeLimit
            self.seed = seed
            self.formulation = formulation
        }
    }

    /// The best mix found within the time limit, with the lower bound and gap.
    ///
    /// - Precondition: every family has no `problems(slotSeconds:)` on the curve's grid and the curve has
    ///   no `cyclicProblem`; requirements are finite and not negative.
    /// - Throws: `ShiftcastError(.internalFailure)` only when CBC itself fails.
    /// - Complexity: building is O(candidates x shift length); solving is exponential in the worst case,
    ///   bounded by `options.timeLimit`.
    public static func solve(families: [ShiftFamily], curve: RequirementCurve, options: Options) throws -> ShiftMixResult {
        let clock = ContinuousClock()
        let began = clock.now
        let candidates = ShiftExpansion.candidates(for: families, over: curve)
        let program = buildProgram(candidates: candidates, curve: curve, options: options)

        let relaxation = try program.program.solve(timeLimit: options.timeLimit, integer: false)
        let relaxationBound = relaxation.status == .optimal ? relaxation.objective : 0
        let elapsed = seconds(clock.now - began)
        let outcome = try program.program.solve(timeLimit: max(options.timeLimit - elapsed, 0.05), integer: true,
                                                seed: options.seed, start: program.zeroStart)
        var counts = [Int](repeating: 0, count: candidates.count)
        if outcome.status == .optimal || outcome.status == .feasible {
            for index in candidates.indices { counts[index] = max(0, Int(outcome.values[index].rounded())) }
        }
        let coverage = ShiftMixResult.coverage(of: counts, candidates: candidates, curve: curve)
        let objective = ShiftMixResult.objective(counts: counts, coverage: coverage, candidates: candidates,
                                                 curve: curve, weights: options.weights)
        let proven = outcome.status == .optimal
        var lowerBound = max(relaxationBound, outcome.bound.isFinite ? outcome.bound : 0)
        if proven { lowerBound = min(max(lowerBound, objective - 1e-6 * max(1, objective)), objective) }
        return ShiftMixResult(
            curve: curve, families: families, candidates: candidates, counts: counts, coverage: coverage,
            objective: objective, lowerBound: min(lowerBound, objective), relaxationBound: relaxationBound,
            provenOptimal: proven, seconds: seconds(clock.now - began))
    }

    /// The program and the all-zero starting solution.
    struct Built {
        var program: LinearProgram
        var zeroStart: [Double]
    }

    /// Builds the integer program of the type's comment.
    /// - Complexity: O(candidates x shift length + intervals).
    static func buildProgram(candidates: [ShiftCandidate], curve: RequirementCurve, options: Options) -> Built {
        let count = curve.count
        let minutes = Double(curve.slotSeconds) / 60
        let weights = options.weights
        let usePatterns = weights.distinctShiftPenalty > 0
        let patterns = usePatterns ? Array(Set(candidates.map(\.pattern))).sorted() : []
        let patternIndex = Dictionary(uniqueKeysWithValues: patterns.enumerated().map { ($1, $0) })
        let linkRows = usePatterns ? candidates.count : 0
        let program = LinearProgram(rowCount: count + linkRows)
        let flow = options.formulation == .flow

        // Covering row t, or in the flow form row t minus row t - 1 (row 0 stays a covering row).
        var accumulator = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        func column(covering slots: [Int], sign: Double) -> (rows: [Int], coefficients: [Double]) {
            touched.removeAll(keepingCapacity: true)
            func add(_ row: Int, _ value: Double) {
                if accumulator[row] == 0 { touched.append(row) }
                accumulator[row] += value
            }
            for slot in slots {
                add(slot, sign)
                if flow, slot + 1 < count { add(slot + 1, -sign) }
            }
            var rows: [Int] = [], coefficients: [Double] = []
            for row in touched where accumulator[row] != 0 {
                rows.append(row)
                coefficients.append(accumulator[row])
            }
            for row in touched { accumulator[row] = 0 }
            return (rows, coefficients)
        }
        for t in 0..<count {
            let value = flow && t > 0 ? curve.required[t] - curve.required[t - 1] : curve.required[t]
            program.setRow(t, lower: value, upper: value)
        }

        // Shift columns first, so that their indices match `candidates`.
        var bounds: [Double] = []
        for (index, candidate) in candidates.enumerated() {
            let slots = candidate.coveredSlots(horizonCount: count, cyclic: curve.cyclic)
            let bound = (slots.map { curve.required[$0] }.max() ?? 0).rounded(.up)
            bounds.append(bound)
            var (rows, coefficients) = column(covering: slots, sign: 1)
            if usePatterns {
                rows.append(count + index)
                coefficients.append(1)
            }
            program.addColumn(objective: candidate.cost, lower: 0, upper: bound, isInteger: true,
                              rows: rows, coefficients: coefficients)
        }
        for t in 0..<count {
            let (rows, coefficients) = column(covering: [t], sign: 1)
            program.addColumn(objective: weights.underWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
        for t in 0..<count {
            let (rows, coefficients) = column(covering: [t], sign: -1)
            program.addColumn(objective: weights.overWeight * minutes, lower: 0, upper: .infinity, isInteger: false,
                              rows: rows, coefficients: coefficients)
        }
        if usePatterns {
            var rowsOfPattern = [[Int]](repeating: [], count: patterns.count)
            var coefficientsOfPattern = [[Double]](repeating: [], count: patterns.count)
            for (index, candidate) in candidates.enumerated() {
                let pattern = patternIndex[candidate.pattern]!
                rowsOfPattern[pattern].append(count + index)
                coefficientsOfPattern[pattern].append(-bounds[index])
                program.setRow(count + index, lower: -.infinity, upper: 0)
            }
            for pattern in patterns.indices {
                program.addColumn(objective: weights.distinctShiftPenalty, lower: 0, upper: 1, isInteger: true,
                                  rows: rowsOfPattern[pattern], coefficients: coefficientsOfPattern[pattern])
            }
        }
        // Nobody works: every requirement is short.
        var zeroStart = [Double](repeating: 0, count: program.columnCount)
        for t in 0..<count { zeroStart[candidates.count + t] = curve.required[t] }
        return Built(program: program, zeroStart: zeroStart)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
