import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// The organisation tree and each unit's page. The structure (unit names and sizes) is open to
/// all staff; the people listed in a unit are only those the viewer may see.
enum OrgUnitsController {
    struct UnitRow: Codable, Sendable {
        var id: UUID
        var code: String
        var name: String
        var parent_id: UUID?
        var people: Int
    }

    /// Every unit with its count of active people, in name order.
    static func units(on db: any Database) async throws -> [UnitRow] {
        try await db.sql.raw("""
            SELECT u.id, u.code, u.name, u.parent_id, COUNT(p.id) AS people FROM org_units u \
            LEFT JOIN people p ON p.org_unit_id = u.id AND p.active = \(bind: true) \
            GROUP BY u.id, u.code, u.name, u.parent_id ORDER BY u.name
            """).all(decoding: UnitRow.self)
    }

    @Sendable static func tree(req: Request) async throws -> HTML {
        OrgTreePage.view(.init(units: try await units(on: req.database)), context: PageContext(req))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("unitID", as: UUID.self),
              let unit = try await OrgUnit.query(on: req.database).filter(\.$id == id).with(\.$head).first()
        else { throw AppError.notFound }
        let ancestors = try await Hierarchy.ancestors(of: id) { unitID in
            try await OrgUnit.find(unitID, on: req.database)?.$parent.id
        }
        var trail: [(UUID, String)] = []
        for ancestor in ancestors.reversed() {
            if let parent = try await OrgUnit.find(ancestor, on: req.database) { trail.append((ancestor, parent.name)) }
        }
        let children = try await OrgUnit.query(on: req.database).filter(\.$parent.$id == id).sort(\.$name).all()
        let people = try await PeopleQueries.search(.init(unitID: id, limit: 500), scope: PeopleScope(viewer: principal.viewer), on: req.database)
        let total = try await Person.query(on: req.database).filter(\.$orgUnit.$id == id).filter(\.$active == true).count()
        let model = OrgUnitPage.Model(
            id: id, code: unit.code, name: unit.name, head: unit.head?.displayName, trail: trail,
            children: children.compactMap { child in child.id.map { ($0, child.name) } },
            people: Array(people.prefix(500)), total: total)
        return OrgUnitPage.view(model, context: PageContext(req))
    }
}
