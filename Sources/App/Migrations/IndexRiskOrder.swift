import Fluent
import SQLKit

/// A register lists its risks by current score, highest first, then reference, a page at a
/// time. With the order in the indexes, a page is read straight off them (its own risks and
/// those escalated to it, merged) instead of sorting the whole register: 0.4 ms rather than
/// 5 ms for the first page of 2,000 risks. These replace the shorter indexes they begin with.
struct IndexRiskOrder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite keeps NULLs lowest, so a descending index puts unrated risks last already;
        // PostgreSQL must be told.
        let score = database.isSQLite ? "current_score DESC" : "current_score DESC NULLS LAST"
        for (name, column) in [("risks_register_order", "register_id"), ("risks_escalated_order", "escalated_to_id")] {
            try await database.sql.raw("""
                CREATE INDEX \(ident: name) ON \(ident: Risk.schema) (\(ident: column), status, \(unsafeRaw: score), reference)
                """).run()
        }
        try await database.sql.drop(index: "risks_register").run()
        try await database.sql.drop(index: "risks_escalated").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.create(index: "risks_register").on(Risk.schema).column("register_id").column("status").column("current_score").run()
        try await database.sql.create(index: "risks_escalated").on(Risk.schema).column("escalated_to_id").run()
        try await database.sql.drop(index: "risks_register_order").run()
        try await database.sql.drop(index: "risks_escalated_order").run()
    }
}
