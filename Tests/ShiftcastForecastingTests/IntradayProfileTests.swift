@testable import ShiftcastForecasting
import Testing

@Suite struct IntradayProfileTests {
    @Test func sharesPerWeekdaySumToOneAndFollowTheShape() throws {
        let centre = SyntheticCentre(days: 56, noise: false)
        let profile = IntradayProfile(input: try centre.input(), weeks: 8)
        for weekday in 1...6 {
            let shares = (0..<24).map { profile.share(weekday: weekday, slot: $0) }
            #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
            #expect(shares[3] == 0)
            let dayTotal = (0..<24).reduce(0.0) { $0 + centre.expected((weekday - 1) * 24 + $1) }
            #expect(abs(shares[12] - centre.expected((weekday - 1) * 24 + 12) / dayTotal) < 1e-12)
        }
        // Sundays never had a contact: they fall back to the all-days shape.
        #expect(abs((0..<24).reduce(0.0) { $0 + profile.share(weekday: 7, slot: $1) } - 1) < 1e-12)
    }
}
