import CapableCore
import Fluent
import Vapor

/// Making and revoking API tokens, shared by the account page, the API and `capable create-token`.
enum ApiTokens {
    static func nameProblem(_ name: String, field: String) -> FieldError? {
        if name.isEmpty { return FieldError(field: field, message: "Enter a name for the token, such as the system that will use it") }
        if name.count > 100 { return FieldError(field: field, message: "Token name must be 100 characters or fewer") }
        return nil
    }

    /// Returns the record and the secret, which is shown once and never stored.
    static func create(name: String, accountID: UUID, on req: Request) async throws -> (ApiToken, String) {
        try await create(name: name, accountID: accountID, context: req.auditContext, on: req.database)
    }

    /// The same for the command line, which has no request.
    static func create(name: String, accountID: UUID, context: AuditContext, on db: any Database) async throws -> (ApiToken, String) {
        let secret = "cap_" + Secret.make()
        let token = ApiToken(accountID: accountID, name: name, tokenHash: Secret.hash(secret))
        try await db.writeTransaction { tx in
            try await token.create(on: tx)
            try await Audit.append("create", entity: ApiToken.auditEntity, id: token.id?.uuidString,
                                   changes: FieldChange.diff(before: [:], after: token.auditSnapshot), context: context, on: tx)
        }
        return (token, secret)
    }

    /// Only the owner's own tokens can be found, so another account's token id is simply "not found".
    static func revoke(id: UUID, accountID: UUID, on req: Request) async throws {
        guard let token = try await ApiToken.query(on: req.database).filter(\.$id == id).filter(\.$account.$id == accountID)
            .filter(\.$revokedAt == nil).first()
        else { throw AppError.notFound }
        try await req.update(token) { $0.revokedAt = Date() }
    }
}
