import CapableCore
import Fluent
import Vapor

/// Browser sessions: the cookie, its database record, and their lifetime.
enum Sessions {
    /// `__Host-` binds the cookie to this exact host over https with path `/` (ASVS 3.3.1);
    /// browsers refuse that prefix without `Secure`, so plain-http local use drops it.
    static func cookieName(secure: Bool) -> String { secure ? "__Host-capable" : "capable" }

    static func cookie(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// Starts a new session (with a new id and a new CSRF token) and returns it with the cookie
    /// value to send. Any session the browser had is deleted first, so signing in always issues
    /// a new id (ASVS 7.2.4) and the old one stops working at once.
    static func start(accountID: UUID?, for req: Request) async throws -> (session: AuthSession, token: String) {
        if let old = req.authSession { try await old.delete(on: req.database) }
        let token = Secret.make()
        let session = AuthSession(tokenHash: Secret.hash(token), csrfToken: Secret.make(), accountID: accountID, now: Date())
        try await session.create(on: req.database)
        req.authSession = session
        return (session, token)
    }

    /// Ends every session of an account: on a password change (but the current one), on deactivation.
    static func endAll(accountID: UUID, except keep: UUID? = nil, on db: any Database) async throws {
        var query = AuthSession.query(on: db).filter(\.$account.$id == accountID)
        if let keep { query = query.filter(\.$id != keep) }
        try await query.delete()
    }

    /// Makes sure a visitor who is not signed in has a cookie to tie a form's CSRF token to,
    /// and returns the cookie to set when a new one was made. Forms shown before sign-in
    /// (sign-in, first-time setup) call this; nothing is written to the database.
    static func ensure(for req: Request) async throws -> HTTPCookies.Value? {
        guard req.authSession == nil else { return nil }
        let key = try await AnonymousCSRF.key(for: req)
        let existing = req.anonymousCookie
        let cookieToken = existing ?? Secret.make()
        req.anonymousCookie = cookieToken
        req.anonymousCSRFToken = AnonymousCSRF.token(forCookie: cookieToken, key: key)
        return existing == nil ? cookie(cookieToken, secure: req.application.config.secureCookies) : nil
    }

    /// Removes sessions past their lifetime; run at each sign-in so the table stays small.
    static func deleteExpired(lifetime: SessionLifetime, now: Date = Date(), on db: any Database) async throws {
        try await AuthSession.query(on: db).group(.or) { group in
            group.filter(\.$lastSeenAt < now.addingTimeInterval(-lifetime.idleTimeout))
                .filter(\.$createdAt < now.addingTimeInterval(-lifetime.absoluteTimeout))
        }.delete()
    }
}
