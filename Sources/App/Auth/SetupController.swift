import Fluent
import Vapor

/// The first-administrator page behind the one-time link.
enum SetupController {
    struct Form: Content {
        var display_name: String?
        var email: String?
        var password: String?
        var confirm_password: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let token = try validToken(req)
        guard try await Setup.isValid(token, on: req.database) else { throw AppError.notFound }
        let cookie = try await Sessions.ensure(for: req)
        let response = SetupPage.view(.init(token: token, displayName: "", email: "", errors: []), context: PageContext(req)).response(status: .ok)
        if let cookie { response.cookies[Sessions.cookieName(secure: req.application.config.secureCookies)] = cookie }
        return response
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let token = try validToken(req)
        guard try await Setup.isValid(token, on: req.database) else { throw AppError.notFound }
        let form = try req.content.decode(Form.self)
        let admin = Setup.NewAdmin(
            displayName: (form.display_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            email: Account.normalise(email: form.email ?? ""), password: form.password ?? "")
        let errors = Setup.problems(admin, confirm: form.confirm_password ?? "", policy: req.application.passwordPolicy)
        guard errors.isEmpty else {
            let model = SetupPage.Model(token: token, displayName: admin.displayName, email: admin.email, errors: errors)
            return SetupPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        let hash = try await req.password.async.hash(admin.password)
        let account = try await Setup.createAdmin(admin, hash: hash, context: req.auditContext, on: req.database)
        guard let id = account.id else { throw AppError.notFound }
        let (_, sessionToken) = try await Sessions.start(accountID: id, for: req)
        req.principal = try await AuthenticationMiddleware.principal(accountID: id, via: .session, on: req.database)
        try await req.audit("login", entity: "account", id: id.uuidString)
        let secure = req.application.config.secureCookies
        let response = req.redirect(to: SiteURL.home.path, redirectType: .normal)
        response.cookies[Sessions.cookieName(secure: secure)] = Sessions.cookie(sessionToken, secure: secure)
        return response
    }

    private static func validToken(_ req: Request) throws -> String {
        guard let token = req.parameters.get("token"), token.count < 100 else { throw AppError.notFound }
        return token
    }
}
