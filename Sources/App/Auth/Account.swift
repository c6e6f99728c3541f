import Fluent
import Foundation

/// A person's way in: an email and a password, and the roles granted to it.
final class Account: Model, @unchecked Sendable {
    static let schema = "accounts"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// Stored lower-cased, so sign-in is case-insensitive and the unique index means one account per address.
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?

    // relationships
    @OptionalParent(key: "person_id") var person: Person?
    @Children(for: \.$account) var roles: [AccountRole]

    init() {}

    init(id: UUID? = nil, email: String, displayName: String, passwordHash: String, active: Bool = true) {
        self.id = id
        self.email = Account.normalise(email: email)
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.active = active
    }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}

extension Account: Auditable {
    static let auditEntity = "account"
    /// The password hash is left out on purpose: the audit log records that it changed, never its value.
    var auditSnapshot: [String: String?] {
        [
            "email": email, "display_name": displayName, "active": String(active),
            "person_id": $person.id?.uuidString, "password": passwordChangedAt.map { AuditFormat.timestamp($0) },
        ]
    }
}

/// One role granted to one account.
final class AccountRole: Model, @unchecked Sendable {
    static let schema = "account_roles"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "role") var role: String

    // relationships
    @Parent(key: "account_id") var account: Account

    init() {}

    init(accountID: UUID, role: String) {
        self.$account.id = accountID
        self.role = role
    }
}
