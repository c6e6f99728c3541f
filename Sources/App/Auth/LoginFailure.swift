import Fluent
import Foundation

/// Failed sign-ins counted for one key: an account (by a hash of its email) or a client address.
/// Kept in the database so the count holds across servers and restarts.
final class LoginFailure: Model, @unchecked Sendable {
    static let schema = "login_failures"

    // managed fields
    @ID(custom: "key", generatedBy: .user) var id: String?

    // data fields
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date

    init() {}

    init(key: String, failures: Int, lastFailureAt: Date) {
        self.id = key
        self.failures = failures
        self.lastFailureAt = lastFailureAt
    }
}
