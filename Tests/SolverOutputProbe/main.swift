import Foundation
import ShiftcastScheduling

// Test support for `SolverOutputTests`: in a process of its own (so no other test shares its standard
// output), a thread prints 400 lines while the relaxation of a covering program (3 000 rows, 60 000
// columns) is solved; the test reads what reached standard output.
var state: UInt64 = 12_345
func next(_ bound: Int, _ state: inout UInt64) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
}
let rows = 3_000
let program = LinearProgram(rowCount: rows)
for _ in 0..<60_000 {
    let length = 16 + next(25, &state), start = next(rows - length, &state)
    program.addColumn(objective: Double(length) + Double(next(100, &state)) / 100, lower: 0, upper: .infinity,
                      isInteger: true, rows: Array(start..<(start + length)), coefficients: Array(repeating: 1, count: length))
}
for row in 0..<rows {
    program.addColumn(objective: 0.5, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [-1])
    program.addColumn(objective: 60, lower: 0, upper: .infinity, isInteger: false, rows: [row], coefficients: [1])
    let required = Double(next(200, &state))
    program.setRow(row, lower: required, upper: required)
}
let printer = Thread { for line in 0..<400 { print("host line \(line)"); fflush(nil); usleep(2_000) } }
printer.start()
let outcome = try program.solve(timeLimit: 120, integer: false)
while !printer.isFinished { usleep(1_000) }
print("probe status \(outcome.status)")
