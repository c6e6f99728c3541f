import CapableCore
import Foundation
import SQLKit

/// The people a viewer may see, as SQL for list queries. It mirrors `PersonAccess` (which
/// decides for one person): themselves, everyone below them in line management, HR's units
/// and their sub-units, or everyone for an administrator.
struct PeopleScope: Sendable {
    var viewer: Viewer

    /// `WITH RECURSIVE` tables `visible_reports(id)` and `visible_units(id)`, to put before a
    /// SELECT that uses `condition(alias:)`. UNION (not UNION ALL) stops at loops in bad data.
    var commonTables: SQLQueryString {
        let me = viewer.personID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        var sql: SQLQueryString = """
            WITH RECURSIVE visible_reports(id) AS (
                SELECT id FROM people WHERE line_manager_id = \(bind: me)
                UNION SELECT p.id FROM people p JOIN visible_reports r ON p.line_manager_id = r.id
            )
            """
        let units = viewer.roles.contains(.hr) ? Array(viewer.hrUnits) : []
        if units.isEmpty {
            sql += ", visible_units(id) AS (SELECT id FROM org_units WHERE 1 = 0)"
        } else {
            sql += """
                , visible_units(id) AS (
                    SELECT id FROM org_units WHERE id IN (\(binds: units))
                    UNION SELECT u.id FROM org_units u JOIN visible_units v ON u.parent_id = v.id
                )
                """
        }
        return sql
    }

    /// The WHERE condition for the people table under `alias`.
    func condition(alias: String) -> SQLQueryString {
        if viewer.roles.contains(.admin) { return "1 = 1" }
        let me = viewer.personID ?? UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        return """
            (\(ident: alias).id = \(bind: me) OR \(ident: alias).id IN (SELECT id FROM visible_reports) \
            OR \(ident: alias).org_unit_id IN (SELECT id FROM visible_units))
            """
    }
}
