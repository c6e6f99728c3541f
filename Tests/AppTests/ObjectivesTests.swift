@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Objectives: proposed by a person or their manager, agreed by the other, with a history of
/// progress both can see.
@Suite("Objectives")
struct ObjectivesTests {
    static func signedIn(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.signIn(email: email)
        try await browser.get("/actions")
        return browser
    }

    @Test("A report proposes an objective linked to framework elements; their manager agrees it and adds progress; both see the history")
    func proposeAgreeProgress() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            let reportID = try team.report.requireID()
            var report = try await Self.signedIn(app, "report@x.org")
            var manager = try await Self.signedIn(app, "manager@x.org")

            // act
            let proposed = try await report.post("/people/\(reportID)/objectives", form: [
                "title": "Cut repeat calls", "outcome": "Fewer than 5% of callers ring back within a week",
                "due_on": "31/03/2030", "elements": "CV.1.1, tr.2"])
            let path = try #require(proposed.headers.first(name: .location))
            let ownAgree = try await report.post("\(path)/agree")
            let managerPage = try await manager.get(path)
            let agreed = try await manager.post("\(path)/agree")
            let progress = try await manager.post("\(path)/progress", form: ["status": "atRisk", "note": "Call volumes up after the storm"])
            let reportPage = try await report.get(path)

            // check
            #expect(proposed.status == .seeOther)
            #expect(ownAgree.status == .conflict, "the proposer cannot agree their own proposal")
            #expect(managerPage.body.string.contains("Proposed, waiting to be agreed"))
            #expect(managerPage.body.string.contains("Agree this objective"))
            #expect(agreed.status == .seeOther)
            #expect(progress.status == .seeOther)
            let html = reportPage.body.string
            #expect(html.contains("Agreed \(DisplayFormat.calendarDate(CalendarDate.today.description))"))
            #expect(html.contains("CV.1.1 Securing ambitious outcomes"))
            #expect(html.contains("TR.2 Take responsibility"))
            #expect(html.contains("Call volumes up after the storm"))
            #expect(html.contains("At risk"))
            let objective = try #require(try await Objective.query(on: app.db).with(\.$elements).first())
            #expect(objective.statusValue == .atRisk)
            #expect(objective.elements.count == 2)
            #expect(try await Fixtures.auditEvents(app).filter { $0.hasSuffix(" objective") }.count >= 3)
        }
    }

    @Test("Bad input names each field and writes nothing")
    func badInput() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            var report = try await Self.signedIn(app, "report@x.org")

            // act
            let bad = try await report.post("/people/\(try team.report.requireID())/objectives", form: [
                "title": "", "outcome": "", "due_on": "30/02/2030", "elements": "CV.1.1, NOPE.9"])

            // check
            #expect(bad.status == .badRequest)
            for field in ["title", "outcome", "due_on", "elements"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(bad.body.string.contains("No published framework has an element with the code NOPE.9"))
            #expect(try await Objective.query(on: app.db).count() == 0)
        }
    }

    @Test("Colleagues cannot read; HR read but do not write; a person without a manager's objectives are agreed at once")
    func access() async throws {
        try await withApp { app in
            // setup
            let unit = try await Fixtures.unit(app, code: "U")
            let team = try await ActionsTests.team(app)
            team.report.$orgUnit.id = unit.id
            try await team.report.save(on: app.db)
            try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
            var report = try await Self.signedIn(app, "report@x.org")
            let created = try await report.post("/people/\(try team.report.requireID())/objectives",
                                                form: ["title": "T", "outcome": "O", "due_on": "2030-01-01"])
            let path = try #require(created.headers.first(name: .location))
            var colleague = try await Self.signedIn(app, "colleague@x.org")
            var hr = try await Self.signedIn(app, "hr@x.org")
            var manager = try await Self.signedIn(app, "manager@x.org")

            // act
            let colleagueRead = try await colleague.get(path)
            let hrRead = try await hr.get(path)
            let hrWrite = try await hr.post("\(path)/progress", form: ["status": "done", "note": "x"])
            let own = try await manager.post("/people/\(try team.manager.requireID())/objectives",
                                             form: ["title": "Mine", "outcome": "O", "due_on": "2030-01-01"])

            // check
            #expect(colleagueRead.status == .forbidden)
            #expect(hrRead.status == .ok)
            #expect(hrWrite.status == .forbidden)
            #expect(own.status == .seeOther)
            let mine = try #require(try await Objective.query(on: app.db).filter(\.$title == "Mine").first())
            #expect(mine.agreedOn != nil, "nobody above the manager, so nobody else to agree it")
        }
    }

    @Test("The API proposes an objective for a report, adds progress, lists it for the report, and refuses a colleague")
    func api() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            func token(_ email: String) async throws -> HTTPHeaders {
                let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
                let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
                return ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]
            }
            let manager = try await token("manager@x.org")
            let report = try await token("report@x.org")
            let colleague = try await token("colleague@x.org")
            let reportID = try team.report.requireID()

            // act
            let created = try await app.testing().sendRequest(.POST, "/api/v1/objectives", headers: manager, body: ByteBuffer(string:
                #"{"personId":"\#(reportID)","title":"Lead the audit","outcome":"Clean audit report","dueOn":"2030-09-30","elements":["CV.1.1"]}"#))
            let made = try JSONDecoder().decode(ObjectivesAPI.ObjectiveDTO.self, from: Data(created.body.readableBytesView))
            let progress = try await app.testing().sendRequest(.POST, "/api/v1/objectives/\(made.id)/updates", headers: report,
                                                               body: ByteBuffer(string: #"{"status":"offTrack","note":"Auditors delayed"}"#))
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/objectives/\(made.id)/updates", headers: report,
                                                          body: ByteBuffer(string: #"{"note":""}"#))
            let own = try await app.testing().sendRequest(.GET, "/api/v1/objectives", headers: report)
            let refused = try await app.testing().sendRequest(.GET, "/api/v1/objectives/\(made.id)", headers: colleague)
            let refusedCreate = try await app.testing().sendRequest(.POST, "/api/v1/objectives", headers: colleague, body: ByteBuffer(string:
                #"{"personId":"\#(reportID)","title":"x","outcome":"y","dueOn":"2030-01-01"}"#))

            // check
            #expect(created.status == .created)
            #expect(made.agreedOn == nil)
            #expect(made.elementIds.count == 1)
            #expect(progress.status == .ok)
            #expect(bad.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(bad.body.readableBytesView))
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["status", "note"])
            let list = try JSONDecoder().decode([ObjectivesAPI.ObjectiveDTO].self, from: Data(own.body.readableBytesView))
            #expect(list.map(\.status) == [.offTrack])
            #expect(list.first?.updates.map(\.note) == ["Auditors delayed"])
            #expect(refused.status == .forbidden)
            #expect(refusedCreate.status == .forbidden)
        }
    }
}
