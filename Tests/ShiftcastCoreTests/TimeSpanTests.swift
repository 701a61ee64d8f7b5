import ShiftcastCore
import Testing

@Suite struct TimeSpanTests {
    @Test(arguments: [
        ("180s", 180.0), ("180", 180), ("30m", 1800), ("1.5h", 5400), ("14d", 1_209_600),
        (" 30 min ", 1800), ("2Hours", 7200), ("0", 0), ("1e2s", 100),
    ])
    func parsesUnits(text: String, seconds: Double) throws {
        let span = try #require(TimeSpan(parsing: text))
        #expect(span.seconds == seconds)
    }

    @Test(arguments: ["", "-5s", "nan", "inf", "5 weeks", "m", "3x", "1e400s", "30m30s"])
    func rejectsNonsense(text: String) {
        #expect(TimeSpan(parsing: text) == nil)
    }

    @Test func printsShortestExactUnit() throws {
        #expect(try TimeSpan(seconds: 86_400).description == "1d")
        #expect(try TimeSpan(seconds: 1800).description == "30m")
        #expect(try TimeSpan(seconds: 90).description == "90s")
        #expect(try TimeSpan(seconds: 5400).description == "90m")
    }
}

@Suite struct FractionTests {
    @Test(arguments: [("0.8", 0.8), ("80%", 0.8), ("80 %", 0.8), (".5", 0.5), ("100%", 1), ("0", 0)])
    func parses(text: String, value: Double) throws {
        let fraction = try #require(Fraction(parsing: text))
        #expect(abs(fraction.value - value) < 1e-15)
    }

    @Test(arguments: ["1.2", "120%", "-0.1", "nan", "", "%", "eighty"])
    func rejectsOutsideUnitInterval(text: String) {
        #expect(Fraction(parsing: text) == nil)
    }
}

@Suite struct ShiftcastErrorTests {
    @Test func printsLocationThenMessage() {
        let error = ShiftcastError(.badData, "volume '12,5x' is not a number", file: "history.csv", line: 812, column: 2)
        #expect(error.description == "history.csv:812:2: volume '12,5x' is not a number")
    }

    @Test func omitsWhatIsUnknownAndFlattensNewlines() {
        #expect(ShiftcastError(.inputUnavailable, "cannot read", file: "a.csv").description == "a.csv: cannot read")
        #expect(ShiftcastError(.invalidArgument, "two\nlines").description == "two lines")
    }
}
