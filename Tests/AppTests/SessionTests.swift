@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Sessions and sign-in")
struct SessionTests {
    @Test("The session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, path /")
    func cookieAttributes() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.get("/login")

            // act
            let response = try await browser.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password])

            // check
            #expect(response.status == .seeOther)
            let header = try #require(response.headers[.setCookie].first { $0.hasPrefix("__Host-capable=") })
            let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            #expect(attributes.contains("secure"))
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=lax"))
            #expect(attributes.contains("path=/"))
            #expect(!attributes.contains { $0.hasPrefix("domain=") })
        }
    }

    @Test("Signing in replaces the session id, and the old id no longer works")
    func rotation() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.get("/login")
            let anonymous = try #require(browser.sessionCookie)

            // act
            try await browser.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password])

            // check
            let signedIn = try #require(browser.sessionCookie)
            #expect(signedIn != anonymous)
            #expect(try await browser.get("/account").status == .ok)
            var replay = Browser(app)
            replay.cookies[Browser.cookieName] = anonymous
            let old = try await replay.get("/account")
            #expect(old.status == .seeOther)
            #expect(old.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test("After sign-out a replayed cookie is refused")
    func logout() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            let cookie = try #require(browser.sessionCookie)
            try await browser.get("/account")

            // act
            let response = try await browser.post("/logout")

            // check
            #expect(response.status == .seeOther)
            #expect(browser.sessionCookie == nil)
            var replay = Browser(app)
            replay.cookies[Browser.cookieName] = cookie
            #expect(try await replay.get("/account").status == .seeOther)
            #expect(try await replay.get("/api/v1/me").status == .unauthorized)
            #expect(try await Fixtures.auditActions(app).suffix(2) == ["login", "logout"])
        }
    }

    @Test("A session ends after 30 idle minutes and 10 hours after sign-in")
    func timeouts() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var idle = Browser(app)
            try await idle.signIn(email: "staff@example.org")
            var old = Browser(app)
            try await old.signIn(email: "staff@example.org")
            let sessions = try await AuthSession.query(on: app.db).filter(\.$account.$id != nil).all()
            #expect(sessions.count == 2)

            // act: one idle for 31 minutes, the other active but signed in 10 hours ago
            let now = Date()
            let idleSession = try #require(sessions.first { Secret.hash(idle.sessionCookie ?? "") == $0.tokenHash })
            idleSession.lastSeenAt = now.addingTimeInterval(-31 * 60)
            try await idleSession.save(on: app.db)
            let oldSession = try #require(sessions.first { Secret.hash(old.sessionCookie ?? "") == $0.tokenHash })
            oldSession.createdAt = now.addingTimeInterval(-10 * 3600 - 1)
            oldSession.lastSeenAt = now
            try await oldSession.save(on: app.db)

            // check
            #expect(try await idle.get("/account").status == .seeOther)
            #expect(try await old.get("/account").status == .seeOther)
            #expect(try await AuthSession.query(on: app.db).filter(\.$account.$id != nil).count() == 0)
        }
    }

    @Test("Changing the password signs out other sessions and rotates this one")
    func passwordChangeEndsOtherSessions() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app)
            var phone = Browser(app)
            try await phone.signIn(email: "staff@example.org")
            var laptop = Browser(app)
            try await laptop.signIn(email: "staff@example.org")
            try await laptop.get("/account/password")
            let before = laptop.sessionCookie

            // act
            let response = try await laptop.post("/account/password", form: [
                "current_password": Fixtures.password, "new_password": "a new and rather long passphrase",
                "confirm_password": "a new and rather long passphrase",
            ])

            // check
            #expect(response.status == .seeOther)
            #expect(laptop.sessionCookie != before)
            let next = try #require(response.headers.first(name: .location))
            #expect(try await laptop.get(next).body.string.contains("Your password has been changed"))
            #expect(try await phone.get("/account").status == .seeOther)
            var fresh = Browser(app)
            #expect(try await fresh.signIn(email: "staff@example.org", password: "a new and rather long passphrase").status == .seeOther)
        }
    }

    @Test("A deactivated account is signed out on its next request")
    func deactivated() async throws {
        try await withApp { app in
            // setup
            let account = try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")

            // act
            account.active = false
            try await account.save(on: app.db)

            // check
            #expect(try await browser.get("/account").status == .seeOther)
            var again = Browser(app)
            #expect(try await again.signIn(email: "staff@example.org").status == .unauthorized)
        }
    }
}
