@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Framework API")
struct FrameworkAPITests {
    static func token(_ app: Application, email: String, roles: [Role] = []) async throws -> HTTPHeaders {
        let account = try await Fixtures.account(app, email: email, roles: roles)
        let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
        return ["Authorization": "Bearer \(secret)"]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestingHTTPResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(response.body.readableBytesView))
    }

    @Test("Lists frameworks, returns one with all its elements exactly as the built-in file has it, its versions, and an element with its ancestors")
    func reads() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let staff = try await Self.token(app, email: "staff@x.org")
            let trust = FrameworkPagesTests.trust
            let file = try #require(try BuiltInFrameworks.documents().first { $0.id == trust })
            let risk = try #require(file.element(code: "TR.3"))

            // act
            let list = try await app.testing().sendRequest(.GET, "/api/v1/frameworks", headers: staff)
            let one = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/\(trust)", headers: staff)
            let versions = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/\(trust)/versions", headers: staff)
            let element = try await app.testing().sendRequest(.GET, "/api/v1/elements/\(risk.id)", headers: staff)
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/elements/\(UUID())", headers: staff)
            let noVersion = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/\(trust)?version=9", headers: staff)

            // check
            let summaries = try Self.decode([Frameworks.Summary].self, list)
            #expect(summaries.count == 3)
            #expect(summaries.first { $0.id == trust }?.elementCount == 5)
            #expect(try Self.decode(FrameworkDocument.self, one) == file)
            #expect(try Self.decode([FrameworkAPI.VersionSummary].self, versions).map(\.version) == [1])
            let detail = try Self.decode(FrameworkAPI.ElementDetail.self, element)
            #expect(detail.title == "Manage risk")
            #expect(detail.ancestors.map(\.code) == ["TR"])
            #expect(detail.framework.id == trust)
            #expect(detail.versions == [1])
            #expect(missing.status == .notFound)
            #expect(missing.headers.contentType?.description.contains("problem+json") == true)
            #expect(noVersion.status == .notFound)
        }
    }

    @Test("A framework with only a draft is invisible to staff and visible to HR")
    func drafts() async throws {
        try await withApp { app in
            // setup
            let staff = try await Self.token(app, email: "staff@x.org")
            let hr = try await Self.token(app, email: "hr@x.org", roles: [.hr])
            let draft = FrameworkDocument(id: UUID(), title: "Secret draft", description: "", owner: "Us", kind: .custom, status: .draft,
                                          version: 1, source: "", elements: [])
            _ = try await FrameworkStore.create(draft, status: .draft, on: app.db)

            // act
            let staffList = try await app.testing().sendRequest(.GET, "/api/v1/frameworks", headers: staff)
            let staffOne = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/\(draft.id)", headers: staff)
            let hrOne = try await app.testing().sendRequest(.GET, "/api/v1/frameworks/\(draft.id)", headers: hr)

            // check
            #expect(try Self.decode([Frameworks.Summary].self, staffList).isEmpty)
            #expect(staffOne.status == .notFound)
            #expect(try Self.decode(FrameworkDocument.self, hrOne).title == "Secret draft")
        }
    }
}
