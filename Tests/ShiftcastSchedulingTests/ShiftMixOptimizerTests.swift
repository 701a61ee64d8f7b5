import ShiftcastCSV
import Foundation
import ShiftcastCore
@testable import ShiftcastIO
@testable import ShiftcastScheduling
import Testing

@Suite struct ShiftMixOptimizerTests {
    static let shiftsText = """
        shift,days,earliest_start,latest_start,start_step,min_length,max_length,length_step,cost_per_hour
        early,*,06:00,08:00,1h,4h,6h,1h,1
        late,*,12:00,14:00,1h,4h,6h,1h,1
        """

    func families() throws -> [ShiftFamily] { try ShiftsFile(table: csv(Self.shiftsText, name: "shifts.csv")).families }

    /// One day, hourly: 2 agents 06-12, 3 agents 12-18 (one of the early ones could stay longer).
    func day(_ values: [Double]) throws -> RequirementCurve {
        try RequirementCurve(start: monday, slotSeconds: 3600, required: values)
    }

    /// These days' programs are proven optimal in milliseconds; the limit is wall-clock time from the
    /// call, which includes waiting for CBC while other suites' solves hold it (one solve at a time), so
    /// it is generous: with 10 s, a CI run once found the search stopped before it began.
    func solve(_ curve: RequirementCurve, _ weights: ObjectiveWeights, _ formulation: ShiftMixOptimizer.Formulation = .flow) throws -> ShiftMixResult {
        try ShiftMixOptimizer.solve(families: families(), curve: curve,
                                    options: .init(weights: weights, timeLimit: 300, formulation: formulation))
    }

