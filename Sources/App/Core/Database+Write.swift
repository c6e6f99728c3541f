import Fluent
import SQLKit
import Vapor

extension Database {
    var sql: any SQLDatabase {
        // Both drivers Capable supports are SQL databases; this cannot fail for them.
        guard let sql = self as? any SQLDatabase else { preconditionFailure("Capable needs an SQL database") }
        return sql
    }

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// A transaction that will write. On SQLite it starts by writing, so it holds the write lock
    /// from its first statement: a transaction that read first and wrote later could fail with
    /// SQLITE_BUSY_SNAPSHOT when the other pooled connection wrote in between. PostgreSQL needs
    /// nothing special here.
    func writeTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { tx in
            if tx.isSQLite {
                // Waiting for the lock sleeps (up to 30 s) instead of spinning on a core; the
                // setting stays with the connection.
                try await tx.sql.raw("PRAGMA busy_timeout = 30000").run()
                try await tx.sql.raw("UPDATE write_gate SET n = n + 1 WHERE id = 1").run()
            }
            return try await work(tx)
        }
    }
}

private struct TransactionKey: StorageKey {
    typealias Value = any Database
}

extension Request {
    /// The database for this request: inside a write request, its one transaction.
    /// Handlers use this, never `req.db`, so every write of a request commits or rolls back together.
    var database: any Database {
        get { storage[TransactionKey.self] ?? db }
        set { storage[TransactionKey.self] = newValue }
    }
}

/// Runs every request that can change something (anything but GET and HEAD) in one transaction.
/// A thrown error rolls the whole request back; a returned response, even a 4xx form page,
/// commits what the handler chose to write (such as a failed-sign-in count).
struct TransactionMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else {
            return try await next.respond(to: request)
        }
        return try await request.db.writeTransaction { tx in
            request.database = tx
            defer { request.storage[TransactionKey.self] = nil }
            return try await next.respond(to: request)
        }
    }
}
