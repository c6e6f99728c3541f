import Crypto
import Fluent
import NIOConcurrencyHelpers
import Vapor

/// CSRF tokens for the forms shown before sign-in (sign-in, first-time setup), without a
/// database row per visitor: the browser gets a random cookie, and the form's token is an HMAC
/// of that cookie under a key only the servers know. A bot fetching the sign-in page a million
/// times writes nothing. The key is made once and kept in the database, so every server
/// behind a load balancer shares it.
enum AnonymousCSRF {
    static let settingKey = "anonymous_csrf_key"

    static func token(forCookie cookie: String, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(("anonymous-csrf:" + cookie).utf8), using: key))
            .base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The shared key, read (or on first use made) from the database and then kept in memory.
    static func key(for req: Request) async throws -> SymmetricKey {
        let cache = req.application.anonymousCSRFKey
        if let key = cache.withLockedValue({ $0 }) { return key }
        let db = req.db
        let stored: String = try await db.writeTransaction { tx in
            if let existing = try await Setting.find(settingKey, on: tx) { return existing.value }
            let value = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
            try await Setting(key: settingKey, value: value).create(on: tx)
            return value
        }
        guard let bytes = Data(base64Encoded: stored) else { throw AppError.conflict("The stored CSRF key is damaged") }
        let key = SymmetricKey(data: bytes)
        cache.withLockedValue { $0 = key }
        return key
    }
}

private struct AnonymousKeyCache: StorageKey { typealias Value = NIOLockedValueBox<SymmetricKey?> }
private struct AnonymousCookieKey: StorageKey { typealias Value = String }
private struct AnonymousTokenKey: StorageKey { typealias Value = String }

extension Application {
    var anonymousCSRFKey: NIOLockedValueBox<SymmetricKey?> {
        if let box = storage[AnonymousKeyCache.self] { return box }
        let box = NIOLockedValueBox<SymmetricKey?>(nil)
        storage[AnonymousKeyCache.self] = box
        return box
    }
}

extension Request {
    /// The cookie of a visitor who is not signed in.
    var anonymousCookie: String? {
        get { storage[AnonymousCookieKey.self] }
        set { storage[AnonymousCookieKey.self] = newValue }
    }

    /// The CSRF token for that visitor's forms, once `Sessions.ensure` has worked it out.
    var anonymousCSRFToken: String? {
        get { storage[AnonymousTokenKey.self] }
        set { storage[AnonymousTokenKey.self] = newValue }
    }

    /// The token this request must carry: its session's, or the anonymous one.
    func expectedCSRFToken() async throws -> String? {
        if let session = authSession { return session.csrfToken }
        guard let cookie = anonymousCookie else { return nil }
        return AnonymousCSRF.token(forCookie: cookie, key: try await AnonymousCSRF.key(for: self))
    }
}
