@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("People API")
struct PeopleAPITests {
    private func token(_ app: Application, email: String) async throws -> HTTPHeaders {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        let (_, secret) = try await ApiTokens.create(name: "test", accountID: try account.requireID(), context: .system, on: app.db)
        return ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]
    }

    private func json(_ response: TestingHTTPResponse) throws -> Data { Data(response.body.readableBytesView) }

    @Test("Listing is scoped; another person's record is 403; reports list")
    func readScoped() async throws {
        try await withApp { app in
            // setup
            let team = try await Fixtures.unit(app, code: "T")
            let manager = try await Fixtures.person(app, ref: "M1", name: "Mo", unit: team.id)
            let worker = try await Fixtures.person(app, ref: "W1", name: "Wren", manager: manager.id, unit: team.id)
            let peer = try await Fixtures.person(app, ref: "W2", name: "Pat", manager: manager.id, unit: team.id)
            try await Fixtures.account(app, email: "mo@x.org", personID: manager.id)
            try await Fixtures.account(app, email: "wren@x.org", personID: worker.id)
            let mo = try await token(app, email: "mo@x.org")
            let wren = try await token(app, email: "wren@x.org")

            // act
            let moList = try JSONDecoder().decode(PeopleAPI.Page<PeopleAPI.PersonSummary>.self,
                                                  from: json(try await app.testing().sendRequest(.GET, "/api/v1/people", headers: mo)))
            let wrenList = try JSONDecoder().decode(PeopleAPI.Page<PeopleAPI.PersonSummary>.self,
                                                    from: json(try await app.testing().sendRequest(.GET, "/api/v1/people", headers: wren)))
            let forbidden = try await app.testing().sendRequest(.GET, "/api/v1/people/\(try peer.requireID())", headers: wren)
            let reports = try await app.testing().sendRequest(.GET, "/api/v1/people/\(try manager.requireID())/reports", headers: mo)
            let units = try await app.testing().sendRequest(.GET, "/api/v1/org-units", headers: wren)

            // check
            #expect(Set(moList.items.map(\.employeeRef)) == ["M1", "W1", "W2"])
            #expect(wrenList.items.map(\.employeeRef) == ["W1"])
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.headers.contentType?.subType == "problem+json")
            #expect(Set(try JSONDecoder().decode([PeopleAPI.PersonSummary].self, from: json(reports)).map(\.employeeRef)) == ["W1", "W2"])
            #expect(units.body.string.contains("\"code\":\"T\""))
        }
    }

    @Test("HR creates people in their units only; bad input names every field; nothing half-written")
    func create() async throws {
        try await withApp { app in
            // setup
            let council = try await Fixtures.unit(app, code: "C")
            let mine = try await Fixtures.unit(app, code: "MINE", parent: council.id)
            let theirs = try await Fixtures.unit(app, code: "THEIRS", parent: council.id)
            try await Fixtures.hr(app, email: "hr@x.org", units: [mine])
            let hr = try await token(app, email: "hr@x.org")
            func post(_ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/v1/people", headers: hr, body: ByteBuffer(string: body))
            }

            // act
            let good = try await post(#"{"employeeRef":"E1","givenName":"Ann","familyName":"Lee","orgUnitId":"\#(try mine.requireID())","startDate":"2026-01-05","fte":0.8}"#)
            let elsewhere = try await post(#"{"employeeRef":"E2","givenName":"Bo","familyName":"Lee","orgUnitId":"\#(try theirs.requireID())"}"#)
            let bad = try await post(#"{"employeeRef":"E1","givenName":"","familyName":"Lee","orgUnitId":"\#(try mine.requireID())","startDate":"2026-02-30","fte":3,"lineManagerId":"\#(UUID())"}"#)

            // check
            #expect(good.status == .created)
            #expect(elsewhere.status == .forbidden)
            #expect(bad.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: json(bad))
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["givenName", "startDate", "fte", "lineManagerId", "employeeRef"])
            #expect(try await Person.query(on: app.db).count() == 1)
            let created = try #require(try await Person.query(on: app.db).first())
            #expect(created.startDate == "2026-01-05")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "person").count() == 1)
        }
    }

    @Test("Updating: a loop in line management is refused; a manager cannot edit; a leaver's sessions end")
    func update() async throws {
        try await withApp { app in
            // setup
            let team = try await Fixtures.unit(app, code: "T")
            let boss = try await Fixtures.person(app, ref: "B1", name: "Boss", unit: team.id)
            let worker = try await Fixtures.person(app, ref: "W1", name: "Wren", manager: boss.id, unit: team.id)
            try await Fixtures.account(app, email: "boss@x.org", personID: boss.id)
            try await Fixtures.account(app, email: "wren@x.org", personID: worker.id)
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            let admin = try await token(app, email: "admin@x.org")
            let bossToken = try await token(app, email: "boss@x.org")
            var wrenBrowser = Browser(app)
            try await wrenBrowser.signIn(email: "wren@x.org")
            let bossPath = "/api/v1/people/\(try boss.requireID())"
            let workerPath = "/api/v1/people/\(try worker.requireID())"
            let unit = try team.requireID()

            // act
            let loop = try await app.testing().sendRequest(.PUT, bossPath, headers: admin, body: ByteBuffer(string:
                #"{"employeeRef":"B1","givenName":"Boss","familyName":"Test","orgUnitId":"\#(unit)","lineManagerId":"\#(try worker.requireID())"}"#))
            let byManager = try await app.testing().sendRequest(.PUT, workerPath, headers: bossToken, body: ByteBuffer(string:
                #"{"employeeRef":"W1","givenName":"Wren","familyName":"Test","orgUnitId":"\#(unit)","grade":"G9"}"#))
            let leaver = try await app.testing().sendRequest(.PUT, workerPath, headers: admin, body: ByteBuffer(string:
                #"{"employeeRef":"W1","givenName":"Wren","familyName":"Test","orgUnitId":"\#(unit)","lineManagerId":"\#(try boss.requireID())","leavingDate":"2026-11-01","active":false}"#))

            // check
            #expect(loop.status == .badRequest)
            #expect(loop.body.string.contains("loop in line management"))
            #expect(byManager.status == .forbidden)
            #expect(leaver.status == .ok)
            #expect(try await wrenBrowser.get("/account").status == .seeOther)
            let account = try #require(try await Account.query(on: app.db).filter(\.$email == "wren@x.org").first())
            #expect(!account.active)
            #expect(try await Person.find(worker.id, on: app.db)?.active == false)
        }
    }
}
