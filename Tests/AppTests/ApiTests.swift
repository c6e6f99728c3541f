@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("JSON API")
struct ApiTests {
    private func token(_ app: Application, email: String = "staff@example.org") async throws -> String {
        try await Fixtures.account(app, email: email)
        var browser = Browser(app)
        try await browser.signIn(email: email)
        try await browser.get("/account")
        let page = try await browser.post("/account/tokens", form: ["name": "tests"])
        let html = page.body.string
        let start = try #require(html.range(of: "cap_"))
        return String(html[start.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
    }

    @Test("/api/v1/me answers a bearer token with the account, and 401 as a problem document without one")
    func me() async throws {
        try await withApp { app in
            // setup
            let secret = try await token(app)

            // act
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/me")
            let bad = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer cap_nope"])
            let good = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(secret)"])

            // check
            for response in [anonymous, bad] {
                #expect(response.status == .unauthorized)
                #expect(response.headers.contentType?.subType == "problem+json")
                let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(response.body.readableBytesView))
                #expect(problem.status == 401)
                #expect(problem.title == "Unauthorized")
                #expect(problem.detail?.isEmpty == false)
            }
            #expect(good.status == .ok)
            let me = try JSONDecoder().decode(ApiController.Me.self, from: Data(good.body.readableBytesView))
            #expect(me.email == "staff@example.org")
            #expect(me.roles == [])
            #expect(good.headers.first(name: .cacheControl) == "no-store")
        }
    }

    @Test("Tokens can be listed, made and revoked; a revoked token stops working; bad input names the field")
    func tokens() async throws {
        try await withApp { app in
            // setup
            let secret = try await token(app)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]

            // act
            let invalid = try await app.testing().sendRequest(.POST, "/api/v1/account/tokens", headers: auth, body: ByteBuffer(string: #"{"name":"  "}"#))
            let created = try await app.testing().sendRequest(.POST, "/api/v1/account/tokens", headers: auth, body: ByteBuffer(string: #"{"name":"HR feed"}"#))
            let list = try await app.testing().sendRequest(.GET, "/api/v1/account/tokens", headers: auth)
            let made = try JSONDecoder().decode(ApiController.NewToken.self, from: Data(created.body.readableBytesView))
            // Used once, so who it belongs to is cached (`ReadCaches.principals`); revoking must still stop it at once.
            let before = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(made.token)"])
            let revoked = try await app.testing().sendRequest(.DELETE, "/api/v1/account/tokens/\(made.id)", headers: auth)
            let again = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(made.token)"])

            // check
            #expect(invalid.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(invalid.body.readableBytesView))
            #expect(problem.errors?.first?.field == "name")
            #expect(created.status == .created)
            #expect(made.token.hasPrefix("cap_"))
            #expect(list.body.string.contains("HR feed"))
            #expect(!list.body.string.contains(made.token))
            #expect(before.status == .ok)
            #expect(revoked.status == .noContent)
            #expect(again.status == .unauthorized)
            let stored = try await ApiToken.query(on: app.db).all().map(\.tokenHash)
            #expect(!stored.contains(made.token))
        }
    }

    @Test("Another account's token cannot be revoked (404, nothing changed)")
    func revokeOthers() async throws {
        try await withApp { app in
            let mine = try await token(app, email: "me@example.org")
            _ = try await token(app, email: "other@example.org")
            let other = try #require(try await ApiToken.query(on: app.db).join(Account.self, on: \ApiToken.$account.$id == \Account.$id)
                .filter(Account.self, \.$email == "other@example.org").first())
            let response = try await app.testing().sendRequest(.DELETE, "/api/v1/account/tokens/\(try other.requireID())",
                                                                headers: ["Authorization": "Bearer \(mine)"])
            #expect(response.status == .notFound)
            #expect(try await ApiToken.find(other.id, on: app.db)?.revokedAt == nil)
        }
    }

    @Test("Changing password through the API: wrong current password names the field; success signs browsers out")
    func changePassword() async throws {
        try await withApp { app in
            // setup
            let secret = try await token(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            let auth: HTTPHeaders = ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]

            // act
            let wrong = try await app.testing().sendRequest(.POST, "/api/v1/account/password", headers: auth,
                body: ByteBuffer(string: #"{"currentPassword":"nope nope","newPassword":"password"}"#))
            let right = try await app.testing().sendRequest(.POST, "/api/v1/account/password", headers: auth,
                body: ByteBuffer(string: #"{"currentPassword":"correct horse battery staple","newPassword":"another long passphrase here"}"#))

            // check
            #expect(wrong.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(wrong.body.readableBytesView))
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["currentPassword", "newPassword"])
            #expect(right.status == .noContent)
            #expect(try await browser.get("/account").status == .seeOther)
        }
    }

    @Test("Malformed JSON gets a problem document, not a stack trace")
    func malformed() async throws {
        try await withApp { app in
            let secret = try await token(app)
            let response = try await app.testing().sendRequest(.POST, "/api/v1/account/tokens",
                headers: ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"], body: ByteBuffer(string: "{nope"))
            #expect(response.status == .badRequest)
            #expect(response.headers.contentType?.subType == "problem+json")
        }
    }

    @Test("The OpenAPI document is served and lists the account endpoints")
    func openAPI() async throws {
        try await withApp { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(document?["openapi"] as? String == "3.1.0")
            let paths = (document?["paths"] as? [String: Any]).map { Set($0.keys) } ?? []
            #expect(paths.isSuperset(of: ["/me", "/account/password", "/account/tokens", "/account/tokens/{tokenID}", "/people", "/org-units"]))
            // every API route in the app is documented, and nothing more
            let routes = Set(app.routes.all.map(Self.openAPIPath).filter { $0.hasPrefix("/") && $0 != "/openapi.json" })
            #expect(routes == paths)
        }
    }
}

extension ApiTests {
    /// A route's path as the OpenAPI document writes it: relative to /api/v1, `{name}` for parameters.
    static func openAPIPath(_ route: Route) -> String {
        let parts: [String] = route.path.map { component in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }
        let full = "/" + parts.joined(separator: "/")
        return full.hasPrefix("/api/v1/") ? String(full.dropFirst("/api/v1".count)) : ""
    }
}

struct ProblemBody: Decodable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [FieldError]?
}
