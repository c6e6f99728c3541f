import Fluent
import Foundation

/// A browser session, kept in the database so any number of servers can share it and a
/// restart signs nobody out. Only a hash of the cookie's token is stored: a copy of the
/// database does not hand anyone a live session.
final class AuthSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    /// The synchroniser token every form and every unsafe request must send back.
    @Field(key: "csrf_token") var csrfToken: String

    // relationships
    /// Nil before sign-in: an anonymous session exists only to carry the sign-in form's CSRF token.
    @OptionalParent(key: "account_id") var account: Account?

    init() {}

    init(tokenHash: String, csrfToken: String, accountID: UUID?, now: Date) {
        self.tokenHash = tokenHash
        self.csrfToken = csrfToken
        self.$account.id = accountID
        self.createdAt = now
        self.lastSeenAt = now
    }
}
