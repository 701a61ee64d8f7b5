@testable import ShiftcastForecasting
import Testing

struct ConstantModel: ForecastModel {
    var value: Double
    var name: String { "constant-\(value)" }
    func minimumHistoryDays(slotsPerDay: Int) -> Int { Int(value) }
    func forecast(_ input: ModelInput, horizon: Int) -> [Double] { [Double](repeating: value, count: horizon) }
}

@Suite struct ModelCombinationTests {
    @Test func takesTheMedianOrMeanOfItsMembers() throws {
        let members: [any ForecastModel] = [ConstantModel(value: 1), ConstantModel(value: 2), ConstantModel(value: 9)]
        let input = ModelInput(values: [1, 2, 3], slotsPerDay: 1, firstWeekday: 1)
        #expect(try ModelCombination(name: "m", members: members, rule: .median).forecast(input, horizon: 2) == [2, 2])
        #expect(try ModelCombination(name: "a", members: members, rule: .mean).forecast(input, horizon: 1) == [4])
        #expect(try ModelCombination(name: "a", members: members, rule: .mean).minimumHistoryDays(slotsPerDay: 1) == 9)
    }

    @Test func recoversTheSyntheticPatternWithinNoise() throws {
        let centre = SyntheticCentre(days: 112)
        let combination = ModelCatalog.models.first { $0.name == "combo-median" }!
        var forecast = combination.forecast(try centre.input(), horizon: 14 * 24)
        for offset in forecast.indices where centre.expected(112 * 24 + offset) == 0 { forecast[offset] = 0 }
        #expect(centre.errorAgainstTruth(forecast) < 0.06)
    }
}
