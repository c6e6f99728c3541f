import CapableCore
import Fluent
import Foundation
import SQLKit

/// Reads the organisation as the audience evaluator sees it. Mandatory training, review cycles
/// and surveys all decide "who is in this group" through here and `AudienceEvaluator`, so the
/// answer is the same everywhere.
enum Audiences {
    struct PersonRow: Decodable {
        var id: UUID
        var org_unit_id: UUID?
        var line_manager_id: UUID?
        var job_role_id: UUID?
        var grade: String?
        var start_date: String?
        var active: Bool
    }

    struct UnitRow: Decodable {
        var id: UUID
        var parent_id: UUID?
    }

    static func snapshot(on db: any Database) async throws -> OrganisationSnapshot {
        let people = try await db.sql.raw("SELECT id, org_unit_id, line_manager_id, job_role_id, grade, start_date, active FROM people")
            .all(decoding: PersonRow.self)
        let units = try await db.sql.raw("SELECT id, parent_id FROM org_units").all(decoding: UnitRow.self)
        return OrganisationSnapshot(
            people: people.map {
                AudienceMember(id: $0.id, orgUnitID: $0.org_unit_id, lineManagerID: $0.line_manager_id, jobRoleID: $0.job_role_id,
                               grade: $0.grade, startDate: $0.start_date.flatMap(CalendarDate.init), active: $0.active)
            },
            units: units.map { AudienceUnit(id: $0.id, parentID: $0.parent_id) })
    }

    /// Names for describing rules in words.
    static func names(on db: any Database) async throws -> AudienceNames {
        let units = try await OrgUnit.query(on: db).all()
        let roles = try await JobRole.query(on: db).all()
        return AudienceNames(
            units: Dictionary(units.compactMap { unit in unit.id.map { ($0, unit.name) } }, uniquingKeysWith: { first, _ in first }),
            jobRoles: Dictionary(roles.compactMap { role in role.id.map { ($0, role.title) } }, uniquingKeysWith: { first, _ in first }))
    }
}
