import Vapor

/// Cross-site request forgery protection for browser requests (ASVS 3.5): every request that can
/// change something must come from our own pages (Origin / Sec-Fetch-Site) and carry the
/// session's synchroniser token, as the `_csrf` form field or the `X-CSRF-Token` header.
/// API requests with a bearer token carry no cookie, so they cannot be forged this way.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method), request.headers.bearerAuthorization == nil else {
            return try await next.respond(to: request)
        }
        // Read the body first (within the size cap) so the token can be taken from the form.
        _ = try await request.body.collect(max: (request.route?.bodyLimit ?? request.application.routes.defaultMaxBodySize).value).get()
        let fetchSite = request.headers.first(name: "Sec-Fetch-Site")
        if let fetchSite, !["same-origin", "none"].contains(fetchSite) {
            throw reject(request, "cross-site request")
        }
        // Browsers that send Sec-Fetch-Site have told us the truth already; older ones are
        // checked by Origin, which they send on every cross-origin POST.
        if fetchSite == nil, let origin = request.headers.first(name: .origin),
           !Self.isSameOrigin(origin, host: request.headers.first(name: .host)),
           !Self.isSameOrigin(origin, host: URLComponents(string: request.application.config.publicURL).flatMap(Self.authority)) {
            throw reject(request, "foreign origin")
        }
        guard let expected = try await request.expectedCSRFToken() else { throw reject(request, "no session") }
        var sent = request.headers.first(name: Self.headerName)
        if sent == nil, request.headers.contentType == .urlEncodedForm || request.headers.contentType?.type == "multipart" {
            sent = try? request.content.get(String.self, at: Self.fieldName)
        }
        guard let sent, Secret.constantTimeEqual(sent, expected) else { throw reject(request, sent == nil ? "no token" : "wrong token") }
        // A form shown again with errors before sign-in needs the same token in it.
        if request.authSession == nil { request.anonymousCSRFToken = expected }
        return try await next.respond(to: request)
    }

    /// Logs why (never the token) so an operator can tell a misconfigured proxy from an attack.
    private func reject(_ request: Request, _ reason: String) -> AppError {
        request.logger.notice("CSRF check refused a request", metadata: ["reason": .string(reason)])
        return .csrfRejected
    }

    /// `Origin` is scheme://host[:port]; compare its authority with the Host header.
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let components = URLComponents(string: origin), let authority = authority(components) else { return false }
        return authority.lowercased() == host.lowercased()
    }

    static func authority(_ components: URLComponents) -> String? {
        guard let host = components.host else { return nil }
        return components.port.map { "\(host):\($0)" } ?? host
    }
}
