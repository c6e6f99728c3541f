import Fluent
import Foundation
import SQLKit

/// Framework versions and their elements. The `frameworks` table becomes one row per version
/// (sharing `lineage_id`); the placeholder row the Foundation release loaded is removed, since
/// the built-in content is loaded again, whole, at start-up.
struct CreateFrameworkVersions: AsyncMigration {
    static let placeholderID = "6f1c2a8e-4b7d-4e0a-9c51-2d3f8a6b7c01"
    static let newColumns: [(String, DatabaseSchema.DataType)] = [
        ("lineage_id", .uuid), ("dates_as_written", .string), ("source", .string), ("scale", .string), ("published_at", .datetime),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        for (name, type) in Self.newColumns {
            try await database.schema(FrameworkVersion.schema).field(.definition(name: .key(.string(name)), dataType: type, constraints: [])).update()
        }
        try await FrameworkVersion.query(on: database).filter(\.$id == UUID(uuidString: Self.placeholderID) ?? UUID()).delete()
        try await database.schema(FrameworkElementRow.schema)
            .id()
            .field("version_id", .uuid, .required, .references(FrameworkVersion.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid, .required)
            .field("parent_element_id", .uuid)
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("statement", .string, .required)
            .field("audience", .string, .required)
            .field("why_it_matters", .string)
            .field("what_it_means_for_me", .string)
            .field("indicators", .string, .required)
            .field("links", .string, .required)
            .unique(on: "version_id", "element_id")
            .unique(on: "version_id", "code")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "framework_elements_element_id").on(FrameworkElementRow.schema).column("element_id").run()
            try await sql.create(index: "frameworks_lineage_id").on(FrameworkVersion.schema).column("lineage_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FrameworkElementRow.schema).delete()
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "frameworks_lineage_id").run()
        }
        for (name, _) in Self.newColumns.reversed() {
            try await database.schema(FrameworkVersion.schema).deleteField(.key(.string(name))).update()
        }
    }
}
