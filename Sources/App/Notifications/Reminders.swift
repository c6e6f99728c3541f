import CapableCore
import Fluent
import SQLKit
import Vapor

/// Produces reminders into people's notification lists: check-ins overdue (to the manager),
/// feedback asked of someone, PDR steps due within a week or overdue, and probation reviews due
/// within a week or overdue (to the manager), and mandatory training and sessions (see
/// `LearningReminders`). Each reminder has a key naming what it is about
/// and when it fell due, and the list holds a key once per person, so running this again, or
/// from several servers at once, adds nothing twice.
enum Reminders {
    /// How far ahead "due soon" looks.
    static let soonDays = 7

    struct Reminder: Equatable, Sendable {
        var person: UUID
        var key: String
        var message: String
        var link: String
    }

    /// Adds the reminders due today; returns how many were new.
    @discardableResult
    static func run(today: CalendarDate, probationMonths: [Int], on db: any Database) async throws -> Int {
        // New starters and movers come under mandatory training here, before anyone is reminded.
        try await db.writeTransaction { tx in try await ComplianceRecords.refresh(today: today, on: tx) }
        // The day's counts per unit, ready for the first view of the organisation's figures.
        try await ComplianceQueries.ensureCounts(today: today, on: db)
        var reminders = try await checkIns(today: today, on: db)
        reminders += try await feedbackRequests(on: db)
        reminders += try await reviewSteps(today: today, on: db)
        reminders += try await probation(today: today, months: probationMonths, on: db)
        reminders += try await LearningReminders.requirements(today: today, on: db)
        reminders += try await LearningReminders.sessionsTomorrow(today: today, on: db)
        reminders += try await RiskReminders.overdue(today: today, on: db)
        let found = reminders
        return try await db.writeTransaction { tx in
            let created = try await insert(found, on: tx)
            if created > 0 {
                try await Audit.append("remind", entity: "notification", id: nil, changes: [FieldChange(field: "created", old: nil, new: String(created))],
                                       context: .system, on: tx)
            }
            return created
        }
    }

    static func checkIns(today: CalendarDate, on db: any Database) async throws -> [Reminder] {
        struct Row: Decodable {
            var id: UUID
            var line_manager_id: UUID
            var given_name: String
            var family_name: String
            var preferred_name: String?
            var start_date: String?
            var last_check_in: String?
            var cadence_weeks: Int
        }
        let rows = try await db.sql.raw("""
            SELECT p.id, p.line_manager_id, p.given_name, p.family_name, p.preferred_name, p.start_date, \
            (SELECT MAX(c.held_on) FROM check_ins c WHERE c.person_id = p.id) AS last_check_in, \
            COALESCE((SELECT k.weeks FROM check_in_cadences k WHERE k.person_id = p.id), \(literal: CheckInCadence.defaultWeeks)) AS cadence_weeks \
            FROM people p WHERE p.active = \(bind: true) AND p.line_manager_id IS NOT NULL
            """).all(decoding: Row.self)
        return rows.compactMap { row in
            let due = CheckInSchedule.nextDue(last: row.last_check_in, startDate: row.start_date, weeks: row.cadence_weeks, today: today)
            guard due < today else { return nil }
            let name = "\(row.preferred_name ?? row.given_name) \(row.family_name)"
            return Reminder(person: row.line_manager_id, key: "check-in-overdue:\(row.id.uuidString.lowercased()):\(due)",
                            message: "Your check-in with \(name) is overdue: it was due on \(DisplayFormat.calendarDate(due.description)).",
                            link: SiteURL.newCheckIn(row.id).path)
        }
    }

    static func feedbackRequests(on db: any Database) async throws -> [Reminder] {
        let asked = try await FeedbackRecipient.query(on: db).filter(\.$answered == false)
            .with(\.$request) { $0.with(\.$subject).with(\.$requestedBy) }.all()
        return try asked.map { recipient in
            let request = recipient.request
            let about = request.$subject.id == request.$requestedBy.id ? "themselves" : request.subject.displayName
            return Reminder(person: recipient.$person.id, key: "feedback-request:\(try recipient.requireID().uuidString.lowercased())",
                            message: "\(request.requestedBy.displayName) asked for your feedback about \(about)\(request.anonymous ? " (anonymous)" : "").",
                            link: SiteURL.feedbackRequest(try request.requireID()).path)
        }
    }

