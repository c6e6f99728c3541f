import CapableCore
import Fluent
import Foundation

/// Line-management and organisation-tree queries that policies rely on.
enum LineManagement {
    /// The person's managers, nearest first.
    static func chain(above person: UUID, on db: any Database) async throws -> [UUID] {
        try await Hierarchy.ancestors(of: person) { id in
            try await Person.query(on: db).filter(\.$id == id).field(\.$id).field(\.$lineManager.$id).first()?.$lineManager.id
        }
    }

    /// The person's unit and every unit above it, nearest first.
    static func units(above person: UUID, on db: any Database) async throws -> [UUID] {
        guard let unit = try await Person.query(on: db).filter(\.$id == person).field(\.$id).field(\.$orgUnit.$id).first()?.$orgUnit.id
        else { return [] }
        return [unit] + (try await Hierarchy.ancestors(of: unit) { id in
            try await OrgUnit.query(on: db).filter(\.$id == id).field(\.$id).field(\.$parent.$id).first()?.$parent.id
        })
    }

    /// Whether `viewer` may see records about `target` (see `PersonAccess`).
    static func allows(_ viewer: Viewer, target: UUID, on db: any Database) async throws -> Bool {
        if viewer.roles.contains(.admin) || viewer.personID == target { return true }
        let managers = try await chain(above: target, on: db)
        let units = viewer.roles.contains(.hr) ? try await units(above: target, on: db) : []
        return PersonAccess.allows(viewer, target: target, managersAbove: managers, unitsAbove: units)
    }
}
