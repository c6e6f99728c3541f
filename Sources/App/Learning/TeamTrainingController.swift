import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// A manager's team matrix: people by requirement with each status in words; self-declared
/// completions to confirm; bookings awaiting approval; and the matrix as CSV.
enum TeamTrainingController {
    struct Query: Content { var all: String? }

    struct Member: Decodable {
        var id: UUID
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var employee_ref: String
    }

    /// A manager's active direct reports (or everyone below them), in name order.
    static func members(of manager: UUID, indirect: Bool, on db: any Database) async throws -> [Member] {
        let columns: SQLQueryString = "p.id, p.given_name, p.family_name, p.preferred_name, p.employee_ref"
        if indirect {
            // The team table drives the join (CROSS JOIN keeps that order on SQLite), so each
            // level reads the line-manager index instead of scanning everyone.
            return try await db.sql.raw("""
                WITH RECURSIVE team(id, depth) AS (
                    SELECT id, 1 FROM people WHERE line_manager_id = \(bind: manager) AND active = \(bind: true)
                    UNION SELECT p.id, t.depth + 1 FROM team t CROSS JOIN people p WHERE p.line_manager_id = t.id
                    AND p.active = \(bind: true) AND t.depth < 50
                )
                SELECT DISTINCT \(columns) FROM team t JOIN people p ON p.id = t.id ORDER BY p.family_name, p.given_name, p.id
                """).all(decoding: Member.self)
        }
        return try await db.sql.raw("""
            SELECT \(columns) FROM people p WHERE p.line_manager_id = \(bind: manager) AND p.active = \(bind: true) \
            ORDER BY p.family_name, p.given_name, p.id
            """).all(decoding: Member.self)
    }

    /// The matrix for a manager's direct reports (or everyone below them), in name order.
    static func query(manager: UUID, indirect: Bool, today: CalendarDate, on db: any Database) async throws -> TeamTrainingPage.Model {
        let members = try await members(of: manager, indirect: indirect, on: db)
        let ids = members.map(\.id)
        let obligations = try await ComplianceQueries.obligations(of: ids, on: db)
        let used = Set(obligations.values.flatMap(\.keys))
        let requirements = try await ComplianceQueries.requirements(describingAudiences: false, on: db).filter { used.contains($0.id) }
        var pending: [Completion] = []
        for chunk in ids.chunks(of: 500) {
            pending += try await Completion.query(on: db).filter(\.$person.$id ~~ chunk).filter(\.$confirmed == false).with(\.$course).with(\.$person).all()
        }
        return TeamTrainingPage.Model(
            indirect: indirect,
            requirements: requirements.map { .init(id: $0.id, title: $0.title) },
            rows: members.map { member in
                .init(personID: member.id, name: "\(member.preferred_name ?? member.given_name) \(member.family_name)", employeeRef: member.employee_ref,
                      statuses: requirements.map { obligations[member.id]?[$0.id]?.status(today: today) ?? .notRequired })
            },
            pending: try pending.map { completion in
                .init(id: try completion.requireID(), person: completion.person.displayName, course: completion.course.title,
                      completedOn: completion.completedOn, evidence: completion.evidence ?? "")
            })
    }

    /// The caller's matrix; an account without a staff record has nobody reporting to it.
    static func model(_ req: Request) async throws -> TeamTrainingPage.Model {
        let indirect = try req.query.decode(Query.self).all == "1"
        guard let me = try req.requirePrincipal().personID else { return .init(indirect: indirect, requirements: [], rows: [], pending: []) }
        return try await query(manager: me, indirect: indirect, today: .today, on: req.database)
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        TeamTrainingPage.view(try await model(req), context: PageContext(req))
    }

    @Sendable static func export(req: Request) async throws -> Response {
        let model = try await model(req)
        let header = ["employee_ref", "name"] + model.requirements.flatMap { ["\($0.title): status", "\($0.title): date"] }
        let rows = model.rows.map { row in
            [row.employeeRef, row.name] + row.statuses.flatMap { [$0.label, $0.detail() ?? ""] }
        }
        try await Audit.append("export", entity: "team_training", id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(rows.count))],
                               context: req.auditContext, on: req.database)
        return ExportController.csvResponse(CSV.write(header: header, rows: rows), filename: "team-training.csv")
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        guard let id = req.parameters.get("completionID", as: UUID.self), let completion = try await Completion.find(id, on: req.database) else {
            throw AppError.notFound
        }
        try await Completions.confirm(completion, on: req)
        return req.redirect(to: SiteURL.learning(.team(all: false)).path, redirectType: .normal)
    }
}
