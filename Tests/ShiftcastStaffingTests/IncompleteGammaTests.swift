import Foundation
import Testing
import ShiftcastCore
import ShiftcastStaffing

@Suite("Incomplete gamma function")
struct IncompleteGammaTests {
    static let table = Reference.rows("incomplete-gamma-reference.csv")

    /// Every method (series, continued fraction, Temme) against 60-digit values, a from 1e-3 to 1e9.
    /// Tolerance for the smaller tail: 1e-13 relative, or 5e-16 x |ln value| for tails so small that the
    /// rounding of their exponent dominates.
    static func smallTailTolerance(_ value: Double) -> Double { max(1e-13, 5e-16 * abs(log(value))) }

    @Test("matches mpmath: the smaller tail to 1e-13 relative (more for tails below 1e-100), the larger to 1e-14")
    func matchesReference() throws {
        #expect(Self.table.count > 300)
        for row in Self.table {
            let a = row.number("a")!, x = row.number("x")!
            let (lower, upper) = try IncompleteGamma.regularized(a, x)
            let expectedLower = row.number("lower")!, expectedUpper = row.number("upper")!
            let lowerIsSmaller = expectedLower < expectedUpper
            let small = Self.smallTailTolerance(min(expectedLower, expectedUpper))
            #expect(Reference.matches(lower, expectedLower, tolerance: lowerIsSmaller ? small : 1e-14),
                    "P: \(row) got \(lower)")
            #expect(Reference.matches(upper, expectedUpper, tolerance: lowerIsSmaller ? 1e-14 : small),
                    "Q: \(row) got \(upper)")
        }
    }

    @Test("P and Q are in [0, 1] and sum to 1", arguments: [0.01, 1, 19.99, 20, 333.3, 2e5])
    func complementary(a: Double) throws {
        for ratio in stride(from: 0.0, through: 3, by: 0.05) {
            let (lower, upper) = try IncompleteGamma.regularized(a, a * ratio)
            #expect(lower >= 0 && lower <= 1 && upper >= 0 && upper <= 1)
            #expect(abs(lower + upper - 1) <= 4e-16)
        }
    }

    @Test("P(a, 0) = 0 and, for a = 1, P(1, x) = 1 - e^-x")
    func closedForms() throws {
        #expect(try IncompleteGamma.regularized(3, 0) == (0, 1))
        for x in [1e-8, 0.3, 1, 2.5, 30] {
            let (lower, upper) = try IncompleteGamma.regularized(1, x)
            #expect(abs(lower - -expm1(-x)) <= 4e-15 * -expm1(-x))
            #expect(abs(upper - exp(-x)) <= 1e-14 * exp(-x))
        }
    }

    @Test("rejects a that is not above 0 and x that is negative or not finite",
          arguments: [(0.0, 1.0), (-1, 1), (.nan, 1), (.infinity, 1), (1, -1e-300), (1, .nan), (1, .infinity)])
    func rejectsInvalid(a: Double, x: Double) {
        #expect(throws: ShiftcastError.self) { try IncompleteGamma.regularized(a, x) }
    }
}
