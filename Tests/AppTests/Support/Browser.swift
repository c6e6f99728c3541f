@testable import App
import Foundation
import NIOCore
import Vapor
import VaporTesting

/// A pretend browser over the in-memory tester: it keeps cookies between requests and picks up
/// the CSRF token from each HTML page, as a real browser submitting our forms would.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?
    /// Sent as Sec-Fetch-Site on unsafe requests, as Chromium does for our own forms.
    var fetchSite: String? = "same-origin"

    init(_ app: Application) { self.app = app }

    static let cookieName = Sessions.cookieName(secure: true)
    var sessionCookie: String? { cookies[Self.cookieName] }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers, body: nil)
    }

    /// Posts a form, adding the CSRF token unless `csrf` is given explicitly (use "" to send none).
    @discardableResult
    mutating func post(_ path: String, form: [String: String] = [:], csrf explicit: String? = nil,
                       headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var fields = form
        let token = explicit ?? csrf
        if let token, !token.isEmpty { fields[CSRFMiddleware.fieldName] = token }
        var allHeaders = headers
        allHeaders.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: allHeaders, body: ByteBuffer(string: Self.encode(fields)))
    }

    /// Uploads a file as a browser form does (multipart/form-data), with the CSRF token.
    @discardableResult
    mutating func upload(_ path: String, file: String, filename: String = "staff.csv", fields: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let boundary = "capable-test-boundary"
        var parts = fields
        if let csrf { parts[CSRFMiddleware.fieldName] = csrf }
        var body = ""
        for (name, value) in parts.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Sends JSON, with the CSRF token in a header as a script on our pages would.
    @discardableResult
    mutating func sendJSON(_ method: HTTPMethod, _ path: String, json: String?, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var allHeaders = headers
        if json != nil { allHeaders.contentType = .json }
        if let csrf, allHeaders.first(name: CSRFMiddleware.headerName) == nil { allHeaders.add(name: CSRFMiddleware.headerName, value: csrf) }
        return try await send(method, path, headers: allHeaders, body: json.map { ByteBuffer(string: $0) })
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var allHeaders = headers
        if !cookies.isEmpty {
            allHeaders.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if method != .GET, let fetchSite, allHeaders.first(name: "Sec-Fetch-Site") == nil {
            allHeaders.add(name: "Sec-Fetch-Site", value: fetchSite)
        }
        let response = try await app.testing().sendRequest(method, path, headers: allHeaders, body: body)
        for (name, cookie) in response.headers.setCookie?.all ?? [:] {
            if cookie.string.isEmpty { cookies[name] = nil } else { cookies[name] = cookie.string }
        }
        if let token = Self.csrfToken(in: response.body.string) { csrf = token }
        return response
    }

    /// Signs in through the real form.
    @discardableResult
    mutating func signIn(email: String, password: String = Fixtures.password) async throws -> TestingHTTPResponse {
        try await get("/login")
        return try await post("/login", form: ["email": email, "password": password])
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}
