@testable import App
import CapableCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("Audit log")
struct AuditTests {
    /// Adds a few events the way the app does.
    private func someEvents(_ app: Application) async throws {
        try await Fixtures.account(app)
        var browser = Browser(app)
        try await browser.signIn(email: "staff@example.org", password: "wrong password!")
        try await browser.signIn(email: "staff@example.org")
        try await browser.get("/account")
        try await browser.post("/account/tokens", form: ["name": "HR feed"])
    }

    @Test("Events chain by hash, and verify finds the chain intact")
    func intact() async throws {
        try await withApp { app in
            // setup
            try await someEvents(app)

            // act
            let verdict = try await Audit.verify(on: app.db)

            // check
            #expect(try await Fixtures.auditActions(app) == ["login_failed", "login", "create"])
            #expect(verdict == .intact(count: 3))
            let create = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "create").first())
            #expect(create.entity == "api_token")
            #expect(create.changes?.contains("HR feed") == true)
            #expect(create.actorLabel == "staff@example.org")
            #expect(create.requestID != nil)
        }
    }

    @Test("The database refuses to change or delete an audit event")
    func appendOnly() async throws {
        try await withApp { app in
            try await someEvents(app)
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("UPDATE audit_events SET action = 'nothing' WHERE seq = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("DELETE FROM audit_events WHERE seq = 2").run()
            }
            #expect(try await Audit.verify(on: app.db) == .intact(count: 3))
        }
    }

    @Test("Editing an event behind the app's back breaks the chain at that event")
    func tamperingIsDetected() async throws {
        try await withApp { app in
            // setup
            try await someEvents(app)
            let sql = app.db.sql
            try await MakeAuditAppendOnly().revert(on: app.db)

            // act
            try await sql.raw("UPDATE audit_events SET actor_label = 'someone-else@example.org' WHERE seq = 2").run()

            // check
            #expect(try await Audit.verify(on: app.db) == .broken(sequence: 2, reason: "its contents were changed after it was written"))
        }
    }

    @Test("Deleting an event breaks the chain")
    func deletionIsDetected() async throws {
        try await withApp { app in
            try await someEvents(app)
            try await MakeAuditAppendOnly().revert(on: app.db)
            try await app.db.sql.raw("DELETE FROM audit_events WHERE seq = 2").run()
            #expect(try await Audit.verify(on: app.db) == .broken(sequence: 3, reason: "event 2 is missing"))
        }
    }

    @Test("The admin page lists and filters events and reports the chain's state")
    func adminPage() async throws {
        try await withApp { app in
            // setup
            try await someEvents(app)
            try await Fixtures.account(app, email: "admin@example.org", roles: [.admin])
            var admin = Browser(app)
            try await admin.signIn(email: "admin@example.org")

            // act
            let failed = try await admin.get("/admin/audit?action=login_failed")
            let verified = try await admin.get("/admin/audit?verify=1")
            let badDate = try await admin.get("/admin/audit?from=2026-02-30")

            // check
            #expect(failed.status == .ok)
            #expect(failed.body.string.contains("login_failed"))
            #expect(!failed.body.string.contains("api_token"))
            #expect(verified.body.string.contains("The audit log is intact"))
            #expect(badDate.status == .badRequest)
            #expect(badDate.body.string.contains("There is a problem"))
            #expect(badDate.body.string.contains("href=\"#from\""))
        }
    }
}
