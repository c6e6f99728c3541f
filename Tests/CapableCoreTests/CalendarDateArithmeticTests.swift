import CapableCore
import Testing

@Suite("Calendar date arithmetic")
struct CalendarDateArithmeticTests {
    func date(_ text: String) -> CalendarDate? { CalendarDate(text) }

    @Test("Day numbers count from 1970-01-01 and cover the whole range", arguments: [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
        ("0001-01-01", -719_162), ("9999-12-31", 2_932_896),
    ])
    func dayNumber(text: String, expected: Int) {
        #expect(date(text)?.dayNumber == expected)
    }

    @Test("Parsing reads ISO and UK dates and refuses anything else", arguments: [
        ("2026-11-26", "2026-11-26"), ("26/11/2026", "2026-11-26"), ("2026-1-5", "2026-01-05"), ("2024-02-29", "2024-02-29"),
        ("2025-02-29", nil), ("2026-13-01", nil), ("2026-11-2x", nil), ("20261-1-26", nil), ("2026/11/26", nil), ("", nil), ("٢٠٢٦-١١-٢٦", nil),
    ])
    func parsing(text: String, expected: String?) {
        #expect(date(text)?.description == expected)
    }

    @Test("Adding days crosses months, leap days and years, both ways")
    func addingDays() throws {
        // setup
        let start = try #require(date("2024-02-28"))
        // act
        let results = [start.adding(days: 1), start.adding(days: 2), start.adding(days: 366), start.adding(days: -59), start.adding(days: 0)]
        // check
        #expect(results.map(\.description) == ["2024-02-29", "2024-03-01", "2025-02-28", "2023-12-31", "2024-02-28"])
    }

    @Test("Adding days agrees with stepping one day at a time over four years")
    func agreesWithNextDay() throws {
        // setup
        let start = try #require(date("2023-01-01"))
        var stepped = start
        // act and check
        for offset in 1...(4 * 366) {
            stepped = stepped.nextDay
            #expect(start.adding(days: offset) == stepped)
        }
    }

    @Test("Days between dates; adding stops at the ends of the calendar")
    func between() throws {
        // setup
        let start = try #require(date("2025-12-25")), end = try #require(date("2026-01-08"))
        let first = try #require(date("0001-01-01")), last = try #require(date("9999-12-31"))
        // act and check
        #expect(CalendarDate.days(from: start, to: end) == 14)
        #expect(CalendarDate.days(from: end, to: start) == -14)
        #expect(CalendarDate.days(from: start, to: start) == 0)
        #expect(last.adding(days: 10) == last)
        #expect(first.adding(days: -10) == first)
    }

    @Test("Adding months keeps the day, or takes the month's last day when it is shorter", arguments: [
        ("2025-08-31", 6, "2026-02-28"), ("2023-08-31", 6, "2024-02-29"), ("2026-01-15", 6, "2026-07-15"),
        ("2026-03-31", -1, "2026-02-28"), ("2026-01-10", -12, "2025-01-10"), ("2026-11-30", 2, "2027-01-30"),
    ])
    func addingMonths(text: String, months: Int, expected: String) {
        #expect(date(text)?.adding(months: months).description == expected)
    }
}
