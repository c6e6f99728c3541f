@testable import App
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("Database")
struct DatabaseTests {
    @Test("The suite runs on the database it was asked to: PostgreSQL when DATABASE_URL is set, else SQLite")
    func dialect() async throws {
        try await withApp { app in
            let expected = ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? "sqlite" : "postgresql" } ?? "sqlite"
            #expect(app.db.sql.dialect.name == expected)
        }
    }

    @Test("Every migration reverts cleanly and applies again")
    func migrationsRevert() async throws {
        try await withApp { app in
            try await app.autoRevert()
            try await app.autoMigrate()
            #expect(try await Account.query(on: app.db).count() == 0)
        }
    }

    @Test("Built-in frameworks load once, however often the loader runs")
    func builtIn() async throws {
        try await withApp { app in
            #expect(try await BuiltInFrameworks.load(on: app.db) == 1)
            #expect(try await BuiltInFrameworks.load(on: app.db) == 0)
            let framework = try #require(try await Framework.query(on: app.db).first())
            #expect(framework.title == "We trust each other and take responsibility")
        }
    }

    @Test("The demo council: 10 units, 30 people in one line-management tree, demo accounts that can sign in")
    func demo() async throws {
        try await withApp { app in
            // act
            let accounts = try await DemoCouncil.load(on: app.db) { try Bcrypt.hash($0, cost: 4) }

            // check
            #expect(try await OrgUnit.query(on: app.db).count() == 10)
            let people = try await Person.query(on: app.db).all()
            #expect(people.count == 30)
            #expect(people.filter { $0.$lineManager.id == nil }.count == 1)
            let worker = try #require(people.first { $0.employeeRef == "D0030" })
            #expect(try await LineManagement.chain(above: try worker.requireID(), on: app.db).count == 4)
            #expect(accounts.count == DemoCouncil.accounts.count)
            let hr = try #require(accounts.first { $0.roles.contains(.hr) })
            var browser = Browser(app)
            #expect(try await browser.signIn(email: hr.email, password: hr.password).status == .seeOther)
            await #expect(throws: CommandFailure.self) {
                _ = try await DemoCouncil.load(on: app.db) { try Bcrypt.hash($0, cost: 4) }
            }
        }
    }
}
