import CapableCore
import Fluent
import SQLKit
import Vapor

/// Reads the stored compliance dates for pages, exports and the API: one person's requirements,
/// a team's matrix, and counts by unit for the organisation view.
enum ComplianceQueries {
    /// A requirement as lists show it.
    struct RequirementInfo: Sendable {
        var id: UUID
        var courseID: UUID
        var title: String
        var code: String
        var reason: String
        var audience: String
    }

    /// Every requirement by course title. `describingAudiences` reads unit and role names to put
    /// each audience in words; reports that only need titles skip that.
    static func requirements(describingAudiences: Bool = true, on db: any Database) async throws -> [RequirementInfo] {
        let names = describingAudiences ? try await Audiences.names(on: db) : AudienceNames()
        return try await TrainingRequirement.query(on: db).with(\.$course).all()
            .map { requirement in
                RequirementInfo(id: try requirement.requireID(), courseID: requirement.$course.id, title: requirement.course.title,
                                code: requirement.course.code, reason: requirement.reason,
                                audience: requirement.audience?.description(using: names) ?? "Nobody (the audience cannot be read)")
            }
            .sorted { $0.title.localizedCaseInsensitiveCompare($1.title) == .orderedAscending }
    }

    /// Every stored obligation of `people`, by person then requirement.
    static func obligations(of people: [UUID], on db: any Database) async throws -> [UUID: [UUID: Compliance.Obligation]] {
        var result: [UUID: [UUID: Compliance.Obligation]] = [:]
        for chunk in people.chunks(of: 500) {
            let rows = try await db.sql.select().columns("requirement_id", "person_id", "org_unit_id", "since", "completed_on", "expires_on", "deadline")
                .from(ComplianceRecords.table).where("person_id", .in, SQLBind.group(chunk)).all(decoding: ComplianceRecords.Stored.self)
            for row in rows { result[row.person_id, default: [:]][row.requirement_id] = row.obligation }
        }
        return result
    }

