@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The one action list: "My actions", who may change an action, and the API.
@Suite("Actions")
struct ActionsTests {
    /// A manager and their report, each with an account, plus an unrelated colleague.
    struct Team {
        var manager: Person
        var report: Person
        var colleague: Person
    }

    static func team(_ app: Application) async throws -> Team {
        let manager = try await Fixtures.person(app, ref: "M1", name: "Morgan")
        let report = try await Fixtures.person(app, ref: "R1", name: "Riley", manager: manager.id)
        let colleague = try await Fixtures.person(app, ref: "C1", name: "Casey")
        try await Fixtures.account(app, email: "manager@x.org", personID: manager.id)
        try await Fixtures.account(app, email: "report@x.org", personID: report.id)
        try await Fixtures.account(app, email: "colleague@x.org", personID: colleague.id)
        return Team(manager: manager, report: report, colleague: colleague)
    }

    static func action(_ app: Application, owner: Person, _ text: String, due: String?) async throws -> ActionItem {
        let action = ActionItem(ownerID: try owner.requireID(), summary: text, dueOn: due, source: .checkIn, sourceID: UUID(),
                                sourceLabel: "Check-in", createdBy: nil)
        try await action.create(on: app.db)
        return action
    }

    @Test("My actions lists overdue actions first, adds a personal action, refuses a bad date by name, and marks one done")
    func myActions() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.team(app)
            let today = CalendarDate.today
            try await Self.action(app, owner: team.report, "Undated", due: nil)
            try await Self.action(app, owner: team.report, "Next month", due: today.adding(days: 30).description)
            let late = try await Self.action(app, owner: team.report, "Send the notes", due: today.adding(days: -3).description)
            var report = Browser(app)
            try await report.signIn(email: "report@x.org")

            // act
            let page = try await report.get("/actions")
            let bad = try await report.post("/actions", form: ["description": "", "due_on": "31/02/2027"])
            let added = try await report.post("/actions", form: ["description": "Book the course", "due_on": "01/12/2030"])
            let done = try await report.post("/actions/\(try late.requireID())/status", form: ["status": "done"])
            let after = try await report.get("/actions")

            // check
            let html = page.body.string
            #expect(html.contains("3 open, 1 overdue."))
            let order = ["Send the notes", "Next month", "Undated"].compactMap { html.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "overdue first, then by date, undated last")
            #expect(html.contains("Overdue"))
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("href=\"#description\""))
            #expect(bad.body.string.contains("href=\"#due_on\""))
            #expect(added.status == .seeOther)
            #expect(done.status == .seeOther)
            let saved = try #require(try await ActionItem.find(late.id, on: app.db))
            #expect(saved.statusValue == .done)
            #expect(saved.completedOn == today.description)
            #expect(after.body.string.contains("Recently done or dropped"))
            #expect(after.body.string.contains("3 open, 0 overdue."))
            let events = try await Fixtures.auditEvents(app)
            #expect(events.contains("create action"))
            #expect(events.contains("update action"))
        }
    }

    @Test("Only the owner, whoever recorded it, the owner's managers and administrators can change an action")
    func permissions() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.team(app)
            let action = try await Self.action(app, owner: team.report, "Update the risk log", due: nil)
            var colleague = Browser(app)
            try await colleague.signIn(email: "colleague@x.org")
            try await colleague.get("/actions")
            var manager = Browser(app)
            try await manager.signIn(email: "manager@x.org")
            try await manager.get("/actions")

            // act
            let refused = try await colleague.post("/actions/\(try action.requireID())/status", form: ["status": "dropped"])
            let allowed = try await manager.post("/actions/\(try action.requireID())/status", form: ["status": "dropped"])

            // check
            #expect(refused.status == .forbidden)
            #expect(allowed.status == .seeOther)
            #expect(try await ActionItem.find(action.id, on: app.db)?.statusValue == .dropped)
        }
    }

    @Test("The API lists the caller's actions or a report's, refuses others', adds and updates, naming bad fields")
    func api() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.team(app)
            try await Self.action(app, owner: team.report, "Write it up", due: "2020-01-01")
            let managerAccount = try #require(try await Account.query(on: app.db).filter(\.$email == "manager@x.org").first())
            let (_, secret) = try await ApiTokens.create(name: "t", accountID: try managerAccount.requireID(), context: .system, on: app.db)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]

            // act
            let reports = try await app.testing().sendRequest(.GET, "/api/v1/actions?personId=\(try team.report.requireID())", headers: auth)
            let others = try await app.testing().sendRequest(.GET, "/api/v1/actions?personId=\(try team.colleague.requireID())", headers: auth)
            let bad = try await app.testing().sendRequest(.POST, "/api/v1/actions", headers: auth,
                                                          body: ByteBuffer(string: #"{"description":"","dueOn":"soon"}"#))
            let created = try await app.testing().sendRequest(.POST, "/api/v1/actions", headers: auth,
                                                              body: ByteBuffer(string: #"{"description":"Plan the away day","dueOn":"2030-06-30"}"#))
            let made = try JSONDecoder().decode(ActionsAPI.ActionDTO.self, from: Data(created.body.readableBytesView))
            let patched = try await app.testing().sendRequest(.PATCH, "/api/v1/actions/\(made.id)", headers: auth,
                                                              body: ByteBuffer(string: #"{"status":"done"}"#))
            let mine = try await app.testing().sendRequest(.GET, "/api/v1/actions", headers: auth)

            // check
            let list = try JSONDecoder().decode([ActionsAPI.ActionDTO].self, from: Data(reports.body.readableBytesView))
            #expect(list.map(\.description) == ["Write it up"])
            #expect(list.first?.overdue == true)
            #expect(others.status == .forbidden)
            #expect(bad.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(bad.body.readableBytesView))
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["description", "dueOn"])
            #expect(created.status == .created)
            #expect(made.ownerId == team.manager.id)
            #expect(patched.status == .ok)
            let own = try JSONDecoder().decode([ActionsAPI.ActionDTO].self, from: Data(mine.body.readableBytesView))
            #expect(own.map(\.status) == [.done])
        }
    }
}
