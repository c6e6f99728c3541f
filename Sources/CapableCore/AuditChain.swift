import Crypto
import Foundation

/// The fields of one audit event that its hash covers: everything but the hash itself.
public struct AuditRecord: Sendable, Equatable {
    public var sequence: Int
    public var occurredAt: String
    public var actorID: String?
    public var actorLabel: String?
    public var action: String
    public var entity: String
    public var entityID: String?
    public var requestID: String?
    public var address: String?
    public var changes: String?
    public var previousHash: String

    public init(
        sequence: Int, occurredAt: String, actorID: String?, actorLabel: String?, action: String,
        entity: String, entityID: String?, requestID: String?, address: String?, changes: String?,
        previousHash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.requestID = requestID
        self.address = address
        self.changes = changes
        self.previousHash = previousHash
    }
}

/// A hash chain over the audit log: each event's hash covers its own fields and the hash of the
/// event before it, so editing, deleting or reordering any stored event breaks every hash after it.
public enum AuditChain {
    /// The "previous hash" of the very first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// Each field is written with its length first, so no choice of values can make two
    /// different records serialise to the same bytes.
    public static func canonical(_ record: AuditRecord) -> String {
        let fields: [String?] = [
            String(record.sequence), record.occurredAt, record.actorID, record.actorLabel, record.action,
            record.entity, record.entityID, record.requestID, record.address, record.changes, record.previousHash,
        ]
        return fields.map { field in
            guard let field else { return "-" }
            return "\(field.utf8.count):\(field)"
        }.joined(separator: "|")
    }

    public static func hash(_ record: AuditRecord) -> String {
        SHA256.hash(data: Data(canonical(record).utf8)).hexString
    }

    public enum Verdict: Equatable, Sendable {
        case intact(count: Int)
        /// The first event whose stored hash or link does not match, and why.
        case broken(sequence: Int, reason: String)
    }

    /// Checks stored events, in sequence order, against their stored hashes.
    public static func verify(_ events: some Sequence<(record: AuditRecord, hash: String)>) -> Verdict {
        var previous = genesis
        var lastSequence: Int?
        var count = 0
        for (record, stored) in events {
            if let lastSequence, record.sequence != lastSequence + 1 {
                return .broken(sequence: record.sequence, reason: "event \(lastSequence + 1) is missing")
            }
            if record.previousHash != previous {
                return .broken(sequence: record.sequence, reason: "does not follow the event before it")
            }
            if hash(record) != stored {
                return .broken(sequence: record.sequence, reason: "its contents were changed after it was written")
            }
            previous = stored
            lastSequence = record.sequence
            count += 1
        }
        return .intact(count: count)
    }
}
