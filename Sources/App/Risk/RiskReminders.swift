import CapableCore
import Fluent
import SQLKit
import Vapor

/// Risk reminders for `Reminders.run`: a review that is overdue goes to the risk's owner and to
/// the head of the register's unit (the register's manager), once per review date; a tolerated
/// risk whose acceptance has run out goes to its owner, once per expiry date.
enum RiskReminders {
    static func overdue(today: CalendarDate, on db: any Database) async throws -> [Reminders.Reminder] {
        struct Row: Decodable {
            var id: UUID
            var reference: String
            var title: String
            var owner_id: UUID
            var next_review_on: String?
            var response: String?
            var acceptance_expires_on: String?
            var head_person_id: UUID?
        }
        let rows = try await db.sql.raw("""
            SELECT r.id, r.reference, r.title, r.owner_id, r.next_review_on, r.response, r.acceptance_expires_on, u.head_person_id \
            FROM risks r JOIN risk_registers g ON g.id = r.register_id LEFT JOIN org_units u ON u.id = g.org_unit_id \
            WHERE r.status = \(bind: Risk.Status.open.rawValue) \
            AND (r.next_review_on < \(bind: today.description) OR r.acceptance_expires_on < \(bind: today.description))
            """).all(decoding: Row.self)
        var reminders: [Reminders.Reminder] = []
        for row in rows {
            let id = row.id.uuidString.lowercased(), link = SiteURL.risk(.risk(row.id)).path
            if let due = row.next_review_on, due < today.description {
                let message = "The review of risk \(row.reference) (\(row.title)) is overdue: it was due on \(DisplayFormat.calendarDate(due))."
                for person in Set([row.owner_id] + (row.head_person_id.map { [$0] } ?? [])) {
                    reminders.append(.init(person: person, key: "risk-review-overdue:\(id):\(due)", message: message, link: link))
                }
            }
            if row.response == Risk.Response.tolerate.rawValue, let expiry = row.acceptance_expires_on, expiry < today.description {
                reminders.append(.init(person: row.owner_id, key: "risk-acceptance-expired:\(id):\(expiry)",
                                       message: "The acceptance of risk \(row.reference) ran out on \(DisplayFormat.calendarDate(expiry)): review it.", link: link))
            }
        }
        return reminders
    }
}
