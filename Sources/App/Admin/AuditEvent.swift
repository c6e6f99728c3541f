import CapableCore
import Fluent
import Foundation

/// One line of the append-only audit log. The sequence number is assigned by Capable, not by
/// the database, so there are no gaps from rolled-back transactions and a missing event shows.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed fields
    @ID(custom: "seq", generatedBy: .user) var id: Int?

    // data fields
    /// ISO 8601 UTC with milliseconds, kept as text so the hashed value is exactly what is stored.
    @Field(key: "occurred_at") var occurredAt: String
    @OptionalField(key: "actor_id") var actorID: String?
    @OptionalField(key: "actor_label") var actorLabel: String?
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @OptionalField(key: "entity_id") var entityID: String?
    @OptionalField(key: "request_id") var requestID: String?
    @OptionalField(key: "address") var address: String?
    /// JSON array of `FieldChange`.
    @OptionalField(key: "changes") var changes: String?
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(record: AuditRecord, hash: String) {
        self.id = record.sequence
        self.occurredAt = record.occurredAt
        self.actorID = record.actorID
        self.actorLabel = record.actorLabel
        self.action = record.action
        self.entity = record.entity
        self.entityID = record.entityID
        self.requestID = record.requestID
        self.address = record.address
        self.changes = record.changes
        self.previousHash = record.previousHash
        self.hash = hash
    }

    var record: AuditRecord {
        AuditRecord(
            sequence: id ?? 0, occurredAt: occurredAt, actorID: actorID, actorLabel: actorLabel, action: action,
            entity: entity, entityID: entityID, requestID: requestID, address: address, changes: changes,
            previousHash: previousHash
        )
    }
}

/// A model whose changes are written to the audit log field by field.
protocol Auditable: Model {
    /// The entity name in the log, e.g. "account".
    static var auditEntity: String { get }
    /// The fields worth recording, as text; secrets are left out.
    var auditSnapshot: [String: String?] { get }
}

enum AuditFormat {
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
