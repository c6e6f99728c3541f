import Fluent
import SQLKit

/// A one-row table that every write transaction updates first, so on SQLite it takes the write
/// lock at once (see `Database.writeTransaction`).
struct CreateWriteGate: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("write_gate").field("id", .int, .identifier(auto: false)).field("n", .int, .required).create()
        try await database.sql.raw("INSERT INTO write_gate (id, n) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("write_gate").delete()
    }
}
