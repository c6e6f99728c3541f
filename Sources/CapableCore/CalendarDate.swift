/// A calendar date, yyyy-mm-dd, with no time zone: a start date or a due date is a day, not an instant.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses ISO `yyyy-mm-dd`, or UK `dd/mm/yyyy`; nil for anything else or for a day that does not exist.
    public init?(_ text: String) {
        // Stored dates are ISO: read those byte by byte (lists parse one per row).
        if text.utf8.count == 10, let date = Self.iso(text.utf8) {
            self = date
            return
        }
        let parts: [Substring]
        let isISO = text.contains("-")
        parts = text.split(separator: isISO ? "-" : "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let (year, month, day) = isISO ? (numbers[0], numbers[1], numbers[2]) : (numbers[2], numbers[1], numbers[0])
        guard (isISO ? parts[0].count : parts[2].count) == 4 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `yyyy-mm-dd`, or nil.
    private static func iso(_ bytes: String.UTF8View) -> CalendarDate? {
        var year = 0, month = 0, day = 0, position = 0
        for byte in bytes {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            position += 1
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1970-01-01, day number 0.
    public static let epoch = CalendarDate(unchecked: 1970, 1, 1)

    public var nextDay: CalendarDate {
        if day < Self.days(inMonth: month, year: year) { return CalendarDate(unchecked: year, month, day + 1) }
        if month < 12 { return CalendarDate(unchecked: year, month + 1, 1) }
        return CalendarDate(unchecked: year + 1, 1, 1)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
