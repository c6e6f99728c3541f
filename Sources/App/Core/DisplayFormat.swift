import CapableCore
import Foundation

/// Dates and times as people in the UK read them, in UK time.
enum DisplayFormat {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    /// The Gregorian calendar in UK time, for turning instants into the days people mean.
    static let londonCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        return calendar
    }()

    /// The instant a UK day starts.
    static func start(of day: CalendarDate) -> Date {
        londonCalendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date()
    }

    /// The UK day an instant falls on.
    static func day(of instant: Date) -> CalendarDate {
        let parts = londonCalendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? .epoch
    }

    static func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .shortened, locale: Locale(identifier: "en_GB"), timeZone: london))
    }

    /// "2026-11-26" as "26 November 2026"; anything unparseable is shown as it is.
    static func calendarDate(_ iso: String) -> String {
        guard let date = CalendarDate(iso) else { return iso }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "2026-11-26" as "26/11/2026", the way people type dates into forms.
    static func ukDate(_ iso: String) -> String {
        guard let date = CalendarDate(iso) else { return iso }
        return String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }

    /// "42 of 50 (84%)": a count out of a total with its whole-number percentage, the way
    /// completion and compliance figures are reported.
    static func fraction(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "0 of 0" }
        return "\(count) of \(total) (\(Int((Double(count) * 100 / Double(total)).rounded(.down)))%)"
    }
}
