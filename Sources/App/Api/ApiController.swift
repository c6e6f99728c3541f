import CapableCore
import Fluent
import Vapor

/// The JSON API for the caller's own account. Errors come back as problem documents
/// (see `AppErrorMiddleware`).
enum ApiController {
    struct Me: Content {
        var id: UUID
        var email: String
        var displayName: String
        var roles: [String]
        var personId: UUID?
    }

    struct TokenSummary: Content {
        var id: UUID
        var name: String
        var createdAt: Date?
        var lastUsedAt: Date?
    }

    struct NewToken: Content {
        var id: UUID
        var name: String
        /// Shown in this response only.
        var token: String
    }

    struct PasswordChangeRequest: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    struct TokenRequest: Content {
        var name: String?
    }

    @Sendable static func me(req: Request) async throws -> Me {
        let principal = try req.requirePrincipal()
        return Me(id: principal.accountID, email: principal.email, displayName: principal.displayName,
                  roles: principal.roles.sorted().map(\.rawValue), personId: principal.personID)
    }

    @Sendable static func changePassword(req: Request) async throws -> HTTPStatus {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(PasswordChangeRequest.self)
        let errors = try await PasswordChange.problems(accountID: principal.accountID, current: body.currentPassword,
                                                       new: body.newPassword, confirm: nil, fields: .api, on: req)
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        _ = try await PasswordChange.apply(accountID: principal.accountID, new: body.newPassword ?? "", on: req)
        return .noContent
    }

    @Sendable static func tokens(req: Request) async throws -> [TokenSummary] {
        let principal = try req.requirePrincipal()
        return try await ApiToken.query(on: req.database).filter(\.$account.$id == principal.accountID).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all()
            .compactMap { token in token.id.map { TokenSummary(id: $0, name: token.name, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt) } }
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let name = (try req.content.decode(TokenRequest.self).name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = ApiTokens.nameProblem(name, field: "name") { throw AppError.invalid([problem]) }
        let (token, secret) = try await ApiTokens.create(name: name, accountID: principal.accountID, on: req)
        guard let id = token.id else { throw AppError.notFound }
        let response = try await NewToken(id: id, name: name, token: secret).encodeResponse(status: .created, for: req)
        return response
    }

    @Sendable static func revokeToken(req: Request) async throws -> HTTPStatus {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw AppError.notFound }
        try await ApiTokens.revoke(id: id, accountID: principal.accountID, on: req)
        return .noContent
    }

    /// The OpenAPI document, kept in the repository as Resources/openapi.json.
    @Sendable static func openAPI(req: Request) async throws -> Response {
        let data = try AppResources.data("openapi.json")
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
