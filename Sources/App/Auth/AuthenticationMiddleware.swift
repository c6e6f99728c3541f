import CapableCore
import Fluent
import Vapor

/// Works out who is asking: a bearer API token, or the session cookie. The session row is read
/// on every request (it expires and is touched); who the token or account belongs to, with roles
/// and active flag, comes from `ReadCaches.principals` when it was read in the last few seconds.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            // An API client never also rides on a browser cookie.
            request.principal = try await Self.principal(apiToken: bearer.token, on: request.db)
            guard request.principal != nil else { throw AppError.notSignedIn }
        } else if let token = request.cookies[Sessions.cookieName(secure: request.application.config.secureCookies)]?.string,
                  !token.isEmpty {
            try await loadSession(token: token, for: request)
        }
        return try await next.respond(to: request)
    }

    private func loadSession(token: String, for request: Request) async throws {
        let db = request.db
        request.anonymousCookie = token
        guard let session = try await AuthSession.query(on: db).filter(\.$tokenHash == Secret.hash(token)).first() else { return }
        let now = Date()
        let lifetime = request.application.config.sessionLifetime
        if lifetime.isExpired(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) {
            try await db.writeTransaction { tx in try await session.delete(on: tx) }
            return
        }
        if let accountID = session.$account.id {
            guard let principal = try await Self.principal(accountID: accountID, via: .session, on: db) else {
                try await db.writeTransaction { tx in try await session.delete(on: tx) }
                return
            }
            request.principal = principal
        }
        if lifetime.needsTouch(lastSeenAt: session.lastSeenAt, now: now) {
            session.lastSeenAt = now
            try await db.writeTransaction { tx in try await session.save(on: tx) }
        }
        request.authSession = session
    }

    static func principal(apiToken token: String, on db: any Database) async throws -> Principal? {
        let hash = Secret.hash(token)
        let cache = ReadCaches.principals
        if let known = cache.value(for: .token(hash: hash)) { return known }
        let generation = cache.generation
        guard let record = try await ApiToken.query(on: db).filter(\.$tokenHash == hash)
            .filter(\.$revokedAt == nil).first()
        else { return nil }
        let now = Date()
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            record.lastUsedAt = now
            try await db.writeTransaction { tx in try await record.save(on: tx) }
        }
        // Last used is kept to the minute: a token in steady use is read again after each lifetime.
        guard let principal = try await principal(accountID: record.$account.id, via: .apiToken, on: db) else { return nil }
        cache.store(principal, for: .token(hash: hash), readAt: generation)
        return principal
    }

    static func principal(accountID: UUID, via: Principal.Via, on db: any Database) async throws -> Principal? {
        let cache = ReadCaches.principals
        if via == .session, let known = cache.value(for: .account(accountID)) { return known }
        let generation = cache.generation
        guard let account = try await Account.query(on: db).filter(\.$id == accountID).filter(\.$active == true)
            .with(\.$roles).first()
        else { return nil }
        let roles = Set(account.roles.compactMap { Role(rawValue: $0.role) })
        let hrUnits = roles.contains(.hr)
            ? Set(try await HRScope.query(on: db).filter(\.$account.$id == accountID).all().map(\.$orgUnit.id)) : []
        let principal = Principal(
            accountID: accountID, email: account.email, displayName: account.displayName,
            roles: roles, personID: account.$person.id, hrUnits: hrUnits, via: via
        )
        if via == .session { cache.store(principal, for: .account(accountID), readAt: generation) }
        return principal
    }
}
