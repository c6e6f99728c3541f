import Fluent
import SQLKit

struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("occurred_at", .string, .required)
            .field("actor_id", .string)
            .field("actor_label", .string)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string)
            .field("request_id", .string)
            .field("address", .string)
            .field("changes", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        // The admin page filters by these.
        try await database.sql.create(index: "audit_events_occurred_at").on(AuditEvent.schema).column("occurred_at").run()
        try await database.sql.create(index: "audit_events_entity").on(AuditEvent.schema).column("entity").column("entity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}
