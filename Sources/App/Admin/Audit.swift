import CapableCore
import Fluent
import SQLKit
import Vapor

/// Who did something and from where, for the audit log.
struct AuditContext: Sendable {
    var actorID: String?
    var actorLabel: String?
    var requestID: String?
    var address: String?

    static let system = AuditContext(actorID: nil, actorLabel: "system", requestID: nil, address: nil)
}

/// Writes to the append-only audit log and checks its hash chain.
enum Audit {
    /// Serialises appends on PostgreSQL so two transactions cannot both extend the chain from the
    /// same event. (SQLite already has a single writer.) The second key is the schema's, because
    /// each schema has its own chain: installs sharing a server (and the test suite, which runs
    /// each test in a schema of its own) do not queue behind each other's audit log.
    private static let lockKey = 72_011_2006

    static func append(
        _ action: String, entity: String, id: String?, changes: [FieldChange]? = nil,
        context: AuditContext, on db: any Database
    ) async throws {
        try await appendAll([Entry(action: action, entity: entity, id: id, changes: changes)], context: context, on: db)
    }

    /// One event of a batch, for `appendAll`.
    struct Entry: Sendable {
        var action: String
        var entity: String
        var id: String?
        var changes: [FieldChange]?
    }

    /// Appends events (one, or the thousands of an import): the chain is read once and the rows
    /// are inserted in chunks, all inside the caller's transaction.
    static func appendAll(_ entries: [Entry], context: AuditContext, on db: any Database) async throws {
        try await appendAll(entries.map { ($0, context) }, on: db)
    }

    /// Appends events that each have their own context (the requests of a group commit).
    static func appendAll(_ entries: [(entry: Entry, context: AuditContext)], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        ReadCaches.invalidate(after: entries.map(\.entry.entity))
        try await db.writeTransaction { tx in
            if !tx.isSQLite {
                try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(literal: lockKey), hashtext(current_schema()))").run()
            }
            // Plain SQL rather than the model: every change in Capable passes through here, and
            // Fluent's reflection on the model's fields was most of the cost of a small write.
            struct Head: Decodable { var seq: Int; var hash: String }
            let last = try await tx.sql.raw("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").first(decoding: Head.self)
            var sequence = last?.seq ?? 0
            var previous = last?.hash ?? AuditChain.genesis
            let now = AuditFormat.timestamp(Date())
            var events: [(record: AuditRecord, hash: String)] = []
            events.reserveCapacity(entries.count)
            for (entry, context) in entries {
                sequence += 1
                let record = AuditRecord(
                    sequence: sequence, occurredAt: now, actorID: context.actorID, actorLabel: context.actorLabel,
                    action: entry.action, entity: entry.entity, entityID: entry.id, requestID: context.requestID,
                    address: context.address, changes: try entry.changes.flatMap { $0.isEmpty ? nil : try encode($0) },
                    previousHash: previous)
                let hash = AuditChain.hash(record)
                events.append((record, hash))
                previous = hash
            }
            for chunk in events.chunks(of: 500) {
                var insert = tx.sql.insert(into: AuditEvent.schema).columns(
                    "seq", "occurred_at", "actor_id", "actor_label", "action", "entity", "entity_id", "request_id", "address", "changes",
                    "prev_hash", "hash")
                for (record, hash) in chunk {
                    let optional: (String?) -> any SQLExpression = { value in
                        if let value { SQLBind(value) } else { SQLLiteral.null }
                    }
                    insert = insert.values([
                        SQLBind(record.sequence), SQLBind(record.occurredAt), optional(record.actorID), optional(record.actorLabel),
                        SQLBind(record.action), SQLBind(record.entity), optional(record.entityID), optional(record.requestID),
                        optional(record.address), optional(record.changes), SQLBind(record.previousHash), SQLBind(hash),
                    ] as [any SQLExpression])
                }
                try await insert.run()
            }
        }
    }

    private static func encode(_ changes: [FieldChange]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(changes), as: UTF8.self)
    }

    /// Reads the whole log in order, in pages, and checks every link.
    static func verify(on db: any Database) async throws -> AuditChain.Verdict {
        var all: [(record: AuditRecord, hash: String)] = []
        var after = 0
        while true {
            let page = try await AuditEvent.query(on: db).filter(\.$id > after).sort(\.$id).limit(5000).all()
            guard let lastID = page.last?.id else { break }
            all.append(contentsOf: page.map { ($0.record, $0.hash) })
            after = lastID
        }
        return AuditChain.verify(all)
    }
}

extension Request {
    var auditContext: AuditContext {
        AuditContext(
            actorID: principal?.accountID.uuidString, actorLabel: principal?.email,
            requestID: id, address: clientAddress
        )
    }

    /// Records an event in this request's transaction.
    func audit(_ action: String, entity: String, id: String?, changes: [FieldChange]? = nil) async throws {
        try await Audit.append(action, entity: entity, id: id, changes: changes, context: auditContext, on: database)
    }

    /// Creates a model and records every field it was created with.
    func create<M: Auditable>(_ model: M) async throws where M.IDValue: CustomStringConvertible {
        try await model.create(on: database)
        try await audit("create", entity: M.auditEntity, id: model.id?.description,
                        changes: FieldChange.diff(before: [:], after: model.auditSnapshot))
    }

    /// Applies `change` to a model, saves it, and records the fields that differ.
    func update<M: Auditable>(_ model: M, _ change: (M) -> Void) async throws where M.IDValue: CustomStringConvertible {
        let before = model.auditSnapshot
        change(model)
        let changes = FieldChange.diff(before: before, after: model.auditSnapshot)
        if model.hasChanges { try await model.save(on: database) }
        if !changes.isEmpty {
            try await audit("update", entity: M.auditEntity, id: model.id?.description, changes: changes)
        }
    }

    func delete<M: Auditable>(_ model: M) async throws where M.IDValue: CustomStringConvertible {
        let before = model.auditSnapshot
        try await model.delete(on: database)
        try await audit("delete", entity: M.auditEntity, id: model.id?.description,
                        changes: FieldChange.diff(before: before, after: [:]))
    }
}
