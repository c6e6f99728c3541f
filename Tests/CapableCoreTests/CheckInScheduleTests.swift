import CapableCore
import Foundation
import Testing

@Suite("Check-in schedule")
struct CheckInScheduleTests {
    @Test("The next check-in is a cadence after the last one, or after the start date; past it, it is overdue")
    func nextDue() {
        // setup
        let today = CalendarDate.today
        // act
        let afterRecent = CheckInSchedule.nextDue(last: today.adding(days: -7).description, startDate: nil, weeks: 4, today: today)
        let afterOld = CheckInSchedule.nextDue(last: today.adding(days: -40).description, startDate: nil, weeks: 4, today: today)
        let newStarter = CheckInSchedule.nextDue(last: nil, startDate: today.adding(days: -10).description, weeks: 4, today: today)
        let nothing = CheckInSchedule.nextDue(last: nil, startDate: nil, weeks: 2, today: today)
        // check
        #expect(afterRecent == today.adding(days: 21))
        #expect(afterOld < today)
        #expect(newStarter == today.adding(days: 18))
        #expect(nothing == today.adding(days: 14))
    }
}
