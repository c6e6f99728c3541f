import CapableCore
import Foundation
import Vapor

/// Who is making this request. A change of role or account made here takes effect on the very
/// next request; one made by another process within a few seconds (`ReadCaches.principals`).
struct Principal: Sendable, Equatable {
    enum Via: Sendable, Equatable { case session, apiToken }

    var accountID: UUID
    var email: String
    var displayName: String
    var roles: Set<Role>
    var personID: UUID?
    /// For HR: the units they look after.
    var hrUnits: Set<UUID> = []
    var via: Via

    var viewer: Viewer { Viewer(personID: personID, roles: roles, hrUnits: hrUnits) }

    func has(_ role: Role) -> Bool { roles.contains(role) }
}

private struct PrincipalKey: StorageKey { typealias Value = Principal }
private struct SessionKey: StorageKey { typealias Value = AuthSession }

extension Request {
    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    /// The browser session (signed in or anonymous), when the request came with a valid cookie.
    var authSession: AuthSession? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The signed-in person, or a 401/redirect-to-sign-in when there is none.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw AppError.notSignedIn }
        return principal
    }

    /// The client's address: the peer, or the last hop named by a trusted reverse proxy.
    var clientAddress: String? {
        let peer = peerAddress?.ipAddress ?? remoteAddress?.ipAddress
        guard let peer, application.config.trustedProxies.contains(peer),
              let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last
        else { return peer }
        return forwarded.trimmingCharacters(in: .whitespaces)
    }
}
