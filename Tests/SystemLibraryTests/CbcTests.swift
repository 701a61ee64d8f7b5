import CCbc
import Testing

/// Proves the CBC shim links and solves a real integer program through the C interface.
@Suite struct CbcTests {
    /// max 5x + 4y  s.t.  6x + 4y <= 24,  x + 2y <= 6,  x, y integer >= 0.
    /// The LP optimum is fractional (x = 3, y = 1.5, value 21); the integer optimum is x = 4, y = 0, value 20.
    @Test func tinyIntegerProgram() throws {
        let model = try #require(Cbc_newModel())
        defer { Cbc_deleteModel(model) }
        Cbc_setParameter(model, "log", "0")
        Cbc_addCol(model, "x", 0, 1e30, 5, 1, 0, nil, nil)
        Cbc_addCol(model, "y", 0, 1e30, 4, 1, 0, nil, nil)
        var columns: [Int32] = [0, 1]
        var first: [Double] = [6, 4]
        var second: [Double] = [1, 2]
        Cbc_addRow(model, "capacity", 2, &columns, &first, CChar(UInt8(ascii: "L")), 24)
        Cbc_addRow(model, "labour", 2, &columns, &second, CChar(UInt8(ascii: "L")), 6)
        Cbc_setObjSense(model, -1)
        let status = Cbc_solve(model)
        #expect(status == 0)
        #expect(Cbc_isProvenOptimal(model) == 1)
        #expect(abs(Cbc_getObjValue(model) - 20) < 1e-6)
        let solution = try #require(Cbc_getColSolution(model))
        #expect(abs(solution[0] - 4) < 1e-6)
        #expect(abs(solution[1]) < 1e-6)
    }
}
