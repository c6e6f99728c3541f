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
        // Inside a transaction already (the request's, or an audit append within it): that one
        // holds the lock and commits.
        if inTransaction { return try await work(self) }
        let cached = ReadCaches.generations
        let result = try await transaction { tx in
            if tx.isSQLite {
                // Waiting for the lock sleeps (up to 30 s) instead of spinning on a core; the
                // setting stays with the connection.
                try await tx.sql.raw("PRAGMA busy_timeout = 30000").run()
                try await tx.sql.raw("UPDATE write_gate SET n = n + 1 WHERE id = 1").run()
            }
            return try await work(tx)
        }
        // A change to cached data emptied its cache when it was audited; empty it again now it
        // is committed, so nothing read while it was in flight is kept.
        ReadCaches.invalidate(changedSince: cached)
        return result
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
        guard request.method != .GET, request.method != .HEAD, request.route?.writesAfterChecking != true else {
            return try await next.respond(to: request)
        }
        return try await request.write { _ in try await next.respond(to: request) }
    }
}

extension Request {
    /// Runs `work` in one write transaction, which `database` is for its duration; on SQLite,
    /// after waiting for this process's turn (`WriteTurns`). Every write request runs in one of
    /// these (`TransactionMiddleware`), or, for a route marked `checksBeforeWriting`, the
    /// handler calls it once its checks have passed.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(on: db) { tx in
            self.database = tx
            defer { self.storage[TransactionKey.self] = nil }
            return try await work(tx)
        }
    }
}

extension Application {
    /// One write transaction on `db` (the application's own by default), on SQLite after
    /// waiting for this process's turn (`WriteTurns`): for work that is not a request's, such as
    /// a group commit (`RiskCreations`).
    func write<T: Sendable>(on db: (any Database)? = nil, _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let db = db ?? self.db
        let run: @Sendable () async throws -> T = { try await db.writeTransaction(work) }
        guard db.isSQLite else { return try await run() }
        return try await writeTurns.take(run)
    }
}

extension Route {
    private static let checksBeforeWritingKey = "capable.checksBeforeWriting"

    var writesAfterChecking: Bool { userInfo[AnySendableHashable(Self.checksBeforeWritingKey)] as? Bool ?? false }

    /// For the busiest writes: the handler reads and checks everything outside any transaction
    /// and then makes all its changes in one `Request.write`, so SQLite's single write lock is
    /// held only while it writes, not while it reads and validates.
    @discardableResult
    func checksBeforeWriting() -> Route {
        userInfo[AnySendableHashable(Self.checksBeforeWritingKey)] = true
        return self
    }
}

/// The order in which this process's requests take SQLite's one write lock. Without it, writers
/// waiting for the lock sleep in SQLite's busy handler (1, 2, 5, 10 ms and longer), the lock
/// stands idle between them, and each waiter holds a pooled connection that its event loop's
/// pages then queue behind. Here they wait their turn without a connection and start the moment
/// the one before commits. (Other processes, such as the command line, still meet the busy
/// timeout.) PostgreSQL locks rows, not the database, and needs none of this.
actor WriteTurns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            busy = true
        }
        defer { pass() }
        return try await work()
    }

    private func pass() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

private struct WriteTurnsKey: StorageKey {
    typealias Value = WriteTurns
}

extension Application {
    /// Made when the application is configured, before any request can ask for it.
    var writeTurns: WriteTurns {
        get {
            guard let turns = storage[WriteTurnsKey.self] else { preconditionFailure("configure() sets up the write turns") }
            return turns
        }
        set { storage[WriteTurnsKey.self] = newValue }
    }
}
