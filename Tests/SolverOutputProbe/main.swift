import Foundation
import ShiftcastCore
import ShiftcastScheduling

// Test support for `SolverOutputTests`: in a process of its own (so no other test shares its standard
// output), a thread prints 400 lines while a solver works; the test reads what reached standard output.
// `SolverOutputProbe relaxation`: Clp solves the relaxation of a covering program (3 000 rows, 60 000
// columns). `SolverOutputProbe integer`: CBC searches the shift mix of a week of quarter-hours with shifts
// of 4 to 10 hours starting every 15 minutes, the program on which Clp's automatic root solve chose its
// sprint method and printed "N slacks added".
/// A linear congruential generator, so that every run solves the same program.
struct Random {
    var state: UInt64 = 12_345
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// The relaxation of a covering program with random rows and costs, solved by Clp.
func relaxation() throws -> LinearProgram.Status {
    var random = Random()
    let rows = 3_000
    let program = LinearProgram(rowCount: rows)
    for _ in 0..<60_000 {
        let length = 16 + random.next(25), start = random.next(rows - length)
        program.addColumn(objective: Double(length) + Double(random.next(100)) / 100, lower: 0, upper: .infinity,
                          isInteger: true, rows: Array(start..<(start + length)), coefficients: Array(repeating: 1, count: length))
    }
    for row in 0..<rows {
        program.addColumn(objective: 0.5, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [-1])
        program.addColumn(objective: 60, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [1])
        let required = Double(random.next(200))
        program.setRow(row, lower: required, upper: required)
    }
    return try program.solve(timeLimit: 120, integer: false).status
}

/// The shift mix of a week whose requirement rises and falls each day, solved by CBC.
func integerSearch() throws -> LinearProgram.Status {
    var random = Random()
    let required = (0..<672).map { slot -> Double in
        let hour = Double(slot % 96) / 4
        return (max(0, 60 * sin((hour - 6) / 16 * .pi)) + Double(random.next(8))).rounded()
    }
    let curve = try RequirementCurve(start: Timestamp(secondsSinceEpoch: 1_740_960_000), slotSeconds: 900,
                                     required: required, cyclic: true)
    let family = ShiftFamily(name: "any", earliestStart: 0, latestStart: 85_500, startStep: 900,
                             minimumLength: 14_400, maximumLength: 36_000, lengthStep: 900)
    let result = try ShiftMixOptimizer.solve(families: [family], curve: curve,
                                             options: ShiftMixOptimizer.Options(timeLimit: 20))
    return result.provenOptimal ? .optimal : .feasible
}

let printer = Thread { for line in 0..<400 { print("host line \(line)"); fflush(nil); usleep(2_000) } }
printer.start()
let status = CommandLine.arguments.dropFirst().first == "integer" ? try integerSearch() : try relaxation()
while !printer.isFinished { usleep(1_000) }
print("probe status \(status)")
