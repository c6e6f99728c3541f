import Testing
@testable import CapableCore

@Suite struct ComplianceTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var subject: Compliance.Subject
        var rule: Compliance.Rule
        var today: CalendarDate
        var expected: Compliance.Status
        var testDescription: String { name }
    }

    /// A yearly refresher with 90 days for new starters, in force since 2020.
    static let yearly = Compliance.Rule(dueWithinDays: 90, validityMonths: 12, appliesFrom: date("2020-01-01"))
    static let once = Compliance.Rule(dueWithinDays: 28, validityMonths: nil, appliesFrom: date("2020-01-01"))
    static let today = date("2026-11-26")

    static let cases: [Case] = [
        Case(name: "completed this year, a year's validity", subject: .init(startDate: date("2015-04-01"), latestCompletion: date("2026-03-10")),
             rule: yearly, today: today, expected: .compliant(until: date("2027-03-09"))),
        Case(name: "expires within 30 days", subject: .init(startDate: date("2015-04-01"), latestCompletion: date("2025-12-20")),
             rule: yearly, today: today, expected: .dueSoon(by: date("2026-12-19"), renewing: true)),
        Case(name: "last day of validity is still compliant but due soon", subject: .init(startDate: date("2015-04-01"), latestCompletion: date("2025-11-27")),
             rule: yearly, today: today, expected: .dueSoon(by: date("2026-11-26"), renewing: true)),
        Case(name: "expired yesterday", subject: .init(startDate: date("2015-04-01"), latestCompletion: date("2025-11-26")),
             rule: yearly, today: today, expected: .overdue(since: date("2026-11-25"))),
        Case(name: "never done, long-serving", subject: .init(startDate: date("2010-01-01"), latestCompletion: nil),
             rule: yearly, today: today, expected: .overdue(since: date("2020-03-31"))),
        Case(name: "new starter inside the first 60 days", subject: .init(startDate: date("2026-11-01"), latestCompletion: nil),
             rule: yearly, today: today, expected: .notStarted(dueBy: date("2027-01-30"))),
        Case(name: "new starter within 30 days of the deadline", subject: .init(startDate: date("2026-09-15"), latestCompletion: nil),
             rule: yearly, today: today, expected: .dueSoon(by: date("2026-12-14"), renewing: false)),
        Case(name: "new starter past the deadline", subject: .init(startDate: date("2026-08-01"), latestCompletion: nil),
             rule: yearly, today: today, expected: .overdue(since: date("2026-10-30"))),
        Case(name: "leaver", subject: .init(active: false, startDate: date("2015-04-01"), latestCompletion: nil),
             rule: yearly, today: today, expected: .notRequired),
        Case(name: "outside the audience", subject: .init(inAudience: false, startDate: date("2015-04-01"), latestCompletion: nil),
             rule: yearly, today: today, expected: .notRequired),
        Case(name: "mover joined the audience a week ago", subject: .init(startDate: date("2012-02-01"), joinedAudienceOn: date("2026-11-19"), latestCompletion: nil),
             rule: once, today: today, expected: .dueSoon(by: date("2026-12-17"), renewing: false)),
        Case(name: "mover joined the audience two months ago", subject: .init(startDate: date("2012-02-01"), joinedAudienceOn: date("2026-09-01"), latestCompletion: nil),
             rule: once, today: today, expected: .overdue(since: date("2026-09-29"))),
        Case(name: "course without expiry, done years ago", subject: .init(startDate: date("2012-02-01"), latestCompletion: date("2014-06-01")),
             rule: once, today: today, expected: .compliant(until: nil)),
        Case(name: "completion before joining still in force", subject: .init(startDate: date("2026-06-01"), latestCompletion: date("2026-02-01")),
             rule: yearly, today: today, expected: .compliant(until: date("2027-01-31"))),
        Case(name: "completion before joining, expired before they joined", subject: .init(startDate: date("2026-11-01"), latestCompletion: date("2019-05-01")),
             rule: yearly, today: today, expected: .notStarted(dueBy: date("2027-01-30"))),
        Case(name: "completion before joining expires before the new-starter deadline",
             subject: .init(startDate: date("2026-11-20"), latestCompletion: date("2025-12-01")),
             rule: yearly, today: today, expected: .compliant(until: date("2026-11-30"))),
        Case(name: "a requirement introduced recently gives everyone its days", subject: .init(startDate: date("2001-01-01"), latestCompletion: nil),
             rule: .init(dueWithinDays: 90, validityMonths: 36, appliesFrom: date("2026-11-01")), today: today,
             expected: .notStarted(dueBy: date("2027-01-30"))),
    ]

    @Test(arguments: cases) func decides(_ example: Case) {
        #expect(Compliance.status(example.subject, rule: example.rule, today: example.today) == example.expected)
    }

    @Test func currentCountsOnlyCompletionsInForce() {
        #expect(Compliance.Status.compliant(until: nil).isCurrent)
        #expect(Compliance.Status.dueSoon(by: Self.today, renewing: true).isCurrent)
        #expect(!Compliance.Status.dueSoon(by: Self.today, renewing: false).isCurrent)
        #expect(!Compliance.Status.overdue(since: Self.today).isCurrent)
        #expect(Compliance.Status.dueSoon(by: Self.date("2027-01-01"), renewing: false).detail() == "due by 2027-01-01")
        #expect(Compliance.Status.compliant(until: nil).detail() == "does not expire")
    }

    @Test func theStatusMovesWithTheDayFromTheSameStoredDates() throws {
        let obligation = try #require(Compliance.obligation(.init(startDate: Self.date("2015-04-01"), latestCompletion: Self.date("2026-01-15")), rule: Self.yearly))
        #expect(obligation.status(today: Self.date("2026-06-01")) == .compliant(until: Self.date("2027-01-14")))
        #expect(obligation.status(today: Self.date("2026-12-20")) == .dueSoon(by: Self.date("2027-01-14"), renewing: true))
        #expect(obligation.status(today: Self.date("2027-01-15")) == .overdue(since: Self.date("2027-01-14")))
    }
}
