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

    @Test("A SQLite file runs in WAL mode with synchronous=FULL, so an acknowledged write survives a crash")
    func durability() async throws {
        // setup: a real file, as `capable serve` uses
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .critical
        do {
            try await configure(app, config: .testing(database: .sqliteFile(path: folder.appendingPathComponent("capable.sqlite").path)))

            // act
            struct Pragma: Decodable { var journal_mode: String?; var synchronous: Int? }
            let journal = try await app.db.sql.raw("PRAGMA journal_mode").first(decoding: Pragma.self)
            let synchronous = try await app.db.sql.raw("PRAGMA synchronous").first(decoding: Pragma.self)

            // check
            #expect(journal?.journal_mode == "wal")
            #expect(synchronous?.synchronous == 2)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
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
            #expect(try await BuiltInFrameworks.load(on: app.db) == 3)
            #expect(try await BuiltInFrameworks.load(on: app.db) == 0)
            let versions = try await FrameworkVersion.query(on: app.db).all()
            #expect(versions.count == 3)
            #expect(versions.allSatisfy { $0.statusValue == .published && $0.version == 1 })
            let trust = try #require(versions.first { $0.title == "We trust each other and take responsibility" })
            // The stored framework reads back exactly as the file has it.
            let file = try #require(try BuiltInFrameworks.documents().first { $0.id == trust.frameworkID })
            #expect(try await FrameworkStore.document(trust, on: app.db) == file)
        }
    }

    @Test("The demo council: 4 directorates, about 200 people in one line-management tree, demo accounts that can sign in")
    func demo() async throws {
        try await withApp { app in
            // act
            let accounts = try await DemoCouncil.load(on: app.db) { try Bcrypt.hash($0, cost: 4) }

            // check
            let council = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "EVC").first())
            #expect(try await OrgUnit.query(on: app.db).filter(\.$parent.$id == council.id).count() == 4)
            let people = try await Person.query(on: app.db).all()
            #expect((180...220).contains(people.count))
            #expect(people.filter { $0.$lineManager.id == nil }.count == 1)
            #expect(Set(people.compactMap(\.workEmail)).count == people.count)
            #expect(people.contains { $0.probationEndDate != nil })
            let worker = try #require(people.first { $0.employeeRef == "D0101" })
            #expect(try await LineManagement.chain(above: try worker.requireID(), on: app.db).count == 4)
            #expect(accounts.count == DemoCouncil.accounts.count)
            let hr = try #require(accounts.first { $0.roles.contains(.hr) })
            var browser = Browser(app)
            #expect(try await browser.signIn(email: hr.email, password: hr.password).status == .seeOther)
            // The workshops: an open-space session with its themes linked to the framework, and the top-team series.
            #expect(try await Workshop.query(on: app.db).count() == 4)
            #expect(try await WorkshopThemeLink.query(on: app.db).count() == 4)
            #expect(try await WorkshopSeries.query(on: app.db).first()?.template == "top-team")
            let board = try await browser.get("/workshops")
            #expect(board.body.string.contains("Learning community: the leadership our places need"))
            await #expect(throws: CommandFailure.self) {
                _ = try await DemoCouncil.load(on: app.db) { try Bcrypt.hash($0, cost: 4) }
            }
        }
    }
}
