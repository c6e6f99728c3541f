import CapableCore
import Fluent
import Plot
import Vapor

/// A signed-in person's own account: details, password, API tokens.
enum AccountController {
    static func query(accountID: UUID, on db: any Database) async throws -> AccountPage.Model {
        guard let account = try await Account.query(on: db).filter(\.$id == accountID).with(\.$roles).first() else {
            throw AppError.notFound
        }
        let tokens = try await ApiToken.query(on: db).filter(\.$account.$id == accountID).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all()
        return AccountPage.Model(
            email: account.email, displayName: account.displayName,
            roles: account.roles.compactMap { Role(rawValue: $0.role) }.sorted().map(\.label),
            passwordChangedAt: account.passwordChangedAt.map(DisplayFormat.dateTime),
            tokens: tokens.compactMap { token in
                token.id.map { AccountPage.Token(id: $0, name: token.name, createdAt: token.createdAt.map(DisplayFormat.dateTime) ?? "",
                                                 lastUsedAt: token.lastUsedAt.map(DisplayFormat.dateTime)) }
            },
            banner: nil, newToken: nil, tokenErrors: [], tokenName: ""
        )
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        var model = try await query(accountID: principal.accountID, on: req.database)
        if req.query[String.self, at: "done"] == "password" { model.banner = "Your password has been changed" }
        if req.query[String.self, at: "done"] == "revoked" { model.banner = "The API token has been revoked" }
        return AccountPage.view(model, context: PageContext(req))
    }

    // MARK: change password

    struct PasswordForm: Content {
        var current_password: String?
        var new_password: String?
        var confirm_password: String?
    }

    @Sendable static func passwordForm(req: Request) async throws -> HTML {
        PasswordPage.view(.init(errors: []), context: PageContext(req))
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let form = try req.content.decode(PasswordForm.self)
        let errors = try await PasswordChange.problems(
            accountID: principal.accountID, current: form.current_password, new: form.new_password,
            confirm: form.confirm_password, fields: .form, on: req)
        guard errors.isEmpty else {
            return PasswordPage.view(.init(errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        let token = try await PasswordChange.apply(accountID: principal.accountID, new: form.new_password ?? "", on: req)
        let secure = req.application.config.secureCookies
        let response = req.redirect(to: SiteURL.account.path + "?done=password", redirectType: .normal)
        if let token { response.cookies[Sessions.cookieName(secure: secure)] = Sessions.cookie(token, secure: secure) }
        return response
    }

    // MARK: API tokens

    struct TokenForm: Content {
        var name: String?
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let name = (try req.content.decode(TokenForm.self).name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var model = try await query(accountID: principal.accountID, on: req.database)
        if let error = ApiTokens.nameProblem(name, field: "name") {
            model.tokenErrors = [error]
            model.tokenName = name
            return AccountPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        let (_, secret) = try await ApiTokens.create(name: name, accountID: principal.accountID, on: req)
        model = try await query(accountID: principal.accountID, on: req.database)
        model.newToken = secret
        return AccountPage.view(model, context: PageContext(req)).response(status: .created)
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw AppError.notFound }
        try await ApiTokens.revoke(id: id, accountID: principal.accountID, on: req)
        return req.redirect(to: SiteURL.account.path + "?done=revoked", redirectType: .normal)
    }
}
