import Fluent
import SQLKit

/// Indexes for walking line management and the organisation tree, and for name order, so
/// "My team" and people search stay fast with tens of thousands of staff.
struct IndexPeople: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("people_line_manager", "people", ["line_manager_id"]),
        ("people_org_unit", "people", ["org_unit_id"]),
        ("people_name", "people", ["family_name", "given_name"]),
        ("org_units_parent", "org_units", ["parent_id"]),
        ("accounts_person", "accounts", ["person_id"]),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes {
            var builder = database.sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.indexes {
            try await database.sql.drop(index: index.name).run()
        }
    }
}
