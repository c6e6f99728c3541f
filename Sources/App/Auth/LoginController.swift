import CapableCore
import Fluent
import Vapor

/// Signing in and out.
enum LoginController {
    struct Form: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable static func show(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: SiteURL.home.path) }
        let cookie = try await Sessions.ensure(for: req)
        let model = LoginPage.Model(email: "", next: SiteURL.safeRedirect(req.query[String.self, at: "next"]), errors: [])
        let response = LoginPage.view(model, context: PageContext(req)).response(status: .ok)
        if let cookie { response.cookies[Sessions.cookieName(secure: req.application.config.secureCookies)] = cookie }
        return response
    }

    @Sendable static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = Account.normalise(email: form.email ?? "")
        let password = form.password ?? ""
        let next = SiteURL.safeRedirect(form.next)
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "email", message: "Enter your email address")) }
        if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
        guard errors.isEmpty else { return page(req, email: email, next: next, errors: errors, status: .badRequest) }

        let db = req.database
        if let wait = try await LoginThrottling.retryAfter(email: email, address: req.clientAddress, on: db) {
            // Returned, not thrown, so the audit row commits with the request.
            try await Audit.append("login_throttled", entity: "account", id: nil, context: failureContext(req, email: email), on: db)
            let error = AppError.tooManyRequests(retryAfter: wait)
            let response = ErrorPage.view(status: error.status, message: error.message, context: PageContext(req)).response(status: error.status)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
        let account = try await Account.query(on: db).filter(\.$email == email).first()
        let matches = try await Passwords.verify(password, against: account?.passwordHash, on: req)
        guard let account, matches, account.active, let accountID = account.id else {
            try await LoginThrottling.recordFailure(email: email, address: req.clientAddress, on: db)
            try await Audit.append("login_failed", entity: "account", id: account?.id?.uuidString, context: failureContext(req, email: email), on: db)
            // One message whatever was wrong, so the page does not reveal which addresses have accounts.
            let message = FieldError(field: "email", message: "Enter a correct email address and password")
            return page(req, email: email, next: next, errors: [message], status: .unauthorized)
        }

        try await LoginThrottling.clearAccount(email: email, on: db)
        try await Sessions.deleteExpired(lifetime: req.application.config.sessionLifetime, on: db)
        let (_, token) = try await Sessions.start(accountID: accountID, for: req)
        req.principal = try await AuthenticationMiddleware.principal(accountID: accountID, via: .session, on: db)
        try await req.audit("login", entity: "account", id: accountID.uuidString)
        let response = req.redirect(to: next ?? SiteURL.home.path, redirectType: .normal)
        response.cookies[Sessions.cookieName(secure: req.application.config.secureCookies)] =
            Sessions.cookie(token, secure: req.application.config.secureCookies)
        return response
    }

    @Sendable static func logout(req: Request) async throws -> Response {
        if let session = req.authSession {
            try await req.audit("logout", entity: "account", id: session.$account.id?.uuidString)
            try await session.delete(on: req.database)
        }
        let secure = req.application.config.secureCookies
        let response = req.redirect(to: SiteURL.login.path, redirectType: .normal)
        response.cookies[Sessions.cookieName(secure: secure)] = Sessions.expiredCookie(secure: secure)
        return response
    }

    private static func failureContext(_ req: Request, email: String) -> AuditContext {
        var context = req.auditContext
        context.actorLabel = String(email.prefix(254))
        return context
    }

    private static func page(_ req: Request, email: String, next: String?, errors: [FieldError], status: HTTPResponseStatus) -> Response {
        LoginPage.view(LoginPage.Model(email: email, next: next, errors: errors), context: PageContext(req)).response(status: status)
    }
}
