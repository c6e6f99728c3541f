/// Whether one person meets one mandatory-training requirement. Every page, export, reminder and
/// API answer about "who was trained, when, and is it still current?" comes from here.
///
/// It works in two steps so reports over a whole council stay fast: `obligation` turns the facts
/// (who the person is, when they came under the requirement, their latest completion) into a few
/// dates that are stored per person and requirement, and `Obligation.status(today:)` reads those
/// dates on any given day without touching the facts again.
public enum Compliance {
    /// "Due soon" looks this far ahead, for a refresher and for a new starter alike.
    public static let dueSoonDays = 30

    /// What a requirement asks.
    public struct Rule: Sendable, Equatable {
        /// Days from coming under the requirement (starting, or joining its audience) to the deadline.
        public var dueWithinDays: Int
        /// How long a completion counts: the requirement's refresher period, or else the course's
        /// validity; nil means it never expires.
        public var validityMonths: Int?
        /// The day the requirement took effect: nobody is due before this plus `dueWithinDays`.
        public var appliesFrom: CalendarDate

        public init(dueWithinDays: Int, validityMonths: Int?, appliesFrom: CalendarDate) {
            self.dueWithinDays = dueWithinDays
            self.validityMonths = validityMonths
            self.appliesFrom = appliesFrom
        }
    }

    /// What is known about the person.
    public struct Subject: Sendable, Equatable {
        /// False for a leaver: nothing is required of them any more.
        public var active: Bool
        /// Whether the requirement's audience includes them today.
        public var inAudience: Bool
        public var startDate: CalendarDate?
        /// When they came into the audience (a mover, a new manager); nil means "since they started".
        public var joinedAudienceOn: CalendarDate?
        /// Their latest completion of the course, whenever it was, even before they joined.
        public var latestCompletion: CalendarDate?

        public init(active: Bool = true, inAudience: Bool = true, startDate: CalendarDate?, joinedAudienceOn: CalendarDate? = nil,
                    latestCompletion: CalendarDate?) {
            self.active = active
            self.inAudience = inAudience
            self.startDate = startDate
            self.joinedAudienceOn = joinedAudienceOn
            self.latestCompletion = latestCompletion
        }
    }

    /// The dates that decide the status on any day.
    public struct Obligation: Sendable, Equatable {
        /// When the person came under the requirement.
        public var since: CalendarDate
        public var completedOn: CalendarDate?
        /// The last day the completion counts; nil with a completion means it never expires.
        public var expiresOn: CalendarDate?
        /// The day by which the person must complete (again); nil when done for good.
        public var deadline: CalendarDate?

        public init(since: CalendarDate, completedOn: CalendarDate?, expiresOn: CalendarDate?, deadline: CalendarDate?) {
            self.since = since
            self.completedOn = completedOn
            self.expiresOn = expiresOn
            self.deadline = deadline
        }

        /// Whether a completion counts today.
        public func inForce(today: CalendarDate) -> Bool {
            guard completedOn != nil else { return false }
            return expiresOn.map { today <= $0 } ?? true
        }

        /// The status on `today`. Reports that count statuses in SQL use the same order of tests
        /// (see `Cutoffs`), and a test holds the two to the same answers.
        public func status(today: CalendarDate) -> Status {
            guard let deadline else { return .compliant(until: nil) }
            let current = inForce(today: today)
            if deadline < today { return .overdue(since: deadline) }
            if deadline <= today.adding(days: dueSoonDays) { return .dueSoon(by: deadline, renewing: current) }
            if current { return .compliant(until: expiresOn) }
            return .notStarted(dueBy: deadline)
        }
    }

    public enum Status: Sendable, Equatable {
        /// A completion counts; `until` is its last day (nil: it never expires).
        case compliant(until: CalendarDate?)
        /// The deadline is within `dueSoonDays`; `renewing` when a completion still counts until then.
        case dueSoon(by: CalendarDate, renewing: Bool)
        case overdue(since: CalendarDate)
        /// Nothing counts yet and the deadline is more than `dueSoonDays` away.
        case notStarted(dueBy: CalendarDate)
        case notRequired

        /// Short, stable names for exports, filters and the API.
        public var code: String {
            switch self {
            case .compliant: "compliant"
            case .dueSoon: "due-soon"
            case .overdue: "overdue"
            case .notStarted: "not-started"
            case .notRequired: "not-required"
            }
        }

        /// The words on a tag, so the status never depends on colour.
        public var label: String {
            switch self {
            case .compliant: "Compliant"
            case .dueSoon: "Due soon"
            case .overdue: "Overdue"
            case .notStarted: "Not started"
            case .notRequired: "Not required"
            }
        }

        /// True while a completion counts: what "42 of 50 (84%)" counts.
        public var isCurrent: Bool {
            switch self {
            case .compliant: true
            case .dueSoon(_, let renewing): renewing
            default: false
            }
        }

        /// The date that matters, in words, e.g. "due by 2027-01-31"; `format` writes the dates.
        public func detail(format: (CalendarDate) -> String = { $0.description }) -> String? {
            switch self {
            case .compliant(let until): until.map { "until \(format($0))" } ?? "does not expire"
            case .dueSoon(let by, let renewing): renewing ? "expires \(format(by))" : "due by \(format(by))"
            case .overdue(let since): "was due \(format(since))"
            case .notStarted(let dueBy): "due by \(format(dueBy))"
            case .notRequired: nil
            }
        }
    }

    /// The obligation of someone under the requirement; nil when it does not apply to them.
    public static func obligation(_ subject: Subject, rule: Rule) -> Obligation? {
        guard subject.active, subject.inAudience else { return nil }
        let since = [rule.appliesFrom, subject.startDate, subject.joinedAudienceOn].compactMap { $0 }.max() ?? rule.appliesFrom
        let firstDeadline = since.adding(days: max(0, rule.dueWithinDays))
        guard let completed = subject.latestCompletion else {
            return Obligation(since: since, completedOn: nil, expiresOn: nil, deadline: firstDeadline)
        }
        guard let months = rule.validityMonths else {
            return Obligation(since: since, completedOn: completed, expiresOn: nil, deadline: nil)
        }
        // A completion from before the person came under the requirement counts while it lasts,
        // and never shortens the time they were given to complete.
        let expires = expiry(completedOn: completed, validityMonths: months)
        return Obligation(since: since, completedOn: completed, expiresOn: expires, deadline: max(expires, firstDeadline))
    }

    /// The last day a completion counts: the day before the same date `validityMonths` later
    /// (a course done on 10 March with 12 months' validity counts through 9 March next year).
    public static func expiry(completedOn day: CalendarDate, validityMonths months: Int) -> CalendarDate {
        day.adding(months: months).adding(days: -1)
    }

    public static func status(_ subject: Subject, rule: Rule, today: CalendarDate) -> Status {
        obligation(subject, rule: rule)?.status(today: today) ?? .notRequired
    }

    /// The days a report's SQL compares stored `deadline` and `expires_on` with, in the order
    /// `Obligation.status(today:)` tests them.
    public struct Cutoffs: Sendable, Equatable {
        public var today: String
        public var dueSoonUntil: String

        public init(today: CalendarDate) {
            self.today = today.description
            self.dueSoonUntil = today.adding(days: Compliance.dueSoonDays).description
        }
    }
}
