import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// HR's side of the yearly review: the cycles, launching one for an audience, and completion
/// by unit. Counts cover only the people the viewer looks after (`PeopleScope`).
enum ReviewCyclesController {
    @Sendable static func index(req: Request) async throws -> HTML {
        let cycles = try await ReviewCycle.query(on: req.database).sort(\.$opensOn, .descending).all()
        let counts = try await countReviews(cycles.compactMap(\.id), on: req.database)
        return ReviewCyclesPage.list(cycles.compactMap { cycle in
            cycle.id.map { .init(id: $0, title: cycle.title, opensOn: cycle.opensOn, closesOn: cycle.closesOn, reviews: counts[$0] ?? 0,
                                 calibratedOn: cycle.calibratedOn) }
        }, context: PageContext(req))
    }

    static func countReviews(_ cycles: [UUID], on db: any Database) async throws -> [UUID: Int] {
        guard !cycles.isEmpty else { return [:] }
        struct Row: Decodable { var cycle_id: UUID; var n: Int }
        let rows = try await db.sql.raw("SELECT cycle_id, COUNT(*) AS n FROM reviews WHERE cycle_id IN (\(binds: cycles)) GROUP BY cycle_id")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.cycle_id, $0.n) }, uniquingKeysWith: { first, _ in first })
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        try await form(req, form: ReviewCycles.Form(), errors: [])
    }

    static func form(_ req: Request, form: ReviewCycles.Form, errors: [FieldError]) async throws -> HTML {
        let frameworks = try await Frameworks.summaries(includeDrafts: false, on: req.database).filter { $0.status == .published }
        let roles = try await JobRole.query(on: req.database).sort(\.$title).all().compactMap { role in role.id.map { ($0, role.title) } }
        return ReviewCyclesPage.form(.init(form: form, frameworks: frameworks.map { .init(id: $0.id, title: $0.title) }, roles: roles, errors: errors),
                                     context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(ReviewCycles.Form.self)
        switch try await ReviewCycles.validate(form, on: req.database) {
        case .failure(.invalid(let errors)): return try await self.form(req, form: form, errors: errors).response(status: .badRequest)
        case .failure(let error): throw error
        case .success(let launch):
            let cycle = try await ReviewCycles.launch(launch, on: req)
            return req.redirect(to: SiteURL.reviewCycle(try cycle.requireID()).path, redirectType: .normal)
        }
    }

    static func cycle(_ req: Request) async throws -> ReviewCycle {
        guard let id = req.parameters.get("cycleID", as: UUID.self), let cycle = try await ReviewCycle.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return cycle
    }

    /// Completion of each step by unit, for the people the viewer looks after.
    struct UnitRow: Codable, Sendable {
        var unit_name: String?
        var people: Int
        var self_done: Int
        var manager_done: Int
        var meetings: Int
        var plans: Int
        var signed: Int
    }

    static func completion(cycle: UUID, viewer: Viewer, on db: any Database) async throws -> [UnitRow] {
        let scope = PeopleScope(viewer: viewer)
        return try await db.sql.raw(scope.commonTables + """
             SELECT u.name AS unit_name, COUNT(*) AS people, \
            SUM(CASE WHEN sa.submitted_on IS NOT NULL THEN 1 ELSE 0 END) AS self_done, \
            SUM(CASE WHEN ma.submitted_on IS NOT NULL THEN 1 ELSE 0 END) AS manager_done, \
            SUM(CASE WHEN r.meeting_on IS NOT NULL THEN 1 ELSE 0 END) AS meetings, \
            SUM(CASE WHEN r.plan_agreed_on IS NOT NULL THEN 1 ELSE 0 END) AS plans, \
            SUM(CASE WHEN r.person_signed_on IS NOT NULL AND r.manager_signed_on IS NOT NULL THEN 1 ELSE 0 END) AS signed \
            FROM reviews r JOIN people p ON p.id = r.person_id LEFT JOIN org_units u ON u.id = p.org_unit_id \
            LEFT JOIN assessments sa ON sa.id = r.self_assessment_id LEFT JOIN assessments ma ON ma.id = r.manager_assessment_id \
            WHERE r.cycle_id = \(bind: cycle) AND \(scope.condition(alias: "p")) \
            GROUP BY u.id, u.name ORDER BY u.name
            """).all(decoding: UnitRow.self)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let cycle = try await cycle(req)
        let principal = try req.requirePrincipal()
        let rows = try await completion(cycle: try cycle.requireID(), viewer: principal.viewer, on: req.database)
        let framework = try await Frameworks.current(cycle.frameworkID, includeDraft: false, on: req.database)
        let audience = try await cycle.audience.asyncMap { $0.description(using: try await Audiences.names(on: req.database)) }
        return ReviewCyclesPage.show(.init(id: try cycle.requireID(), title: cycle.title, framework: framework?.title ?? "", audience: audience ?? "",
                                           opensOn: cycle.opensOn, selfDueOn: cycle.selfDueOn, managerDueOn: cycle.managerDueOn, closesOn: cycle.closesOn,
                                           calibratedOn: cycle.calibratedOn, units: rows), context: PageContext(req))
    }
}
