import ShiftcastCore
@testable import ShiftcastForecasting
import Testing

@Suite struct ModelCatalogTests {
    @Test func namesAreUniqueAndFindTheirModels() throws {
        #expect(Set(ModelCatalog.names).count == ModelCatalog.names.count)
        #expect(ModelCatalog.names.contains(ModelCatalog.defaultModel))
        for name in ModelCatalog.names { #expect(try ModelCatalog.model(named: name).name == name) }
        let error = shiftcastError { _ = try ModelCatalog.model(named: "auto ") }
        #expect(error?.code == .invalidArgument)
    }

    @Test func modelInputKnowsItsWeekdays() {
        let input = ModelInput(values: [Double](repeating: 0, count: 48), slotsPerDay: 24, firstWeekday: 7)
        #expect(input.weekday(at: 0) == 7 && input.weekday(at: 24) == 1 && input.weekday(at: 200) == 1)
        #expect(input.origin == 48 && input.slotsPerWeek == 168)
    }
}
