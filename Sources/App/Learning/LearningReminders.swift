import CapableCore
import Fluent
import SQLKit
import Vapor

/// The learning area's reminders for `Reminders.run`: mandatory training coming due (once per
/// deadline, within `Compliance.dueSoonDays`) or just overdue (for a week after the deadline,
/// then the matrix and reports carry it), and a session tomorrow. Booking confirmations and
/// waiting-list promotions are sent when they happen (see `Bookings`).
enum LearningReminders {
    static func requirements(today: CalendarDate, on db: any Database) async throws -> [Reminders.Reminder] {
        struct Row: Decodable { var person_id: UUID; var requirement_id: UUID; var deadline: String; var completed_on: String?; var title: String }
        let rows = try await db.sql.raw("""
            SELECT r.person_id, r.requirement_id, r.deadline, r.completed_on, c.title FROM \(ident: ComplianceRecords.table) r \
            JOIN training_requirements q ON q.id = r.requirement_id JOIN courses c ON c.id = q.course_id JOIN people p ON p.id = r.person_id \
            WHERE p.active = \(bind: true) AND r.deadline >= \(bind: today.adding(days: -7).description) \
            AND r.deadline <= \(bind: today.adding(days: Compliance.dueSoonDays).description)
            """).all(decoding: Row.self)
        let link = SiteURL.learning(.myLearning).path
        return rows.compactMap { row in
            guard let deadline = CalendarDate(row.deadline) else { return nil }
            let id = row.requirement_id.uuidString.lowercased(), when = DisplayFormat.calendarDate(row.deadline)
            if deadline < today {
                return .init(person: row.person_id, key: "training-overdue:\(id):\(row.deadline)",
                             message: "\(row.title) is overdue: it was due by \(when).", link: link)
            }
            let again = row.completed_on == nil ? "" : " again"
            return .init(person: row.person_id, key: "training-due:\(id):\(row.deadline)",
                         message: "\(row.title) is mandatory for you and due\(again) by \(when).", link: link)
        }
    }

    static func sessionsTomorrow(today: CalendarDate, on db: any Database) async throws -> [Reminders.Reminder] {
        let tomorrow = today.adding(days: 1).description
        let bookings = try await Booking.query(on: db).filter(\.$status == Booking.Status.booked.rawValue)
            .join(CourseSession.self, on: \Booking.$session.$id == \CourseSession.$id)
            .filter(CourseSession.self, \.$startsOn == tomorrow).filter(CourseSession.self, \.$cancelled == false)
            .with(\.$session) { $0.with(\.$course) }.all()
        return try bookings.map { booking in
            .init(person: booking.$person.id, key: "session-tomorrow:\(try booking.requireID().uuidString.lowercased())",
                  message: "Tomorrow: \(booking.session.course.title), \(booking.session.startTime) to \(booking.session.endTime), \(booking.session.location).",
                  link: SiteURL.learning(.session(booking.$session.id)).path)
        }
    }
}