    static func reviewSteps(today: CalendarDate, on db: any Database) async throws -> [Reminder] {
        let soon = today.adding(days: soonDays)
        // The self-assessment date is a cycle's earliest, so a cycle whose first step is more than
        // `soonDays` away has nothing to remind anyone of yet.
        let reviews = try await PerformanceReview.query(on: db)
            .join(ReviewCycle.self, on: \PerformanceReview.$cycle.$id == \ReviewCycle.$id)
            .filter(ReviewCycle.self, \.$opensOn <= today.description)
            .filter(ReviewCycle.self, \.$selfDueOn <= soon.description)
            .group(.or) { $0.filter(\.$personSignedOn == nil).filter(\.$managerSignedOn == nil) }
            .with(\.$cycle).with(\.$person).all()
        let assessments = try await ReviewCycles.assessments(of: reviews, on: db)
        var reminders: [Reminder] = []
        for review in reviews {
            let progress = ReviewCycles.progress(review, assessments: assessments)
            let link = SiteURL.review(review.$person.id, try review.requireID()).path
            for task in PDRTasks.tasks(progress, deadlines: review.cycle.deadlines, today: today) where task.status != .completed && task.due <= soon {
                let when = task.status == .overdue ? "overdue" : "due"
                let phrase = task.status == .overdue ? "was due on" : "is due by"
                var people: [(UUID, String)] = []
                let yours = "\(task.step.label) for \(review.cycle.title) \(phrase) \(DisplayFormat.calendarDate(task.due.description))."
                let theirs = "\(task.step.label) for \(review.person.displayName) (\(review.cycle.title)) \(phrase) \(DisplayFormat.calendarDate(task.due.description))."
                let manager = review.$manager.id
                switch task.step {
                case .selfAssessment: people = [(review.$person.id, yours)]
                case .managerAssessment, .meeting: people = manager.map { [($0, theirs)] } ?? []
                case .developmentPlan: people = [(review.$person.id, yours)] + (manager.map { [($0, theirs)] } ?? [])
                case .signOff:
                    if review.personSignedOn == nil { people.append((review.$person.id, yours)) }
                    if review.managerSignedOn == nil, let manager { people.append((manager, theirs)) }
                }
                for (person, message) in people {
                    reminders.append(Reminder(person: person, key: "pdr:\(try review.requireID().uuidString.lowercased()):\(task.step.rawValue):\(when)",
                                              message: message, link: link))
                }
            }
        }
        return reminders
    }

    static func probation(today: CalendarDate, months: [Int], on db: any Database) async throws -> [Reminder] {
        let everyone = Viewer(personID: nil, roles: [.admin])
        let soon = today.adding(days: soonDays).description
        return try await ProbationDue.query(viewer: everyone, months: months, today: today, on: db).compactMap { row in
            guard let manager = row.managerID, row.next.due <= soon else { return nil }
            let overdue = row.next.state == .overdue
            return Reminder(person: manager, key: "probation:\(row.personID.uuidString.lowercased()):\(row.next.number):\(overdue ? "overdue" : "due")",
                            message: "Probation review \(row.next.number)\(row.next.isFinal ? " (final)" : "") for \(row.name) "
                                + (overdue ? "was due on " : "is due on ") + DisplayFormat.calendarDate(row.next.due) + ".",
                            link: SiteURL.probation(row.personID).path)
        }
    }

    /// Inserts in batches; a key a person already has is skipped by the database itself (the
    /// unique index), which is what makes concurrent runs safe. The count returned is the growth
    /// of the list, so a run alongside another may report some of the other's reminders.
    static func insert(_ reminders: [Reminder], on db: any Database) async throws -> Int {
        struct Count: Decodable { var n: Int }
        let countSQL: SQLQueryString = "SELECT COUNT(*) AS n FROM notifications"
        let before = try await db.sql.raw(countSQL).first(decoding: Count.self)?.n ?? 0
        let now = Date()
        for batch in reminders.chunks(of: 200) {
            var sql: SQLQueryString = "INSERT INTO notifications (id, person_id, \(ident: "key"), message, link, created_at) VALUES "
            for (index, reminder) in batch.enumerated() {
                if index > 0 { sql += ", " }
                sql += "(\(bind: UUID()), \(bind: reminder.person), \(bind: reminder.key), \(bind: reminder.message), \(bind: reminder.link), \(bind: now))"
            }
            sql += " ON CONFLICT (person_id, \(ident: "key")) DO NOTHING"
            try await db.sql.raw(sql).run()
        }
        let after = try await db.sql.raw(countSQL).first(decoding: Count.self)?.n ?? 0
        return max(0, after - before)
    }
}
