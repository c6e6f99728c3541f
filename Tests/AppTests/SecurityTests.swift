@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Web safety: CSRF, throttling, headers")
struct SecurityTests {
    @Test("A form post without the CSRF token, with a wrong one, or from another site is refused with 403")
    func csrf() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            try await browser.get("/account")
            let form = ["name": "integration"]

            // act
            let missing = try await browser.post("/account/tokens", form: form, csrf: "")
            let wrong = try await browser.post("/account/tokens", form: form, csrf: "not-the-token")
            var crossSite = browser
            crossSite.fetchSite = "cross-site"
            let fromElsewhere = try await crossSite.post("/account/tokens", form: form)
            var oldBrowser = browser
            oldBrowser.fetchSite = nil
            let foreignOrigin = try await oldBrowser.post("/account/tokens", form: form, headers: ["Origin": "https://evil.example"])
            let sameOrigin = try await oldBrowser.post("/account/tokens", form: form, headers: ["Origin": "http://localhost:8080", "Host": "localhost:8080"])

            // check
            for response in [missing, wrong, fromElsewhere, foreignOrigin] {
                #expect(response.status == .forbidden)
                #expect(response.body.string.contains("This form has expired or did not come from Capable"))
            }
            #expect(sameOrigin.status == .created)
            #expect(try await ApiToken.query(on: app.db).count() == 1)
            #expect(try await Fixtures.auditActions(app).filter { $0 == "csrf_rejected" }.count == 4)
        }
    }

    @Test("The sign-in form itself needs the token, so a login cannot be forced on a victim")
    func loginCSRF() async throws {
        try await withApp { app in
            try await Fixtures.account(app)
            var browser = Browser(app)
            let response = try await browser.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password])
            #expect(response.status == .forbidden)
        }
    }

    @Test("The sign-in page writes nothing, and its token only works with the cookie it was made for")
    func anonymousToken() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var visitor = Browser(app)
            var attacker = Browser(app)

            // act
            try await visitor.get("/login")
            try await attacker.get("/login")
            let sessionsAfterVisits = try await AuthSession.query(on: app.db).count()
            var forged = visitor
            forged.csrf = attacker.csrf
            let refused = try await forged.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password])
            let accepted = try await visitor.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password])

            // check
            #expect(sessionsAfterVisits == 0)
            #expect(visitor.csrf != attacker.csrf)
            #expect(refused.status == .forbidden)
            #expect(accepted.status == .seeOther)
            #expect(try await AuthSession.query(on: app.db).count() == 1)
        }
    }

    @Test("Repeated failed sign-ins get 429 with Retry-After, even with the right password, and never forever")
    func throttle() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.get("/login")

            // act: the free allowance, then one more
            for _ in 0...LoginThrottle.perAccount.freeFailures {
                let failed = try await browser.post("/login", form: ["email": "staff@example.org", "password": "wrong password 1"])
                #expect(failed.status == .unauthorized)
            }
            let blocked = try await browser.post("/login", form: ["email": "Staff@Example.org", "password": Fixtures.password])

            // check
            #expect(blocked.status == .tooManyRequests)
            let retry = try #require(blocked.headers.first(name: .retryAfter).flatMap(Int.init))
            #expect(retry > 0 && retry <= Int(LoginThrottle.perAccount.maximumDelay))
            #expect(blocked.body.string.contains("Too many attempts"))
            let actions = try await Fixtures.auditActions(app)
            #expect(actions.filter { $0 == "login_failed" }.count == LoginThrottle.perAccount.freeFailures + 1)
            #expect(actions.last == "login_throttled")

            // once the delay has passed, the right password works again
            let row = try #require(try await LoginFailure.query(on: app.db).filter(\.$id ~~ "account:").first())
            row.lastFailureAt = Date().addingTimeInterval(-LoginThrottle.perAccount.maximumDelay - 1)
            try await row.save(on: app.db)
            #expect(try await browser.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password]).status == .seeOther)
        }
    }

    @Test("Every response carries the security headers; signed-in pages are not cached")
    func headers() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)

            // act
            let health = try await browser.get("/health")
            let missing = try await browser.get("/no-such-page")
            let style = try await browser.get("/app.css")
            let noStyle = try await browser.get("/other.css")
            try await browser.signIn(email: "staff@example.org")
            let account = try await browser.get("/account")

            // check
            for response in [health, missing, style, account] {
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(csp.contains("object-src 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(response.headers.first(name: "Strict-Transport-Security")?.contains("max-age=31536000") == true)
            }
            #expect(health.body.string == "ok")
            #expect(missing.status == .notFound)
            // Only the files in Public are served as files (`PublicFilesMiddleware`).
            #expect(style.status == .ok && style.headers.contentType == .css && style.body.string.contains("{"))
            #expect(noStyle.status == .notFound)
            #expect(account.headers.first(name: .cacheControl) == "no-store")
            #expect(health.headers.first(name: .cacheControl) == nil)
        }
    }

    @Test("An oversized body is refused with 413 and nothing else")
    func bodyLimit() async throws {
        try await withApp { app in
            // Over a real socket: the in-memory tester hands over bodies already collected.
            let tester = try app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...60_000)))
            let huge = "email=" + String(repeating: "a", count: 3 << 20)
            let response = try await tester.performTest(request: TestingHTTPRequest(
                method: .POST, url: "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: huge)))
            #expect(response.status == .payloadTooLarge)
            #expect(response.body.string.contains("What was sent is too large"))
        }
    }

    @Test("Errors show a plain page, never internals")
    func errorPage() async throws {
        try await withApp { app in
            app.get("boom") { _ -> String in throw TestFailure.secretInternalDetail }.policy(.anyone)
            var browser = Browser(app)
            let response = try await browser.get("/boom")
            #expect(response.status == .internalServerError)
            #expect(response.body.string.contains("Sorry, there is a problem with the service"))
            #expect(!response.body.string.contains("secretInternalDetail"))
        }
    }
}

enum TestFailure: Error {
    case secretInternalDetail
}

extension SecurityTests {
    @Test("Attribute values are escaped, and values with nothing to escape come back unchanged")
    func attributeEscaping() async throws {
        #expect(H.escapeAttribute("x\" onmouseover='alert(1)' <b>&") == "x&quot; onmouseover=&#39;alert(1)&#39; &lt;b&gt;&amp;")
        #expect(H.escapeAttribute("/workshops/0a1b-2c3d#postit-9") == "/workshops/0a1b-2c3d#postit-9")
        #expect(H.escapeAttribute("café ✓") == "café ✓")
    }
}
