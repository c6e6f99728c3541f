@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Forms: bad input, first-time setup, escaping")
struct FormTests {
    @Test("A wrong password shows the error summary, keeps the email and says nothing about which part was wrong")
    func wrongPassword() async throws {
        try await withApp { app in
            try await Fixtures.account(app)
            var browser = Browser(app)
            let response = try await browser.signIn(email: "staff@example.org", password: "not my password")
            let html = response.body.string
            #expect(response.status == .unauthorized)
            #expect(html.contains("<title>Error: Sign in - Capable</title>"))
            #expect(html.contains("There is a problem"))
            #expect(html.contains("Enter a correct email address and password"))
            #expect(html.contains("value=\"staff@example.org\""))
            #expect(!html.contains("not my password"))

            // the form shown again carries a working token
            #expect(try await browser.post("/login", form: ["email": "staff@example.org", "password": Fixtures.password]).status == .seeOther)
        }
    }

    @Test("Change of password: every problem is named at its field and nothing is written")
    func passwordProblems() async throws {
        try await withApp { app in
            // setup
            let account = try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            try await browser.get("/account/password")
            let auditBefore = try await Fixtures.auditActions(app)

            // act
            let empty = try await browser.post("/account/password", form: [:])
            let common = try await browser.post("/account/password", form: [
                "current_password": Fixtures.password, "new_password": "password1", "confirm_password": "password1"])
            let long = String(repeating: "é", count: 37)
            let tooLong = try await browser.post("/account/password", form: [
                "current_password": Fixtures.password, "new_password": long, "confirm_password": long])
            let mismatch = try await browser.post("/account/password", form: [
                "current_password": Fixtures.password, "new_password": "a long enough passphrase", "confirm_password": "a different one"])

            // check
            #expect(empty.status == .badRequest)
            #expect(empty.body.string.contains("href=\"#current_password\""))
            #expect(empty.body.string.contains("href=\"#new_password\""))
            #expect(empty.body.string.contains("id=\"new_password-error\""))
            #expect(common.body.string.contains("one of the most common passwords"))
            #expect(tooLong.body.string.contains("72 bytes or fewer"))
            #expect(mismatch.body.string.contains("The passwords do not match"))
            #expect(try await Account.find(account.id, on: app.db)?.passwordHash == account.passwordHash)
            #expect(try await Fixtures.auditActions(app) == auditBefore)
        }
    }

    @Test("First-time setup: the printed link makes one administrator, keeps typed values on error, then stops working")
    func setup() async throws {
        try await withApp { app in
            // setup
            let token = try #require(try await Setup.issueToken(on: app.db))
            var browser = Browser(app)
            #expect(try await browser.get("/setup/not-the-token").status == .notFound)
            #expect(try await browser.get("/setup/\(token)").status == .ok)

            // act
            let bad = try await browser.post("/setup/\(token)", form: ["display_name": "Ada Admin", "email": "not-an-email",
                                                                        "password": "short", "confirm_password": "short"])
            let good = try await browser.post("/setup/\(token)", form: ["display_name": "Ada Admin", "email": "Ada@Example.org",
                "password": "a perfectly fine passphrase", "confirm_password": "a perfectly fine passphrase"])

            // check
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("value=\"Ada Admin\""))
            #expect(bad.body.string.contains("Enter an email address in the correct format"))
            #expect(bad.body.string.contains("at least 8 characters"))
            #expect(good.status == .seeOther)
            #expect(try await browser.get("/admin/audit").status == .ok)
            let admin = try #require(try await Account.query(on: app.db).with(\.$roles).first())
            #expect(admin.email == "ada@example.org")
            #expect(admin.roles.map(\.role) == ["admin"])
            var other = Browser(app)
            #expect(try await other.get("/setup/\(token)").status == .notFound)
            #expect(try await Setup.issueToken(on: app.db) == nil)
        }
    }

    @Test("Stored text and attribute values are escaped, so a script cannot run")
    func escaping() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app, name: "<script>alert(1)</script>\" onmouseover=\"x")
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")

            // act
            let page = try await browser.get("/account")
            let login = try await Browser(app).signInWithEmail("\"><script>alert(2)</script>")

            // check
            let html = page.body.string
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!login.body.string.contains("<script>alert(2)"))
            #expect(login.body.string.contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\""))
        }
    }
}

extension Browser {
    /// Tries to sign in with an odd email, to see it shown back.
    func signInWithEmail(_ email: String) async throws -> TestingHTTPResponse {
        var copy = self
        return try await copy.signIn(email: email, password: "whatever it is")
    }
}
