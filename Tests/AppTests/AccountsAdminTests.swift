@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Administrators manage accounts")
struct AccountsAdminTests {
    private func admin(_ app: Application) async throws -> Browser {
        try await Fixtures.account(app, email: "admin@example.org", name: "Ada Admin", roles: [.admin])
        var browser = Browser(app)
        try await browser.signIn(email: "admin@example.org")
        try await browser.get("/admin/accounts")
        return browser
    }

    @Test("Creating an account with roles shows a temporary password once; it signs in")
    func create() async throws {
        try await withApp { app in
            // setup
            var browser = try await admin(app)

            // act
            let bad = try await browser.post("/admin/accounts", form: ["display_name": "", "email": "nope"])
            let page = try await browser.post("/admin/accounts", form: ["display_name": "Harriet HR", "email": "harriet@example.org",
                                                                        "roles[]": "hr"])
            let duplicate = try await browser.post("/admin/accounts", form: ["display_name": "Again", "email": "HARRIET@example.org"])

            // check
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("href=\"#display_name\""))
            #expect(bad.body.string.contains("href=\"#email\""))
            #expect(page.status == .created)
            let html = page.body.string
            let start = try #require(html.range(of: "aria-label=\"Temporary password\" tabindex=\"0\">"))
            let password = String(html[start.upperBound...].prefix { $0 != "<" })
            #expect(password.count == 20)
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.body.string.contains("already exists"))
            var harriet = Browser(app)
            #expect(try await harriet.signIn(email: "harriet@example.org", password: password).status == .seeOther)
            #expect(try await harriet.get("/api/v1/me").body.string.contains("\"hr\""))
            let changes = try await AuditEvent.query(on: app.db).filter(\.$entity == "account").filter(\.$action == "update").all()
            #expect(changes.contains { $0.changes?.contains("\"new\":\"hr\"") == true })
        }
    }

    @Test("Roles change and deactivation take effect on the person's next request")
    func update() async throws {
        try await withApp { app in
            // setup
            let staff = try await Fixtures.account(app, email: "staff@example.org")
            var person = Browser(app)
            try await person.signIn(email: "staff@example.org")
            var browser = try await admin(app)
            let path = "/admin/accounts/\(try staff.requireID())"
            try await browser.get(path)
            // The person has been seen, so who they are is cached (`ReadCaches.principals`).
            #expect(try await person.get("/api/v1/me").body.string.contains("\"roles\":[]"))

            // act: grant risk
            let saved = try await browser.post(path, form: ["roles[]": "risk", "active[]": "yes"])

            // check
            #expect(saved.status == .seeOther)
            #expect(try await person.get("/api/v1/me").body.string.contains("\"risk\""))

            // act: deactivate
            try await browser.get(path)
            try await browser.post(path, form: [:])

            // check
            #expect(try await person.get("/account").status == .seeOther)
            #expect(try await AuthSession.query(on: app.db).filter(\.$account.$id == (try staff.requireID())).count() == 0)
        }
    }

    @Test("An administrator cannot remove their own admin role or deactivate themselves")
    func noSelfLockout() async throws {
        try await withApp { app in
            var browser = try await admin(app)
            let me = try #require(try await Account.query(on: app.db).filter(\.$email == "admin@example.org").first())
            let path = "/admin/accounts/\(try me.requireID())"
            try await browser.get(path)
            let response = try await browser.post(path, form: ["roles[]": "hr"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("You cannot remove your own administrator role"))
            #expect(response.body.string.contains("You cannot deactivate your own account"))
            #expect(try await AccountRole.query(on: app.db).filter(\.$account.$id == (try me.requireID())).all().map(\.role) == ["admin"])
        }
    }

    @Test("Resetting a password signs the person out and gives a new temporary password")
    func reset() async throws {
        try await withApp { app in
            let staff = try await Fixtures.account(app, email: "staff@example.org")
            var person = Browser(app)
            try await person.signIn(email: "staff@example.org")
            var browser = try await admin(app)
            try await browser.get("/admin/accounts/\(try staff.requireID())")
            let page = try await browser.post("/admin/accounts/\(try staff.requireID())/reset-password")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Temporary password"))
            #expect(try await person.get("/account").status == .seeOther)
            var again = Browser(app)
            #expect(try await again.signIn(email: "staff@example.org").status == .unauthorized)
        }
    }
}

@Suite("Linking accounts to staff records and HR units")
struct AccountLinkTests {
    @Test("An account links to a person by employee reference and to HR units by code; unknown ones are named")
    func links() async throws {
        try await withApp { app in
            // setup
            let council = try await Fixtures.unit(app, code: "C")
            let service = try await Fixtures.unit(app, code: "S", parent: council.id)
            let person = try await Fixtures.person(app, ref: "E77", name: "Harriet", unit: service.id)
            try await Fixtures.account(app, email: "admin@example.org", roles: [.admin])
            var admin = Browser(app)
            try await admin.signIn(email: "admin@example.org")
            try await admin.get("/admin/accounts/new")

            // act
            let bad = try await admin.post("/admin/accounts", form: ["display_name": "Harriet", "email": "harriet@example.org",
                                                                     "employee_ref": "E404", "hr_units": "S, NOPE", "roles[]": "hr"])
            let afterBad = try await Account.query(on: app.db).filter(\.$email == "harriet@example.org").count()
            let good = try await admin.post("/admin/accounts", form: ["display_name": "Harriet", "email": "harriet@example.org",
                                                                      "employee_ref": "E77", "hr_units": "S", "roles[]": "hr"])

            // check
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("No staff record has employee reference E404"))
            #expect(bad.body.string.contains("No organisation unit has the code NOPE"))
            #expect(afterBad == 0)
            #expect(good.status == .created)
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "harriet@example.org").first())
            #expect(account.$person.id == person.id)
            let principal = try #require(try await AuthenticationMiddleware.principal(accountID: try account.requireID(), via: .session, on: app.db))
            #expect(principal.hrUnits == [try service.requireID()])
            #expect(principal.personID == person.id)
        }
    }
}
