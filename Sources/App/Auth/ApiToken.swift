import Fluent
import Foundation

/// A bearer token for the JSON API. Shown once when made; only its hash is kept.
final class ApiToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    // relationships
    @Parent(key: "account_id") var account: Account

    init() {}

    init(accountID: UUID, name: String, tokenHash: String) {
        self.$account.id = accountID
        self.name = name
        self.tokenHash = tokenHash
    }
}

extension ApiToken: Auditable {
    static let auditEntity = "api_token"
    var auditSnapshot: [String: String?] {
        ["name": name, "account_id": $account.id.uuidString, "revoked_at": revokedAt.map { AuditFormat.timestamp($0) }]
    }
}
