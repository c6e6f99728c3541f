import CapableCore
import Fluent
import Vapor

/// Changing one's own password, shared by the account page and the API.
enum PasswordChange {
    /// The field names the form and the API use.
    enum Fields {
        case form, api
        var current: String { self == .form ? "current_password" : "currentPassword" }
        var new: String { self == .form ? "new_password" : "newPassword" }
        var confirm: String? { self == .form ? "confirm_password" : nil }
    }

    static func problems(accountID: UUID, current: String?, new: String?, confirm: String?, fields: Fields,
                         on req: Request) async throws -> [FieldError] {
        guard let account = try await Account.find(accountID, on: req.database) else { throw AppError.notFound }
        var errors: [FieldError] = []
        if (current ?? "").isEmpty {
            errors.append(FieldError(field: fields.current, message: "Enter your current password"))
        } else if try await !Passwords.verify(current ?? "", against: account.passwordHash, on: req) {
            errors.append(FieldError(field: fields.current, message: "Your current password is not correct"))
        }
        errors += Passwords.problems(new: new, confirm: confirm, email: account.email, field: fields.new,
                                     confirmField: fields.confirm, policy: req.application.passwordPolicy)
        if errors.isEmpty, new == current {
            errors.append(FieldError(field: fields.new, message: "The new password must be different from the current one"))
        }
        return errors
    }

    /// Stores the new hash, signs out every other session, and for a browser replaces the current
    /// session id too. Returns the new session cookie value when there is one.
    static func apply(accountID: UUID, new: String, on req: Request) async throws -> String? {
        guard let account = try await Account.find(accountID, on: req.database) else { throw AppError.notFound }
        let hash = try await req.password.async.hash(new)
        try await req.update(account) { account in
            account.passwordHash = hash
            account.passwordChangedAt = Date()
        }
        try await Sessions.endAll(accountID: accountID, except: req.authSession?.id, on: req.database)
        guard req.authSession != nil else { return nil }
        return try await Sessions.start(accountID: accountID, for: req).token
    }
}
