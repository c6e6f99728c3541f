@testable import App
import CapableCore
import Fluent
import Foundation
import SQLKit
import Vapor
import VaporTesting

/// Runs `test` against a fully configured, migrated app: a SQLite file set up as `capable serve`
/// sets one up, or PostgreSQL when DATABASE_URL is set. Each test gets a file or a schema of its
/// own (removed afterwards), so tests run in parallel without seeing each other's rows.
func withApp(_ test: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    // Quiet unless asked: the suite's output should be its results.
    app.logger.logLevel = ProcessInfo.processInfo.environment["CAPABLE_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
    var schema: String?
    var folder: URL?
    do {
        let database: AppConfig.DatabaseChoice
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            schema = String(name)
            database = .postgres(url: url, searchPath: String(name))
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capable-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            folder = directory
            database = .sqliteFile(path: directory.appendingPathComponent("capable.sqlite").path)
        }
        try await configure(app, config: .testing(database: database))
        if let schema {
            try await app.db.sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        try await test(app)
    } catch {
        await cleanUp(app, schema: schema, folder: folder)
        // PostgreSQL's errors hide their detail unless asked; a failing test should say what happened.
        throw TestDatabaseError(detail: String(reflecting: error))
    }
    await cleanUp(app, schema: schema, folder: folder)
}

struct TestDatabaseError: Error, CustomStringConvertible {
    var detail: String
    var description: String { detail }
}

private func cleanUp(_ app: Application, schema: String?, folder: URL?) async {
    if let schema {
        try? await app.db.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    if let folder {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Test data made directly in the database.
enum Fixtures {
    static let password = "correct horse battery staple"

    @discardableResult
    static func account(_ app: Application, email: String = "staff@example.org", name: String = "Sam Staff",
                        roles: [Role] = [], personID: UUID? = nil, password: String = Fixtures.password) async throws -> Account {
        let account = Account(email: email, displayName: name, passwordHash: try Bcrypt.hash(password, cost: 4))
        account.$person.id = personID
        try await account.create(on: app.db)
        for role in roles {
            try await AccountRole(accountID: try account.requireID(), role: role.rawValue).create(on: app.db)
        }
        return account
    }

    @discardableResult
    static func person(_ app: Application, ref: String, name: String, manager: UUID? = nil, unit: UUID? = nil) async throws -> Person {
        let person = Person(employeeRef: ref, givenName: name, familyName: "Test", workEmail: nil, jobTitle: nil, grade: nil,
                            orgUnitID: unit, lineManagerID: manager, startDate: "2024-01-01")
        try await person.create(on: app.db)
        return person
    }

    @discardableResult
    static func unit(_ app: Application, code: String, parent: UUID? = nil) async throws -> OrgUnit {
        let unit = OrgUnit(code: code, name: "Unit \(code)", parentID: parent)
        try await unit.create(on: app.db)
        return unit
    }

    /// An HR account looking after `units`.
    @discardableResult
    static func hr(_ app: Application, email: String, units: [OrgUnit]) async throws -> Account {
        let account = try await account(app, email: email, roles: [.hr])
        for unit in units { try await HRScope(accountID: try account.requireID(), orgUnitID: try unit.requireID()).create(on: app.db) }
        return account
    }

    static func auditActions(_ app: Application) async throws -> [String] {
        try await AuditEvent.query(on: app.db).sort(\.$id).all().map(\.action)
    }

    /// The actions recorded for one kind of record, oldest first.
    static func auditActions(_ app: Application, entity: String) async throws -> [String] {
        try await AuditEvent.query(on: app.db).filter(\.$entity == entity).sort(\.$id).all().map(\.action)
    }

    /// Each audit event as "action entity", in order.
    static func auditEvents(_ app: Application) async throws -> [String] {
        try await AuditEvent.query(on: app.db).sort(\.$id).all().map { "\($0.action) \($0.entity)" }
    }
}
