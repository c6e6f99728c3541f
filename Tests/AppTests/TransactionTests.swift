@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("One transaction per request")
struct TransactionTests {
    @Test("A request that fails after writing leaves the database as it was, audit rows included")
    func rollback() async throws {
        try await withApp { app in
            // setup: a handler that writes twice, audits, then fails
            app.post("test-write") { req -> String in
                try await req.create(Person(employeeRef: "X1", givenName: "Half", familyName: "Written", workEmail: nil,
                                            jobTitle: nil, grade: nil, orgUnitID: nil, lineManagerID: nil, startDate: nil))
                _ = try await FrameworkStore.create(FrameworkDocument(id: UUID(), title: "Half", description: "", owner: "", kind: .custom,
                                                                      status: .draft, version: 1, source: "", elements: []),
                                                    status: .draft, on: req.database)
                throw AppError.badRequest("the second half failed")
            }.policy(.signedIn)
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            try await browser.get("/account")
            let auditBefore = try await Fixtures.auditActions(app)

            // act
            let response = try await browser.post("/test-write")

            // check
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("the second half failed"))
            #expect(try await Person.query(on: app.db).count() == 0)
            #expect(try await FrameworkVersion.query(on: app.db).count() == 0)
            #expect(try await Fixtures.auditActions(app) == auditBefore)
        }
    }

    @Test("A request that succeeds commits its writes and their audit rows together")
    func commit() async throws {
        try await withApp { app in
            app.post("test-write") { req -> String in
                try await req.create(Person(employeeRef: "X2", givenName: "Whole", familyName: "Written", workEmail: nil,
                                            jobTitle: nil, grade: nil, orgUnitID: nil, lineManagerID: nil, startDate: nil))
                return "done"
            }.policy(.signedIn)
            try await Fixtures.account(app)
            var browser = Browser(app)
            try await browser.signIn(email: "staff@example.org")
            try await browser.get("/account")
            #expect(try await browser.post("/test-write").status == .ok)
            #expect(try await Person.query(on: app.db).count() == 1)
            let event = try #require(try await AuditEvent.query(on: app.db).filter(\.$entity == "person").first())
            #expect(event.action == "create")
            #expect(event.changes?.contains("\"new\":\"Whole\"") == true)
        }
    }

    @Test("Concurrent writes each get their own audit event and the chain stays intact")
    func concurrentAudit() async throws {
        try await withApp { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try await app.db.writeTransaction { tx in
                            try await Audit.append("test", entity: "concurrency", id: String(index), context: .system, on: tx)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Audit.verify(on: app.db) == .intact(count: 20))
        }
    }
}
