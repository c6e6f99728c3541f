import CapableCore
import Fluent
import Vapor

/// A person's probation: the schedule from their start and end dates, the reviews held, what is
/// next, and its state in words.
enum Probation {
    enum State: String, Encodable, Sendable {
        case done, overdue, dueSoon, upcoming

        var label: String {
            switch self {
            case .done: "Done"
            case .overdue: "Overdue"
            case .dueSoon: "Due soon"
            case .upcoming: "Upcoming"
            }
        }

        var colour: String {
            switch self {
            case .done: "green"
            case .overdue: "red"
            case .dueSoon: "yellow"
            case .upcoming: "grey"
            }
        }
    }

    struct Entry: Encodable, Sendable {
        var number: Int
        var due: String
        var isFinal: Bool
        var state: State
        var review: UUID?
    }

    /// The schedule with each review's state. Reviews held for dates no longer in the schedule
    /// (the final review of a probation that was then extended) stay in the list, as done.
    static func entries(person: Person, reviews: [ProbationReview], months: [Int], today: CalendarDate) -> [Entry] {
        guard let start = person.startDate.flatMap(CalendarDate.init), let end = person.probationEndDate.flatMap(CalendarDate.init) else { return [] }
        let held = Dictionary(reviews.map { ($0.dueOn, $0) }, uniquingKeysWith: { first, _ in first })
        let schedule = ProbationSchedule.reviews(start: start, end: end, months: months)
        var entries = schedule.map { review -> Entry in
            let due = review.due.description
            let state: State = held[due] != nil ? .done : review.due < today ? .overdue
                : CalendarDate.days(from: today, to: review.due) <= 14 ? .dueSoon : .upcoming
            return Entry(number: review.number, due: due, isFinal: review.isFinal, state: state, review: held[due]?.id)
        }
        let scheduled = Set(schedule.map(\.due.description))
        for review in reviews where !scheduled.contains(review.dueOn) {
            entries.append(Entry(number: 0, due: review.dueOn, isFinal: review.outcome != nil, state: .done, review: review.id))
        }
        entries.sort { $0.due < $1.due }
        return entries.enumerated().map { index, entry in var entry = entry; entry.number = index + 1; return entry }
    }

    /// Whether probation has ended with a decision (confirmed or not confirmed).
    static func decided(_ reviews: [ProbationReview]) -> ProbationReview.Outcome? {
        reviews.compactMap(\.outcomeValue).last { $0 != .extend }
    }
}
