@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Check-ins: what is recorded, who sees which part, and the bad input refused.
@Suite("Check-ins")
struct CheckInsTests {
    static func form(_ extra: [String: String] = [:]) -> [String: String] {
        ["held_on": DisplayFormat.ukDate(CalendarDate.today.description), "shared_notes": "Talked about the storm response"]
            .merging(extra) { _, new in new }
    }

    @Test("A manager records a check-in with observations, actions, a private note and wellbeing; each part is seen only by whom it should be")
    func recordAndPrivacy() async throws {
        try await withApp { app in
            // setup: HR for the report's unit and an administrator, who see the record but not the private parts
            try await BuiltInFrameworks.load(on: app.db)
            let unit = try await Fixtures.unit(app, code: "U")
            let team = try await ActionsTests.team(app)
            team.report.$orgUnit.id = unit.id
            try await team.report.save(on: app.db)
            try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            let reportID = try team.report.requireID()
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            try await manager.get("/people/\(reportID)/check-ins/new")

            // act
            let saved = try await manager.post("/people/\(reportID)/check-ins", form: Self.form([
                "private_note": "Seems tired; keep an eye", "obs1_code": "CV.4.1", "obs1_example": "Listened to an angry caller and calmed them",
                "act1_description": "Send the rota", "act1_owner": "manager", "act1_due": "01/01/2031",
                "act2_description": "Book first-aid training", "act2_owner": "person",
                "wellbeing_score": "2", "wellbeing_note": "Worried about lone visits"]))
            let path = try #require(saved.headers.first(name: .location))
            let asManager = try await manager.get(path)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            let asReport = try await report.get(path)
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            let asHR = try await hr.get(path)
            var admin = try await ObjectivesTests.signedIn(app, "admin@x.org")
            let asAdmin = try await admin.get(path)
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let asColleague = try await colleague.get(path)

            // check
            #expect(saved.status == .seeOther)
            #expect(asManager.body.string.contains("Seems tired; keep an eye"), "the writer sees their private note")
            #expect(asManager.body.string.contains("2 out of 5: Worried about lone visits"))
            #expect(asManager.body.string.contains("CV.4.1 Showing respect"))
            #expect(asReport.body.string.contains("Talked about the storm response"), "both see the shared notes")
            #expect(asReport.body.string.contains("Worried about lone visits"), "both see the wellbeing answer")
            #expect(!asReport.body.string.contains("Seems tired"), "the other person never sees a private note")
            for page in [asHR, asAdmin] {
                #expect(page.status == .ok)
                #expect(!page.body.string.contains("Seems tired"))
                #expect(!page.body.string.contains("Talked about the storm response"))
                #expect(!page.body.string.contains("Worried about lone visits"))
                #expect(page.body.string.contains("Listened to an angry caller"), "observations are evidence for the review")
            }
            #expect(asColleague.status == .forbidden)
            let actions = try await ActionItem.query(on: app.db).filter(\.$sourceType == "checkIn").all()
            #expect(Set(actions.map { $0.$owner.id }) == [try team.manager.requireID(), reportID])
            let audit = try await AuditEvent.query(on: app.db).all().compactMap(\.changes).joined()
            #expect(!audit.contains("Seems tired") && !audit.contains("storm response") && !audit.contains("lone visits"),
                    "the audit log records that notes changed, not what they say")
        }
    }

    @Test("Bad input is refused by field and nothing is written: a future date, an unknown behaviour, a wellbeing answer off the scale, a check-in with oneself")
    func badInput() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            let tomorrow = DisplayFormat.ukDate(CalendarDate.today.adding(days: 1).description)

            // act
            let bad = try await report.post("/people/\(try team.report.requireID())/check-ins", form: Self.form([
                "held_on": tomorrow, "obs1_code": "NOPE.1", "obs1_example": "x", "wellbeing_score": "9", "act1_due": "31/02/2030"]))
            let withSelf = try await manager.post("/people/\(try team.manager.requireID())/check-ins", form: Self.form())

            // check
            #expect(bad.status == .badRequest)
            for field in ["held_on", "obs1_code", "wellbeing_score", "act1_description", "act1_due"] {
                #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)")
            }
            #expect(bad.body.string.contains("The check-in date cannot be in the future"))
            #expect(withSelf.status == .badRequest)
            #expect(withSelf.body.string.contains("a check-in needs two people"))
            #expect(try await CheckIn.query(on: app.db).count() == 0)
            #expect(try await ActionItem.query(on: app.db).count() == 0)
        }
    }

    @Test("My team shows each report's last check-in, flags an overdue one in words, and counts objectives at risk")
    func teamPage() async throws {
        try await withApp { app in
            // setup: the report's last check-in was 40 days ago, past the 4-week cadence
            let team = try await ActionsTests.team(app)
            let checkIn = CheckIn()
            checkIn.$person.id = try team.report.requireID()
            checkIn.$manager.id = try team.manager.requireID()
            checkIn.heldOn = CalendarDate.today.adding(days: -40).description
            checkIn.sharedNotes = ""
            try await checkIn.create(on: app.db)
            let objective = Objective()
            objective.$person.id = try team.report.requireID()
            objective.title = "T"; objective.outcome = "O"; objective.dueOn = "2030-01-01"; objective.status = Objective.Status.offTrack.rawValue
            try await objective.create(on: app.db)
            try await Fixtures.person(app, ref: "Z1", name: "Zed", manager: team.manager.id)
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")

            // act
            let page = try await manager.get("/people/team")
            let csv = try await manager.get("/people/team.csv")
            let byCheckIn = try await manager.get("/people/team?sort=check-in")
            let byRisk = try await manager.get("/people/team?sort=risk")
            let ignored = try await manager.get("/people/team?sort=;DROP")

            // check
            let html = page.body.string
            #expect(html.contains(DisplayFormat.calendarDate(checkIn.heldOn)))
            #expect(html.contains("Overdue"))
            #expect(html.contains("Objectives at risk"))
            #expect(html.contains(">1</a>"), "one objective off track, linked to the list")
            #expect(csv.status == .ok)
            #expect(csv.body.string.hasPrefix("name,job_title,unit,line_manager,levels_below_you,probation_end_date,last_check_in,next_check_in,check_in_overdue,objectives_at_risk"))
            #expect(csv.body.string.contains("\(checkIn.heldOn),"))
            #expect(csv.body.string.contains(",yes,1"))
            #expect(try await Fixtures.auditEvents(app).contains("export team"))
            #expect(byCheckIn.body.string.contains("<strong aria-current=\"true\">Longest since a check-in</strong>"))
            #expect(byRisk.body.string.contains("<strong aria-current=\"true\">Most objectives at risk</strong>"))
            let first = { (html: String) in ["Riley", "Zed"].min { (html.range(of: $0)?.lowerBound ?? html.endIndex) < (html.range(of: $1)?.lowerBound ?? html.endIndex) } }
            #expect(first(byCheckIn.body.string) == "Zed", "never met comes first")
            #expect(first(byRisk.body.string) == "Riley", "most objectives at risk first")
            #expect(ignored.status == .ok, "an unknown order falls back to the default")
            #expect(ignored.body.string.contains("<strong aria-current=\"true\">Name</strong>"))
        }
    }

    @Test("The API keeps the same privacy: shared notes for the two, a private note for its writer only, nothing private for HR")
    func apiPrivacy() async throws {
        try await withApp { app in
            // setup
            let unit = try await Fixtures.unit(app, code: "U")
            let team = try await ActionsTests.team(app)
            team.report.$orgUnit.id = unit.id
            try await team.report.save(on: app.db)
            try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            try await manager.get("/people/\(try team.report.requireID())/check-ins/new")
            try await manager.post("/people/\(try team.report.requireID())/check-ins",
                                   form: Self.form(["private_note": "Only mine", "wellbeing_score": "3"]))
            func get(_ email: String, _ query: String) async throws -> [ReviewsAPI.CheckInDTO] {
                let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
                let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
                let response = try await app.testing().sendRequest(.GET, "/api/v1/check-ins\(query)", headers: ["Authorization": "Bearer \(secret)"])
                return try JSONDecoder().decode([ReviewsAPI.CheckInDTO].self, from: Data(response.body.readableBytesView))
            }
            let query = "?personId=\(try team.report.requireID())"

            // act
            let asManager = try await get("manager@x.org", query)
            let asReport = try await get("report@x.org", "")
            let asHR = try await get("hr@x.org", query)

            // check
            #expect(asManager.first?.privateNote == "Only mine")
            #expect(asManager.first?.wellbeingScore == 3)
            #expect(asReport.first?.sharedNotes == "Talked about the storm response")
            #expect(asReport.first?.privateNote == nil)
            #expect(asHR.count == 1)
            #expect(asHR.first?.sharedNotes == nil && asHR.first?.wellbeingScore == nil && asHR.first?.privateNote == nil)
        }
    }
}
