import Foundation

/// When a new starter's probation reviews fall: a number of months after the start date (1, 3
/// and 5 by default), each before the probation ends, then the final review on the end date.
public enum ProbationSchedule {
    public static let defaultMonths = [1, 3, 5]

    /// One review in the schedule.
    public struct Review: Sendable, Equatable {
        /// 1, 2, 3… in date order.
        public var number: Int
        public var due: CalendarDate
        /// The last review, on the end date, which decides the outcome.
        public var isFinal: Bool

        public init(number: Int, due: CalendarDate, isFinal: Bool) {
            self.number = number; self.due = due; self.isFinal = isFinal
        }
    }

    /// The reviews for a probation from `start` to `end`; reviews that would fall on or after
    /// the end date are left out, as the final review covers them.
    public static func reviews(start: CalendarDate, end: CalendarDate, months: [Int] = defaultMonths) -> [Review] {
        let interim = Set(months.filter { $0 > 0 }).sorted().map { start.adding(months: $0) }.filter { $0 < end }
        return (interim + [end]).enumerated().map { index, date in
            Review(number: index + 1, due: date, isFinal: index == interim.count)
        }
    }

    /// Reads "1,3,5" (a setting) into months; nil when it is not a list of whole months from 1 to 24.
    public static func months(from text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0.map { (1...24).contains($0) } ?? false }) else { return nil }
        return parts.compactMap { $0 }
    }
}
