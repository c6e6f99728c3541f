import CapableCore
import Foundation
import Vapor

/// Password checks shared by sign-in, setup, change of password and the commands.
enum Passwords {
    /// Loads the common-password list shipped as a resource.
    static func loadPolicy() throws -> PasswordPolicy {
        let text = String(decoding: try AppResources.data("common-passwords.txt"), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        return PasswordPolicy(commonPasswords: lines)
    }

    /// Field errors for a new password and its confirmation.
    static func problems(new: String?, confirm: String?, email: String?, field: String, confirmField: String?,
                         policy: PasswordPolicy) -> [FieldError] {
        guard let new, !new.isEmpty else { return [FieldError(field: field, message: "Enter a new password")] }
        if let problem = policy.problem(with: new, email: email) { return [FieldError(field: field, message: problem.message)] }
        if let confirmField, confirm != new {
            return [FieldError(field: confirmField, message: "The passwords do not match; type the new password again")]
        }
        return []
    }

    /// Checks a password against a stored hash; an unknown account still costs one Bcrypt check,
    /// so response time does not tell a guesser which addresses have accounts.
    static func verify(_ password: String, against hash: String?, on req: Request) async throws -> Bool {
        guard password.utf8.count <= PasswordPolicy.maximumBytes else { return false }
        return try await req.password.async.verify(password, created: hash ?? req.application.dummyPasswordHash)
    }
}

private struct DummyHashKey: StorageKey { typealias Value = String }

extension Application {
    var dummyPasswordHash: String {
        get { storage[DummyHashKey.self] ?? "" }
        set { storage[DummyHashKey.self] = newValue }
    }
}
