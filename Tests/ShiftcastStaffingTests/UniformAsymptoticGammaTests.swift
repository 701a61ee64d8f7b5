import Foundation
import Testing
import ShiftcastStaffing

/// Temme's expansion is used for a >= 20 and |x/a - 1| <= 0.3; the series and the continued fraction outside.
/// Where they meet, both must give the same value: a defect in the generated coefficients or in the scaled
/// error function would show as a jump.
@Suite("Uniform asymptotic expansion of the incomplete gamma function")
struct UniformAsymptoticGammaTests {
    @Test("agrees with the series and the continued fraction at the edges of its region",
          arguments: [20.0, 57.5, 1_000, 123_456, 1e8])
    func continuousAtRegionEdges(a: Double) throws {
        for edge in [0.7, 1.3] {
            let inside = try IncompleteGamma.regularized(a, a * edge * (edge < 1 ? 1 + 1e-15 : 1 - 1e-15))
            let outside = try IncompleteGamma.regularized(a, a * edge * (edge < 1 ? 1 - 1e-15 : 1 + 1e-15))
            let (small, smallOutside) = edge < 1 ? (inside.lower, outside.lower) : (inside.upper, outside.upper)
            if small < 1e-300 { continue }
            // The two points differ by 2e-15 relative in x, which moves the tail by about a * 2e-15 * 0.3.
            #expect(abs(small - smallOutside) <= (1e-13 + a * 1e-15) * small, "a=\(a) edge=\(edge)")
        }
    }

    @Test("continuous across a = 20, where the expansion takes over near the diagonal")
    func continuousAcrossTwenty() throws {
        for ratio in [0.8, 0.95, 1.0, 1.05, 1.25] {
            let below = try IncompleteGamma.regularized(20 * (1 - 1e-15), 20 * ratio)
            let above = try IncompleteGamma.regularized(20, 20 * ratio)
            #expect(abs(below.lower - above.lower) <= 1e-13 * min(below.lower, below.upper))
        }
    }

    /// Points of the reference table inside the expansion's region, at tighter tolerance than the overall test.
    @Test("matches mpmath inside its region to 2e-14 (more for tails below 1e-100)")
    func matchesReferenceInside() throws {
        var checked = 0
        for row in IncompleteGammaTests.table {
            let a = row.number("a")!, x = row.number("x")!
            guard a >= 20, abs(x / a - 1) <= 0.3 else { continue }
            let (lower, upper) = try IncompleteGamma.regularized(a, x)
            let expectedLower = row.number("lower")!, expectedUpper = row.number("upper")!
            let tolerance = max(2e-14, 5e-16 * abs(log(min(expectedLower, expectedUpper))))
            #expect(Reference.matches(lower, expectedLower, tolerance: tolerance), "\(row) got \(lower)")
            #expect(Reference.matches(upper, expectedUpper, tolerance: tolerance), "\(row) got \(upper)")
            checked += 1
        }
        #expect(checked > 50)
    }
}
