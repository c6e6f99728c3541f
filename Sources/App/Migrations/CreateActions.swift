import Fluent
import SQLKit

/// The one list of agreed actions that check-ins, objectives, risks and workshops share.
struct CreateActions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ActionItem.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("description", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("completed_on", .string)
            .field("source_type", .string, .required)
            .field("source_id", .uuid)
            .field("source_label", .string, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "actions_owner_status").on(ActionItem.schema).column("owner_id").column("status").run()
            try await sql.create(index: "actions_source").on(ActionItem.schema).column("source_type").column("source_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ActionItem.schema).delete()
    }
}
