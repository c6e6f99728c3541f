import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// Calibration of a cycle's manager ratings, for HR: how each manager and unit spread their
/// ratings, managers far from the cycle average flagged, and adjustments with a recorded reason
/// while the person has not yet seen the assessment. Covers the people the viewer looks after.
enum CalibrationController {
    struct CountRow: Decodable {
        var manager_id: UUID
        var given_name: String
        var family_name: String
        var preferred_name: String?
        var unit_name: String?
        var level: Int
        var n: Int
    }

    static func counts(cycle: UUID, viewer: Viewer, on db: any Database) async throws -> [CountRow] {
        let scope = PeopleScope(viewer: viewer)
        return try await db.sql.raw(scope.commonTables + """
             SELECT a.assessor_id AS manager_id, m.given_name, m.family_name, m.preferred_name, u.name AS unit_name, ar.level, COUNT(*) AS n \
            FROM reviews r JOIN assessments a ON a.id = r.manager_assessment_id JOIN assessment_ratings ar ON ar.assessment_id = a.id \
            JOIN people p ON p.id = r.person_id JOIN people m ON m.id = a.assessor_id LEFT JOIN org_units u ON u.id = p.org_unit_id \
            WHERE r.cycle_id = \(bind: cycle) AND a.submitted_on IS NOT NULL AND \(scope.condition(alias: "p")) \
            GROUP BY a.assessor_id, m.given_name, m.family_name, m.preferred_name, u.name, ar.level
            """).all(decoding: CountRow.self)
    }

    /// The scale the cycle's framework rates on today.
    static func scale(of cycle: ReviewCycle, on db: any Database) async throws -> [ScaleLevel] {
        guard let version = try await Frameworks.current(cycle.frameworkID, includeDraft: false, on: db) else { return ScaleLevel.standard }
        return try await FrameworkStore.document(version, on: db).ratingScale
    }

    struct Query: Content { var manager: UUID? }

    @Sendable static func page(req: Request) async throws -> HTML {
        let cycle = try await ReviewCyclesController.cycle(req)
        let principal = try req.requirePrincipal()
        let scale = try await scale(of: cycle, on: req.database)
        let rows = try await counts(cycle: try cycle.requireID(), viewer: principal.viewer, on: req.database)
        let names = Dictionary(rows.map { ($0.manager_id.uuidString, "\($0.preferred_name ?? $0.given_name) \($0.family_name)") }, uniquingKeysWith: { first, _ in first })
        let managers = Calibration.groups(counted: rows.map { ($0.manager_id.uuidString, $0.level, $0.n) }, levels: scale.count)
        let units = Calibration.groups(counted: rows.map { ($0.unit_name ?? "No unit", $0.level, $0.n) }, levels: scale.count)
        let filter = try req.query.decode(Query.self).manager
        let reviews = try await filter.asyncMap { try await reviewsRated(by: $0, cycle: cycle, viewer: principal.viewer, on: req.database) } ?? []
        let waiting = try await waiting(cycle: try cycle.requireID(), viewer: principal.viewer, on: req.database).count
        return CalibrationPage.view(.init(
            cycleID: try cycle.requireID(), title: cycle.title, calibratedOn: cycle.calibratedOn, waiting: waiting, levels: scale.map(\.label),
            managers: managers.map { .init(group: $0, id: UUID(uuidString: $0.key), name: names[$0.key] ?? "") },
            units: units.map { .init(group: $0, id: nil, name: $0.key) },
            filteredManager: filter.flatMap { names[$0.uuidString] }, reviews: reviews), context: PageContext(req))
    }

    /// The reviews a manager rated in the cycle, among those the viewer looks after: one query.
    static func reviewsRated(by manager: UUID, cycle: ReviewCycle, viewer: Viewer, on db: any Database) async throws -> [CalibrationPage.ReviewRow] {
        struct Row: Decodable { var id: UUID; var given_name: String; var family_name: String; var preferred_name: String?; var shared_with_person: Bool }
        let scope = PeopleScope(viewer: viewer)
        return try await db.sql.raw(scope.commonTables + """
             SELECT r.id, p.given_name, p.family_name, p.preferred_name, a.shared_with_person \
            FROM reviews r JOIN assessments a ON a.id = r.manager_assessment_id JOIN people p ON p.id = r.person_id \
            WHERE r.cycle_id = \(bind: try cycle.requireID()) AND a.assessor_id = \(bind: manager) AND a.submitted_on IS NOT NULL \
            AND \(scope.condition(alias: "p")) ORDER BY p.family_name, p.given_name
            """).all(decoding: Row.self).map {
                CalibrationPage.ReviewRow(id: $0.id, person: "\($0.preferred_name ?? $0.given_name) \($0.family_name)", shared: $0.shared_with_person)
            }
    }

    /// Submitted manager assessments in the cycle that their person cannot see yet, for the people
    /// `viewer` looks after.
    static func waiting(cycle: UUID, viewer: Viewer, on db: any Database) async throws -> [UUID] {
        struct Row: Decodable { var id: UUID }
        let scope = PeopleScope(viewer: viewer)
        return try await db.sql.raw(scope.commonTables + """
             SELECT a.id FROM reviews r JOIN assessments a ON a.id = r.manager_assessment_id JOIN people p ON p.id = r.person_id \
            WHERE r.cycle_id = \(bind: cycle) AND a.submitted_on IS NOT NULL AND a.shared_with_person = \(bind: false) \
            AND \(scope.condition(alias: "p"))
            """).all(decoding: Row.self).map(\.id)
    }

    /// Shows the submitted manager assessments of the people the viewer looks after to those
    /// people: their calibration is over. HR in one unit cannot release another unit's. The
    /// cycle counts as calibrated once none is left waiting anywhere.
    @Sendable static func finish(req: Request) async throws -> Response {
        let cycle = try await ReviewCyclesController.cycle(req)
        let cycleID = try cycle.requireID()
        guard cycle.calibratedOn == nil else { throw AppError.conflict("Calibration of \(cycle.title) finished on \(DisplayFormat.calendarDate(cycle.calibratedOn ?? "")).") }
        let ids = try await waiting(cycle: cycleID, viewer: try req.requirePrincipal().viewer, on: req.database)
        guard !ids.isEmpty else {
            throw AppError.conflict("No submitted manager assessment of the people you look after is waiting to be shown, so there is nothing to finish.")
        }
        for chunk in ids.chunks(of: 500) {
            try await Assessment.query(on: req.database).filter(\.$id ~~ chunk).set(\.$sharedWithPerson, to: true).update()
        }
        try await req.audit("calibrate", entity: ReviewCycle.auditEntity, id: cycleID.uuidString,
                            changes: [FieldChange(field: "manager_assessments_shared", old: nil, new: String(ids.count))])
        let everyone = Viewer(personID: nil, roles: [.admin])
        if try await waiting(cycle: cycleID, viewer: everyone, on: req.database).isEmpty {
            try await req.update(cycle) { $0.calibratedOn = CalendarDate.today.description }
        }
        return req.redirect(to: SiteURL.calibration(cycleID).path, redirectType: .normal)
    }
}
