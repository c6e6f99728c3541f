import Foundation

/// Day arithmetic on calendar dates: "due within 30 days of starting", "started in the last 90
/// days", "probation ends six months after the start". Whole days only; no time zone is involved.
extension CalendarDate {
    /// Days since 1970-01-01 (negative before it), so that date differences are plain subtraction.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day comes last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days later (earlier when negative). Results beyond 0001-01-01...9999-12-31
    /// stop at those ends, so arithmetic never fails on a date that cannot be written down.
    public func adding(days: Int) -> CalendarDate {
        let (year, month, day) = Self.civil(fromDayNumber: min(max(dayNumber + days, -719_162), 2_932_896))
        // The conversion always yields a real day in range; the fallback only satisfies the
        // failable initialiser.
        return CalendarDate(year: year, month: month, day: day) ?? self
    }

    /// The same day of the month `months` months later (earlier when negative), or the last day of
    /// that month when it is shorter: 31 August plus six months is the end of February.
    public func adding(months: Int) -> CalendarDate {
        let index = min(max(year * 12 + (month - 1) + months, 12), 9999 * 12 + 11)
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, year: newYear))) ?? self
    }

    /// Whole days from `start` to `end`: positive when `end` is later, zero on the same day.
    public static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        end.dayNumber - start.dayNumber
    }

    /// Howard Hinnant's civil_from_days, the inverse of `dayNumber`.
    private static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CalendarDate {
    /// Today in the UK, where Capable's councils are: a leaving date is a UK calendar day.
    public static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate.epoch
    }
}
