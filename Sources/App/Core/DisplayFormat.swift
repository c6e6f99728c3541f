import Foundation

/// Dates and times as people in the UK read them, in UK time.
enum DisplayFormat {
    static let london = TimeZone(identifier: "Europe/London") ?? .gmt

    static func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .shortened, locale: Locale(identifier: "en_GB"), timeZone: london))
    }
}
