import CapableCore
import Fluent
import Foundation
import SQLKit

/// Read-only queries for the people pages and API, as plain rows (no Fluent models on lists).
enum PeopleQueries {
    struct Row: Codable, Sendable {
        var id: UUID
        var employee_ref: String
        var assignment_no: String
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var job_title: String?
        var grade: String?
        var active: Bool
        var org_unit_id: UUID?
        var unit_name: String?
        var line_manager_id: UUID?

        var displayName: String { "\(preferred_name ?? given_name) \(family_name)" }
    }

    struct Search: Sendable {
        /// Matches name, employee reference, job title, or the unit's name or code.
        var text: String?
        var unitID: UUID?
        /// Only the direct reports of this person.
        var managerID: UUID?
        var includeLeavers = false
        var limit = 50
        var offset = 0
    }

    static let columns: SQLQueryString = """
        p.id, p.employee_ref, p.assignment_no, p.given_name, p.family_name, p.preferred_name, p.job_title, p.grade, \
        p.active, p.org_unit_id, u.name AS unit_name, p.line_manager_id
        """

    /// People the viewer may see that match, in name order; one more than `limit` tells there is a next page.
    static func search(_ search: Search, scope: PeopleScope, on db: any Database) async throws -> [Row] {
        var sql = scope.commonTables
        sql += " SELECT \(columns) FROM people p LEFT JOIN org_units u ON u.id = p.org_unit_id WHERE \(scope.condition(alias: "p"))"
        if !search.includeLeavers { sql += " AND p.active = \(bind: true)" }
        if let text = search.text?.lowercased(), !text.isEmpty {
            let like = "%\(text)%"
            sql += """
                 AND (lower(p.given_name || ' ' || p.family_name) LIKE \(bind: like) \
                OR lower(COALESCE(p.preferred_name, '') || ' ' || p.family_name) LIKE \(bind: like) \
                OR lower(p.employee_ref) LIKE \(bind: like) OR lower(COALESCE(p.job_title, '')) LIKE \(bind: like) \
                OR lower(COALESCE(u.name, '')) LIKE \(bind: like) OR lower(COALESCE(u.code, '')) LIKE \(bind: like))
                """
        }
        if let unit = search.unitID { sql += " AND p.org_unit_id = \(bind: unit)" }
        if let manager = search.managerID { sql += " AND p.line_manager_id = \(bind: manager)" }
        sql += " ORDER BY p.family_name, p.given_name, p.employee_ref, p.assignment_no LIMIT \(literal: search.limit + 1) OFFSET \(literal: search.offset)"
        return try await db.sql.raw(sql).all(decoding: Row.self)
    }

    struct TeamRow: Codable, Sendable {
        var id: UUID
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var job_title: String?
        var unit_name: String?
        var manager_given_name: String?
        var manager_family_name: String?
        var depth: Int
        var start_date: String?
        var probation_end_date: String?
        /// The latest check-in's date, `yyyy-mm-dd`.
        var last_check_in: String?
        var cadence_weeks: Int
        /// Open objectives marked at risk or off track.
        var objectives_at_risk: Int

        var displayName: String { "\(preferred_name ?? given_name) \(family_name)" }
    }

    /// A manager's active reports: direct only, or everyone below them with their depth.
    /// How My team is ordered: by place in the line and name, longest without a check-in first,
    /// or most objectives at risk first.
    enum TeamSort: String, CaseIterable, Sendable, Encodable {
        case name, checkIn = "check-in", risk

        /// Fixed SQL on the derived table `x`: never built from what was sent. NULL check-ins
        /// (never met) sort first on both databases.
        var orderBy: SQLQueryString {
            switch self {
            case .name: "x.depth, x.family_name, x.given_name"
            case .checkIn: "CASE WHEN x.last_check_in IS NULL THEN 0 ELSE 1 END, x.last_check_in, x.family_name, x.given_name"
            case .risk: "x.objectives_at_risk DESC, x.family_name, x.given_name"
            }
        }
    }

    static func team(of manager: UUID, indirect: Bool, sort: TeamSort = .name, limit: Int, offset: Int, on db: any Database) async throws -> (rows: [TeamRow], total: Int) {
        let tree: SQLQueryString = """
            WITH RECURSIVE team(id, depth) AS (
                SELECT id, 1 FROM people WHERE line_manager_id = \(bind: manager) AND active = \(bind: true)
                UNION SELECT p.id, t.depth + 1 FROM people p JOIN team t ON p.line_manager_id = t.id
                WHERE p.active = \(bind: true) AND t.depth < \(literal: indirect ? 50 : 1)
            )
            """
        struct Count: Decodable { var n: Int }
        let total = try await db.sql.raw(tree + " SELECT COUNT(DISTINCT id) AS n FROM team").first(decoding: Count.self)?.n ?? 0
        let rows = try await db.sql.raw(tree + """
             SELECT * FROM (SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.job_title, u.name AS unit_name, \
            m.given_name AS manager_given_name, m.family_name AS manager_family_name, MIN(t.depth) AS depth, \
            p.start_date, p.probation_end_date, \
            (SELECT MAX(c.held_on) FROM check_ins c WHERE c.person_id = p.id) AS last_check_in, \
            COALESCE((SELECT k.weeks FROM check_in_cadences k WHERE k.person_id = p.id), \(literal: CheckInCadence.defaultWeeks)) AS cadence_weeks, \
            (SELECT COUNT(*) FROM objectives o WHERE o.person_id = p.id AND o.status IN (\(bind: Objective.Status.atRisk.rawValue), \(bind: Objective.Status.offTrack.rawValue))) \
            AS objectives_at_risk \
            FROM team t JOIN people p ON p.id = t.id LEFT JOIN org_units u ON u.id = p.org_unit_id \
            LEFT JOIN people m ON m.id = p.line_manager_id \
            GROUP BY p.id, p.given_name, p.family_name, p.preferred_name, p.job_title, u.name, m.given_name, m.family_name, \
            p.start_date, p.probation_end_date) x \
            ORDER BY \(sort.orderBy) LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all(decoding: TeamRow.self)
        return (rows, total)
    }

    /// How many active people report to this person directly.
    static func directReportCount(of person: UUID, on db: any Database) async throws -> Int {
        try await Person.query(on: db).filter(\.$lineManager.$id == person).filter(\.$active == true).count()
    }
}
