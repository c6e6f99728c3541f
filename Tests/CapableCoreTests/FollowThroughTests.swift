import Testing
@testable import CapableCore

@Suite struct FollowThroughTests {
    let today = CalendarDate(year: 2027, month: 3, day: 10) ?? .today

    @Test func countsOnlyWhatHasComeDue() throws {
        // setup
        let yesterday = try #require(CalendarDate("2027-03-09")), tomorrow = try #require(CalendarDate("2027-03-11"))
        // act
        let result = FollowThrough([(.done, yesterday), (.done, nil), (.open, yesterday), (.open, tomorrow), (.open, nil), (.open, today),
                                    (.dropped, yesterday)], today: today)
        // check
        #expect(result == FollowThrough(done: 2, due: 3, overdue: 1, dropped: 1))
        #expect(result.total == 7)
        #expect(result.rate == 67, "2 done of 3 that have come due")
        #expect(result.summary == "67% followed through (2 done, 1 overdue)")
    }

    @Test func noRateUntilSomethingComesDue() throws {
        let result = FollowThrough([(.open, nil), (.dropped, nil)], today: today)
        #expect(result.rate == nil)
        #expect(result.summary == "No actions have come due yet")
        #expect(FollowThrough([(.done, nil)], today: today).rate == 100)
        #expect(FollowThrough([(.open, try #require(CalendarDate("2026-01-01")))], today: today).rate == 0)
    }
}
