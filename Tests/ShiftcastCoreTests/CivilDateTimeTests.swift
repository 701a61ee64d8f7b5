import Foundation
import ShiftcastCore
import Testing

@Suite struct CivilDateTimeTests {
    /// Every day from 1899 to 2101 agrees with Foundation's Gregorian calendar in UTC.
    @Test func agreesWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: Int64(-25_567), through: 47_482, by: 1) {
            let civil = CivilDateTime(secondsSinceEpoch: days * 86_400 + 3_723)
            let components = calendar.dateComponents([.year, .month, .day, .weekday],
                                                     from: Date(timeIntervalSince1970: TimeInterval(days * 86_400)))
            let fields = civil.fields
            guard fields.year == components.year, fields.month == components.month, fields.day == components.day,
                  civil.isoWeekday == (components.weekday! + 5) % 7 + 1 else {
                Issue.record("day \(days): \(civil) disagrees with \(components)")
                return
            }
            #expect(CivilDateTime(year: fields.year, month: fields.month, day: fields.day, hour: 1, minute: 2, second: 3) == civil)
        }
    }

    @Test func rejectsImpossibleFields() {
        #expect(CivilDateTime(year: 2025, month: 2, day: 29) == nil)
        #expect(CivilDateTime(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDateTime(year: 2025, month: 13, day: 1) == nil)
        #expect(CivilDateTime(year: 2025, month: 1, day: 1, hour: 24) == nil)
    }

    @Test func formatsIso8601() {
        let civil = CivilDateTime(year: 1999, month: 1, day: 2, hour: 7, minute: 6)!
        #expect(civil.formatted() == "1999-01-02T07:06:00")
        #expect(civil.formatted(dateOnly: true) == "1999-01-02")
        #expect(civil.isoWeekday == 6)
    }
}

@Suite struct TimestampTextTests {
    @Test(arguments: [
        "2025-03-03T08:30", "2025-03-03 08:30", "2025-03-03T08:30:00", "2025-03-03 08:30:00",
        "2025/03/03 08:30", "2025-03-03T08:30:00.000", " 2025-03-03T08:30 ",
    ])
    func readsLocalTime(text: String) throws {
        let parsed = try #require(TimestampText.parse(text))
        #expect(parsed.civil == CivilDateTime(year: 2025, month: 3, day: 3, hour: 8, minute: 30))
        #expect(parsed.utcOffset == nil)
        #expect(!parsed.isDateOnly)
    }

    @Test(arguments: [("2025-03-03T08:30Z", 0), ("2025-03-03T08:30:00+02:00", 7200),
                      ("2025-03-03T08:30-0530", -19_800), ("2025-03-03T08:30+01", 3600)])
    func readsOffsets(text: String, offset: Int) throws {
        #expect(try #require(TimestampText.parse(text)).utcOffset == offset)
    }

    @Test func readsDates() throws {
        let parsed = try #require(TimestampText.parse("2024-02-29"))
        #expect(parsed.isDateOnly)
        #expect(parsed.civil.formatted(dateOnly: true) == "2024-02-29")
    }

    @Test(arguments: ["", "2025-3-3", "2025-02-30", "2025-03-03T25:00", "03/03/2025", "2025-03-03T08:30:00.5",
                      "2025-03-03T08:30 junk", "2025-03-03T08", "20250303", "2025-03-03T08:30+25:00"])
    func rejectsOtherForms(text: String) {
        #expect(TimestampText.parse(text) == nil)
    }
}
