import CapableCore
import Fluent
import Foundation

/// Stores `LoginThrottle` state per account and per client address.
enum LoginThrottling {
    /// The account is keyed by a hash of its email, so the table holds no addresses.
    static func keys(email: String, address: String?) -> [(key: String, rule: LoginThrottle)] {
        [
            ("account:\(Secret.hash(Account.normalise(email: email)))", .perAccount),
            ("address:\(address ?? "unknown")", .perAddress),
        ]
    }

    /// Seconds until another attempt is allowed for either key, or nil.
    static func retryAfter(email: String, address: String?, on db: any Database, now: Date = Date()) async throws -> Int? {
        var longest: Int?
        for (key, rule) in keys(email: email, address: address) {
            let state = try await LoginFailure.find(key, on: db).map { LoginThrottle.State(failures: $0.failures, lastFailure: $0.lastFailureAt) }
            if let wait = rule.retryAfter(state, now: now) { longest = max(longest ?? 0, wait) }
        }
        return longest
    }

    static func recordFailure(email: String, address: String?, on db: any Database, now: Date = Date()) async throws {
        for (key, rule) in keys(email: email, address: address) {
            let record = try await LoginFailure.find(key, on: db)
            let next = rule.recordingFailure(record.map { .init(failures: $0.failures, lastFailure: $0.lastFailureAt) }, now: now)
            let row = record ?? LoginFailure(key: key, failures: 0, lastFailureAt: now)
            row.failures = next.failures
            row.lastFailureAt = next.lastFailure
            try await row.save(on: db)
        }
    }

    /// A successful sign-in clears the account's count (not the address's: one right guess
    /// from an address must not reset a spray of wrong ones).
    static func clearAccount(email: String, on db: any Database) async throws {
        guard let key = keys(email: email, address: nil).first?.key else { return }
        try await LoginFailure.query(on: db).filter(\.$id == key).delete()
    }
}
