import Foundation

/// When a person's next check-in is due.
public enum CheckInSchedule {
    /// A cadence after the last check-in, or after the start date for someone who has had none
    /// (or after today, for someone with neither).
    public static func nextDue(last: String?, startDate: String?, weeks: Int, today: CalendarDate) -> CalendarDate {
        let from = last.flatMap(CalendarDate.init) ?? startDate.flatMap(CalendarDate.init) ?? today
        return from.adding(days: weeks * 7)
    }
}
