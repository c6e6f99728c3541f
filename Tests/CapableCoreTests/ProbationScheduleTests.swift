import CapableCore
import Foundation
import Testing

@Suite("Probation schedule")
struct ProbationScheduleTests {
    @Test("Reviews at 1, 3 and 5 months, then the final review on the end date; reviews past the end are left out")
    func schedule() throws {
        // setup
        let start = try #require(CalendarDate("2027-01-31"))
        let sixMonths = try #require(CalendarDate("2027-07-31"))
        let fourMonths = try #require(CalendarDate("2027-05-31"))
        // act
        let full = ProbationSchedule.reviews(start: start, end: sixMonths)
        let short = ProbationSchedule.reviews(start: start, end: fourMonths)
        // check
        #expect(full.map(\.due.description) == ["2027-02-28", "2027-04-30", "2027-06-30", "2027-07-31"])
        #expect(full.map(\.isFinal) == [false, false, false, true])
        #expect(short.map(\.due.description) == ["2027-02-28", "2027-04-30", "2027-05-31"])
        #expect(short.map(\.number) == [1, 2, 3])
    }

    @Test("The months setting reads a list of whole months and refuses anything else")
    func setting() {
        #expect(ProbationSchedule.months(from: "1, 3, 5") == [1, 3, 5])
        #expect(ProbationSchedule.months(from: "2,4") == [2, 4])
        #expect(ProbationSchedule.months(from: "") == nil)
        #expect(ProbationSchedule.months(from: "1,x") == nil)
        #expect(ProbationSchedule.months(from: "0,30") == nil)
    }
}