    struct Counts: Codable, Sendable, Equatable {
        var total = 0
        /// A completion counts today: what "42 of 50 (84%)" counts.
        var current = 0
        var compliant = 0
        var dueSoon = 0
        var overdue = 0
        var notStarted: Int { total - compliant - dueSoon - overdue }

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(total: lhs.total + rhs.total, current: lhs.current + rhs.current, compliant: lhs.compliant + rhs.compliant,
                   dueSoon: lhs.dueSoon + rhs.dueSoon, overdue: lhs.overdue + rhs.overdue)
        }
    }

    static let countsTable = "compliance_counts"
    static let stateTable = "learning_state"

    /// Counts per (row, requirement), where each row of a report is a set of units (a unit and
    /// everything below it), summed from the counts per unit: the report asks only for the rows
    /// it shows, so a council of 3,000 units returns a few dozen sums. `noUnit` adds the people
    /// with no unit on record under the nil row.
    static func rowCounts(_ rows: [UUID: Set<UUID>], noUnit: Bool, requirement: UUID? = nil, today: CalendarDate,
                          on db: any Database) async throws -> [UUID?: [UUID: Counts]] {
        struct Row: Decodable {
            var row_no: Int?
            var requirement_id: UUID
            var total: Int
            var current: Int
            var compliant: Int
            var due_soon: Int
            var overdue: Int
        }
        try await ensureCounts(today: today, on: db)
        // PostgreSQL sums bigints as numeric; the casts keep them integers on both databases.
        let sums: SQLQueryString = """
            CAST(SUM(c.total) AS BIGINT) AS total, CAST(SUM(c.current) AS BIGINT) AS current, CAST(SUM(c.compliant) AS BIGINT) AS compliant, \
            CAST(SUM(c.due_soon) AS BIGINT) AS due_soon, CAST(SUM(c.overdue) AS BIGINT) AS overdue
            """
        let filter: SQLQueryString = requirement.map { " AND c.requirement_id = \(bind: $0)" } ?? ""
        let ordered = rows.keys.sorted { $0.uuidString < $1.uuidString }
        var found: [Row] = []
        let pairs = ordered.enumerated().flatMap { index, row in rows[row, default: []].map { ($0, index) } }
        if !pairs.isEmpty {
            // The units and their row numbers as a table; PostgreSQL needs to be told the
            // parameters are UUIDs, SQLite stores them as it binds them.
            var values: SQLQueryString = ""
            for (index, (unit, number)) in pairs.enumerated() {
                if index > 0 { values += ", " }
                values += db.isSQLite ? "(\(bind: unit), \(literal: number))" : "(CAST(\(bind: unit) AS uuid), \(literal: number))"
            }
            var sql: SQLQueryString = "WITH m(unit_id, row_no) AS (VALUES "
            sql += values
            sql += ") SELECT m.row_no, c.requirement_id, "
            sql += sums
            sql += " FROM m JOIN \(ident: countsTable) c ON c.org_unit_id = m.unit_id WHERE 1 = 1"
            sql += filter
            sql += " GROUP BY m.row_no, c.requirement_id"
            found += try await db.sql.raw(sql).all(decoding: Row.self)
        }
        if noUnit {
            var sql: SQLQueryString = "SELECT NULL AS row_no, c.requirement_id, "
            sql += sums
            sql += " FROM \(ident: countsTable) c WHERE c.org_unit_id IS NULL"
            sql += filter
            sql += " GROUP BY c.requirement_id"
            found += try await db.sql.raw(sql).all(decoding: Row.self)
        }
        var result: [UUID?: [UUID: Counts]] = [:]
        for row in found {
            let key: UUID? = row.row_no.map { ordered[$0] }
            result[key, default: [:]][row.requirement_id] = Counts(total: row.total, current: row.current, compliant: row.compliant,
                                                                   dueSoon: row.due_soon, overdue: row.overdue)
        }
        return result
    }

    /// One requirement's counts across the whole council, for the corporate risk register's
    /// key risk indicators.
    static func councilCounts(requirement: UUID, today: CalendarDate, on db: any Database) async throws -> Counts {
        struct Row: Decodable { var total: Int?; var compliant: Int? }
        try await ensureCounts(today: today, on: db)
        let row = try await db.sql.raw("""
            SELECT CAST(SUM(total) AS BIGINT) AS total, CAST(SUM(compliant) AS BIGINT) AS compliant FROM \(ident: countsTable) \
            WHERE requirement_id = \(bind: requirement)
            """).first(decoding: Row.self)
        return Counts(total: row?.total ?? 0, compliant: row?.compliant ?? 0)
    }

    /// A unit (nil: none on record) and a requirement: one row of the counts per unit.
    struct Pair: Hashable, Sendable {
        var unit: UUID?
        var requirement: UUID
    }

    /// Beyond this many changed pairs (an HR import, a new requirement) the counts are rebuilt
    /// whole on the next view instead of pair by pair.
    static let recountLimit = 500

    /// Brings the counts of `pairs` up to date after their stored dates changed, in the caller's
    /// transaction: recounted at once when the counts are current, left for the next view to
    /// rebuild when they are not (or when too much changed).
    static func countsChanged(_ pairs: Set<Pair>, on db: any Database) async throws {
        guard !pairs.isEmpty else { return }
        guard let asOf = try await lockState(on: db).flatMap(CalendarDate.init) else { return }
        guard pairs.count <= recountLimit else { return try await markStale(on: db) }
        for pair in pairs {
            let unit: SQLQueryString = pair.unit.map { "org_unit_id = \(bind: $0)" } ?? "org_unit_id IS NULL"
            try await db.sql.raw("DELETE FROM \(ident: countsTable) WHERE \(unit) AND requirement_id = \(bind: pair.requirement)").run()
            try await db.sql.raw(countRows(asOf: asOf, where: "r.\(unit) AND r.requirement_id = \(bind: pair.requirement)")).run()
        }
    }

    /// Marks the counts per unit out of date, for the next view to rebuild.
    static func markStale(on db: any Database) async throws {
        try await db.sql.update(stateTable).set("counts_as_of", to: SQLLiteral.null).where("id", .equal, SQLLiteral.numeric("1")).run()
    }

    /// The day the counts are as of, holding the state row on PostgreSQL so that a recount and a
    /// rebuild never interleave (SQLite's writes queue anyway).
    private static func lockState(on db: any Database) async throws -> String? {
        struct State: Decodable { var counts_as_of: String? }
        let sql: SQLQueryString = db.isSQLite ? "SELECT counts_as_of FROM \(ident: stateTable) WHERE id = 1"
            : "SELECT counts_as_of FROM \(ident: stateTable) WHERE id = 1 FOR UPDATE"
        return try await db.sql.raw(sql).first(decoding: State.self)?.counts_as_of
    }

    /// Counts the stored rows matching `condition` (on `r`) by unit and requirement into the
    /// counts table, as of `asOf`. The CASE tests are `Compliance.Obligation.status(today:)` in
    /// SQL, in the same order; a test holds the two to the same answers.
    private static func countRows(asOf: CalendarDate, where condition: SQLQueryString) -> SQLQueryString {
        let cut = Compliance.Cutoffs(today: asOf)
        let current: SQLQueryString = "r.completed_on IS NOT NULL AND (r.expires_on IS NULL OR r.expires_on >= \(bind: cut.today))"
        var sql: SQLQueryString = """
            INSERT INTO \(ident: countsTable) (org_unit_id, requirement_id, total, current, compliant, due_soon, overdue) \
            SELECT r.org_unit_id, r.requirement_id, COUNT(*), \
            SUM(CASE WHEN \(current) THEN 1 ELSE 0 END), \
            SUM(CASE WHEN r.deadline IS NULL OR (r.deadline > \(bind: cut.dueSoonUntil) AND \(current)) THEN 1 ELSE 0 END), \
            SUM(CASE WHEN r.deadline >= \(bind: cut.today) AND r.deadline <= \(bind: cut.dueSoonUntil) THEN 1 ELSE 0 END), \
            SUM(CASE WHEN r.deadline < \(bind: cut.today) THEN 1 ELSE 0 END) \
            FROM \(ident: ComplianceRecords.table) r WHERE 
            """
        sql += condition
        sql += " GROUP BY r.org_unit_id, r.requirement_id"
        return sql
    }

    /// Rebuilds the counts per unit and requirement when they are not as of `today` (the day
    /// moved on, or too much changed at once), in one statement that follows the stored rows'
    /// unit index. `capable remind` calls this too, so the day's first view finds them ready.
    static func ensureCounts(today: CalendarDate, on db: any Database) async throws {
        struct State: Decodable { var counts_as_of: String? }
        let day = today.description
        let read: SQLQueryString = "SELECT counts_as_of FROM \(ident: stateTable) WHERE id = 1"
        guard try await db.sql.raw(read).first(decoding: State.self)?.counts_as_of != day else { return }
        try await db.writeTransaction { tx in
            guard try await lockState(on: tx) != day else { return }
            try await tx.sql.raw("DELETE FROM \(ident: countsTable)").run()
            try await tx.sql.raw(countRows(asOf: today, where: "1 = 1")).run()
            try await tx.sql.update(stateTable).set("counts_as_of", to: SQLBind(day)).where("id", .equal, SQLLiteral.numeric("1")).run()
        }
    }

    /// A person under a requirement, for drill-down lists and exports.
    struct PersonStatus: Sendable {
        var personID: UUID
        var name: String
        var employeeNumber: String
        var unitName: String?
        var requirementID: UUID
        var obligation: Compliance.Obligation
    }

    /// The people in `units` (the viewer's scope applied) under `requirement` (every requirement
    /// when nil), in name order, at most `limit`.
    static func people(in units: Set<UUID>?, requirement: UUID?, scope: PeopleScope, limit: Int, on db: any Database) async throws -> [PersonStatus] {
        struct Row: Decodable {
            var requirement_id: UUID
            var person_id: UUID
            var since: String
            var completed_on: String?
            var expires_on: String?
            var deadline: String?
            var given_name: String
            var family_name: String
            var preferred_name: String?
            var employee_ref: String
            var unit_name: String?
        }
        var sql: SQLQueryString = scope.commonTables
        sql += """
             SELECT r.requirement_id, r.person_id, r.since, r.completed_on, r.expires_on, r.deadline, p.given_name, p.family_name, \
            p.preferred_name, p.employee_ref, u.name AS unit_name \
            FROM \(ident: ComplianceRecords.table) r JOIN people p ON p.id = r.person_id LEFT JOIN org_units u ON u.id = p.org_unit_id \
            WHERE p.active = \(bind: true) AND \(scope.condition(alias: "p"))
            """
        if let requirement { sql += " AND r.requirement_id = \(bind: requirement)" }
        if let units { sql += units.isEmpty ? " AND 1 = 0" : " AND p.org_unit_id IN (\(binds: Array(units)))" }
        sql += " ORDER BY p.family_name, p.given_name, p.id LIMIT \(literal: limit)"
        return try await db.sql.raw(sql).all(decoding: Row.self).map { row in
            let stored = ComplianceRecords.Stored(requirement_id: row.requirement_id, person_id: row.person_id, org_unit_id: nil, since: row.since,
                                                  completed_on: row.completed_on, expires_on: row.expires_on, deadline: row.deadline)
            return PersonStatus(personID: row.person_id, name: "\(row.preferred_name ?? row.given_name) \(row.family_name)",
                                employeeNumber: row.employee_ref, unitName: row.unit_name, requirementID: row.requirement_id,
                                obligation: stored.obligation)
        }
    }
}