    @Test(arguments: ShiftMixOptimizer.Formulation.allCases)
    func exactCoverIsFoundAndProven(_ formulation: ShiftMixOptimizer.Formulation) throws {
        // 06-12: 2 agents, 12-18: 3 agents. Exact cover: 2 x early 06:00 6h, 3 x late 12:00 6h: 30 paid hours.
        var required = [Double](repeating: 0, count: 24)
        for hour in 6..<12 { required[hour] = 2 }
        for hour in 12..<18 { required[hour] = 3 }
        let result = try solve(day(required), ObjectiveWeights(underWeight: 1, overWeight: 1), formulation)
        #expect(result.provenOptimal)
        #expect(abs(result.objective - 30) < 1e-6)
        #expect(result.coverage == required.map { Int($0) })
        #expect(abs(result.lowerBound - 30) < 1e-6)
        #expect(result.gap < 1e-9)
        let report = checkWithChecker(result, shiftsText: Self.shiftsText)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.coverage == result.coverage)
        #expect(abs(report.objective(under: 60, over: 60, distinctPenalty: 0) - result.objective) < 1e-6)
    }

    @Test(arguments: ShiftMixOptimizer.Formulation.allCases)
    func theDistinctShiftPenaltyTradesCoverForFewerShifts(_ formulation: ShiftMixOptimizer.Formulation) throws {
        // Monday 06-10 and Tuesday 07-11 need one agent. Two distinct shifts (06:00 4h, 07:00 4h) cover
        // exactly: 8 paid hours + 2 x 200. One shift used on both days (06:00 4h) leaves Tuesday 60 minutes
        // over and 60 under: 8 + 120 + 200 = 328, the optimum. Nobody at all: 480 minutes short.
        var required = [Double](repeating: 0, count: 48)
        for hour in 6..<10 { required[hour] = 1 }
        for hour in 31..<35 { required[hour] = 1 }
        let result = try solve(day(required), ObjectiveWeights(underWeight: 1, overWeight: 1, distinctShiftPenalty: 200), formulation)
        #expect(result.provenOptimal)
        #expect(result.distinctPatterns.count == 1)
        #expect(abs(result.objective - 328) < 1e-6)
        let report = checkWithChecker(result, shiftsText: Self.shiftsText)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.objective(under: 1, over: 1, distinctPenalty: 200) - result.objective) < 1e-6)
        // Without the penalty both are staffed exactly.
        let free = try solve(day(required), ObjectiveWeights(underWeight: 1, overWeight: 1), formulation)
        #expect(abs(free.objective - 8) < 1e-6)
        #expect(free.distinctPatterns.count == 2)
    }

    @Test func fractionalRequirementsCountFractionalShortfalls() throws {
        var required = [Double](repeating: 0, count: 24)
        for hour in 6..<10 { required[hour] = 0.3 }
        // Covering 0.3 agents for 4 hours costs a 4-hour shift (4) and 0.7 x 240 minutes of excess (168);
        // leaving it costs 0.3 x 240 = 72 under-staffed agent-minutes.
        let result = try solve(day(required), ObjectiveWeights(underWeight: 1, overWeight: 1))
        #expect(result.shiftCount == 0)
        #expect(abs(result.objective - 72) < 1e-6)
        #expect(abs(result.underStaffedHours - 1.2) < 1e-9)
        #expect(result.shortfalls.count == 4)
        #expect(result.shortfalls.allSatisfy { $0.cause == .notWorthCovering && abs($0.agents - 0.3) < 1e-9 })
    }

    @Test func demandNoShiftReachesIsReportedWithItsCause() throws {
        var required = [Double](repeating: 0, count: 24)
        required[2] = 4  // 02:00: no family starts before 06:00
        required[7] = 1
        let result = try solve(day(required), ObjectiveWeights(underWeight: 1, overWeight: 0))
        let short = result.shortfalls
        #expect(short.count == 1)
        #expect(short.first?.slot == 2)
        #expect(short.first?.cause == .noShiftReachesIt)
        #expect(result.coverage[7] == 1)
        #expect(result.summary(agents: 1).contains("short: Mon 2024-01-01 02:00-03:00 by 4 agents: no shift reaches it"))
    }

    /// The DBAI Minimum Shift Design instances, converted by Benchmarks/Scripts/convert_msd.py; proven optima
    /// from the benchmark. Times are measured by Benchmarks/Scripts/msd-benchmark.sh, not here: the limit
    /// is generous so a loaded machine cannot fail the test.
    @Test(arguments: [(1, 480.0, 60.0), (2, 300.0, 30.0), (3, 600.0, 60.0), (4, 450.0, 30.0), (5, 480.0, 60.0)])
    func minimumShiftDesignReachesTheProvenOptimum(_ instance: Int, _ optimum: Double, _ penalty: Double) throws {
        let folder = packageRoot.appendingPathComponent("Benchmarks/MSD/DataSet1/RandomExample\(instance)")
        let requirementsPath = folder.appendingPathComponent("requirements.csv").path
        let shiftsPath = folder.appendingPathComponent("shifts.csv").path
        let curve = try RequirementsReader.read(path: requirementsPath, cyclic: true)
        let families = try ShiftsFile.read(path: shiftsPath).families(fitting: curve)
        let result = try ShiftMixOptimizer.solve(
            families: families, curve: curve,
            options: .init(weights: ObjectiveWeights(underWeight: 1, overWeight: 1, distinctShiftPenalty: penalty), timeLimit: 120))
        #expect(result.provenOptimal)
        #expect(abs(result.objective - optimum) < 1e-6)
        let report = checkWithChecker(result, shiftsText: try String(contentsOfFile: shiftsPath, encoding: .utf8))
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(abs(report.objective(under: 1, over: 1, distinctPenalty: penalty) - optimum) < 1e-6)
    }

    /// A search cut short still returns a valid mix, never a failure, and its bound stays below it.
    @Test func aSearchStoppedByItsTimeLimitStillReturnsAValidMix() throws {
        let folder = packageRoot.appendingPathComponent("Benchmarks/MSD/DataSet1/RandomExample2")
        let shiftsPath = folder.appendingPathComponent("shifts.csv").path
        let curve = try RequirementsReader.read(path: folder.appendingPathComponent("requirements.csv").path, cyclic: true)
        let families = try ShiftsFile.read(path: shiftsPath).families(fitting: curve)
        let result = try ShiftMixOptimizer.solve(
            families: families, curve: curve,
            options: .init(weights: ObjectiveWeights(underWeight: 1, overWeight: 1, distinctShiftPenalty: 30), timeLimit: 0.01))
        #expect(result.lowerBound <= result.objective + 1e-9)
        #expect(result.gap >= 0 && result.gap <= 1)
        #expect(result.relaxationBound <= 300 + 1e-6)  // a bound never passes the proven optimum
        let report = checkWithChecker(result, shiftsText: try String(contentsOfFile: shiftsPath, encoding: .utf8))
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        #expect(abs(report.objective(under: 1, over: 1, distinctPenalty: 30) - result.objective) < 1e-6)
        if !result.provenOptimal {
            #expect(result.shortfalls.allSatisfy { $0.cause == .searchStopped })
        }
    }

    @Test func theRelaxationBoundIsBelowEveryOptimum() throws {
        // The jump rows must never cut off the optimum: the relaxation stays at or below it on every instance.
        for (instance, optimum) in [(1, 480.0), (3, 600.0), (5, 480.0)] {
            let folder = packageRoot.appendingPathComponent("Benchmarks/MSD/DataSet1/RandomExample\(instance)")
            let curve = try RequirementsReader.read(path: folder.appendingPathComponent("requirements.csv").path, cyclic: true)
            let families = try ShiftsFile.read(path: folder.appendingPathComponent("shifts.csv").path).families(fitting: curve)
            let candidates = ShiftExpansion.candidates(for: families, over: curve)
            let built = ShiftMixOptimizer.buildProgram(
                candidates: candidates, curve: curve,
                options: .init(weights: ObjectiveWeights(underWeight: 1, overWeight: 1, distinctShiftPenalty: 60)))
            let relaxation = try built.program.solve(timeLimit: 10, integer: false)
            #expect(relaxation.status == .optimal)
            #expect(relaxation.objective <= optimum + 1e-6)
            #expect(relaxation.objective >= 0.5 * optimum)
        }
    }
}
