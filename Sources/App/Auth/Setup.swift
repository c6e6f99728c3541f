import CapableCore
import Fluent
import Vapor

/// The first administrator. While no account exists, `capable serve` prints a one-time link;
/// its page (or `capable create-admin`) makes the account and the link stops working.
enum Setup {
    static let settingKey = "setup_token_hash"

    /// A fresh setup token when there are no accounts yet, else nil. Each start replaces the
    /// previous token, so only the most recently printed link works.
    static func issueToken(on db: any Database) async throws -> String? {
        try await db.writeTransaction { tx in
            guard try await Account.query(on: tx).count() == 0 else { return nil }
            let token = Secret.make()
            try await Setting.query(on: tx).filter(\.$id == settingKey).delete()
            try await Setting(key: settingKey, value: Secret.hash(token)).create(on: tx)
            return token
        }
    }

    /// True while `token` is the current setup token and no account exists.
    static func isValid(_ token: String, on db: any Database) async throws -> Bool {
        guard try await Account.query(on: db).count() == 0, let stored = try await Setting.find(settingKey, on: db) else { return false }
        return Secret.constantTimeEqual(stored.value, Secret.hash(token))
    }

    struct NewAdmin: Sendable {
        var displayName: String
        var email: String
        var password: String
    }

    /// Field errors for a new administrator (field names as in the setup form).
    static func problems(_ admin: NewAdmin, confirm: String?, policy: PasswordPolicy) -> [FieldError] {
        var errors: [FieldError] = []
        if admin.displayName.isEmpty { errors.append(FieldError(field: "display_name", message: "Enter your name")) }
        if admin.displayName.count > 200 { errors.append(FieldError(field: "display_name", message: "Name must be 200 characters or fewer")) }
        if !EmailAddress.isPlausible(admin.email) {
            errors.append(FieldError(field: "email", message: "Enter an email address in the correct format, like name@example.org"))
        }
        errors += Passwords.problems(new: admin.password, confirm: confirm, email: admin.email, field: "password",
                                     confirmField: confirm == nil ? nil : "confirm_password", policy: policy)
        return errors
    }

    /// Creates the account with the administrator role and removes the setup token.
    static func createAdmin(_ admin: NewAdmin, hash: String, context: AuditContext, on db: any Database) async throws -> Account {
        try await db.writeTransaction { tx in
            let account = Account(email: admin.email, displayName: admin.displayName, passwordHash: hash)
            account.passwordChangedAt = Date()
            try await account.create(on: tx)
            guard let id = account.id else { throw AppError.conflict("The account could not be created") }
            try await AccountRole(accountID: id, role: Role.admin.rawValue).create(on: tx)
            try await Setting.query(on: tx).filter(\.$id == settingKey).delete()
            try await Audit.append("create", entity: "account", id: id.uuidString,
                                   changes: FieldChange.diff(before: [:], after: account.auditSnapshot.merging(["roles": Role.admin.rawValue]) { $1 }),
                                   context: context, on: tx)
            return account
        }
    }
}

enum EmailAddress {
    /// A deliberately loose check: something@something.something, no spaces, sensible length.
    static func isPlausible(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, email.count <= 254, !email.contains(where: \.isWhitespace) else { return false }
        return !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
