@testable import App
import CapableCore
import Fluent
import Foundation
import Vapor
import VaporTesting

/// Recruitment test data: the built-in Core Values, a job role needing some of its elements,
/// signed-in HR and staff, API tokens.
enum RecruitmentFixtures {
    /// Loads the built-in frameworks and returns the Core Values document.
    static func coreValues(_ app: Application) async throws -> FrameworkDocument {
        try await BuiltInFrameworks.load(on: app.db)
        guard let document = try BuiltInFrameworks.documents().first(where: { $0.kind == .coreValues }) else {
            throw TestDatabaseError(detail: "no Core Values framework")
        }
        return document
    }

    static func id(_ document: FrameworkDocument, _ code: String) throws -> UUID {
        guard let element = document.element(code: code) else { throw TestDatabaseError(detail: "no element \(code)") }
        return element.id
    }

    /// A job role whose requirements are the given Core Values codes (essential or desirable).
    static func role(_ app: Application, _ document: FrameworkDocument, title: String = "Team Manager",
                     requirements: [(String, Bool)]) async throws -> JobRole {
        let role = JobRole(title: title, gradeLow: "G10", gradeHigh: "G11", purpose: "Leads a team")
        try await role.create(on: app.db)
        for (code, essential) in requirements {
            try await JobRoleRequirement(jobRoleID: try role.requireID(), elementID: try id(document, code), level: 3, essential: essential)
                .create(on: app.db)
        }
        return role
    }

    /// A browser signed in as a new account with these roles.
    static func browser(_ app: Application, _ email: String, roles: [Role] = []) async throws -> Browser {
        try await Fixtures.account(app, email: email, name: email.components(separatedBy: "@")[0].capitalized, roles: roles)
        var browser = Browser(app)
        try await browser.signIn(email: email)
        try await browser.get("/")
        return browser
    }

    /// An API token's headers for a new account with these roles.
    static func api(_ app: Application, _ email: String, roles: [Role] = []) async throws -> HTTPHeaders {
        let account = try await Fixtures.account(app, email: email, roles: roles)
        let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
        return ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]
    }

    /// Generates and publishes a role's specification as the system would.
    @discardableResult
    static func publishedSpecification(_ app: Application, role: JobRole) async throws -> PersonSpecification {
        let spec = try await PersonSpecifications.generate(role: role, on: app.db, context: .system)
        try await PersonSpecifications.publish(spec, on: app.db, context: .system)
        return spec
    }

    static func criteria(_ app: Application, role: JobRole) async throws -> [SpecificationCriterion] {
        guard let spec = try await PersonSpecifications.find(roleID: try role.requireID(), on: app.db) else { return [] }
        return try await PersonSpecifications.criteria(of: spec, on: app.db)
    }
}
