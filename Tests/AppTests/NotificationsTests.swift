@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Reminders into the notification list, peer assessments from named requests, and the PDR
/// stage on My team.
@Suite("Notifications and reminders")
struct NotificationsTests {
    @Test("Reminders cover overdue check-ins, feedback asked, PDR steps and probation reviews, go to the right person, and a second run adds nothing")
    func reminders() async throws {
        try await withApp { app in
            // setup: the report started ten weeks ago with no check-in, is on probation with
            // review 1 overdue, has a self-assessment overdue, and asked the colleague for feedback
            let team = try await ReviewCyclesTests.setUp(app)
            let today = CalendarDate.today
            team.report.startDate = today.adding(days: -70).description
            team.report.probationEndDate = today.adding(days: 100).description
            try await team.report.save(on: app.db)
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            _ = try await hr.post("/reviews/cycles", form: ReviewCyclesTests.form(opens: -20, selfDue: -1, managerDue: 20, closes: 30))
            _ = try await hr.post("/reviews/cycles", form: ReviewCyclesTests.form(title: "Later review", opens: -1, selfDue: 30, managerDue: 40, closes: 50))
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            try await report.get("/feedback/requests/new")
            _ = try await report.post("/feedback/requests", form: ["subject": "R1", "question": "How do I come across on the phone?", "recipients": "C1"])

            // act
            let first = try await Reminders.run(today: today, probationMonths: [1, 3, 5], on: app.db)
            let second = try await Reminders.run(today: today, probationMonths: [1, 3, 5], on: app.db)
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            let managerList = try await manager.get("/notifications")
            let home = try await manager.get("/")
            let read = try await manager.post("/notifications/read")
            let homeAfter = try await manager.get("/")
            let reportList = try await report.get("/notifications")
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let colleagueList = try await colleague.get("/notifications")

            // check
            #expect(second == 0)
            let all = try await AppNotification.query(on: app.db).all()
            #expect(first == all.count)
            let forManager = all.filter { $0.$person.id == team.manager.id }.map(\.message)
            #expect(forManager.contains { $0.hasPrefix("Your check-in with Riley Test is overdue") })
            #expect(forManager.contains { $0.hasPrefix("Probation review 1 for Riley Test was due on") })
            #expect(!forManager.contains { $0.hasPrefix("Self-assessment for Riley") }, "the report's self-assessment is theirs to do")
            #expect(forManager.contains { $0.hasPrefix("Self-assessment for PDR 2027") }, "the manager is in the cycle too")
            let forReport = all.filter { $0.$person.id == team.report.id }.map(\.message)
            #expect(forReport.contains("Self-assessment for PDR 2027 was due on \(DisplayFormat.calendarDate(today.adding(days: -1).description))."))
            let forColleague = all.filter { $0.$person.id == team.colleague.id }.map(\.message)
            #expect(forColleague == ["Riley Test asked for your feedback about themselves."])
            #expect(!all.contains { $0.message.contains("Later review") }, "nothing in a cycle whose first step is a month away")
            #expect(managerList.body.string.contains("Your check-in with Riley Test is overdue"))
            #expect(home.body.string.contains("Notifications: 3 new"))
            #expect(read.status == .seeOther)
            #expect(homeAfter.body.string.contains("Notifications: nothing new"))
            #expect(reportList.body.string.contains("Self-assessment for PDR 2027"))
            #expect(!reportList.body.string.contains("check-in with"), "each list holds only its own person's reminders")
            #expect(colleagueList.body.string.contains("/feedback/requests/"))
            #expect(try await Fixtures.auditActions(app, entity: "notification") == ["remind", "read"])
        }
    }

    @Test("A colleague asked by name may rate the person as a peer, without seeing their check-ins; anonymous requests and strangers may not")
    func peerAssessment() async throws {
        try await withApp { app in
            // setup
            let team = try await ReviewCyclesTests.setUp(app)
            let reportID = try team.report.requireID()
            let checkIn = CheckIn()
            checkIn.$person.id = reportID; checkIn.$manager.id = try team.manager.requireID()
            checkIn.heldOn = CalendarDate.today.description; checkIn.sharedNotes = ""
            try await checkIn.create(on: app.db)
            let element = try #require(try await FrameworkElementRow.query(on: app.db).filter(\.$code == "CV.4.1").first())
            let observation = CheckInObservation()
            observation.$checkIn.id = try checkIn.requireID(); observation.elementID = element.elementID; observation.example = "Private detail from a check-in"
            try await observation.create(on: app.db)
            _ = try await Fixtures.person(app, ref: "S1", name: "Stranger")
            try await Fixtures.account(app, email: "stranger@x.org", personID: try await Person.query(on: app.db).filter(\.$employeeRef == "S1").first()?.requireID())
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            try await report.get("/feedback/requests/new")
            let named = try await report.post("/feedback/requests", form: ["subject": "R1", "question": "Rate me please", "recipients": "C1"])
            let namedPath = try #require(named.headers.first(name: .location))
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            var stranger = try await ObjectivesTests.signedIn(app, "stranger@x.org")
            let codes = try await AssessmentsTests.staffCodes(app)

            // act
            let requestPage = try await colleague.get(namedPath)
            let started = try await colleague.post("\(namedPath)/peer-assessment", form: ["framework": AssessmentsTests.coreValues.uuidString])
            let path = try #require(started.headers.first(name: .location))
            let again = try await colleague.post("\(namedPath)/peer-assessment", form: ["framework": AssessmentsTests.coreValues.uuidString])
            let form = try await colleague.get(path)
            let draftForPerson = try await report.get(path)
            let strangerTry = try await stranger.post("\(namedPath)/peer-assessment", form: ["framework": AssessmentsTests.coreValues.uuidString])
            let strangerRead = try await stranger.get(path)
            let submitted = try await ReviewCyclesTests.submitAll(&colleague, path: path, codes: codes, level: "3")
            let submittedForPerson = try await report.get(path)

            // check
            #expect(requestPage.body.string.contains("Start or continue a peer assessment"))
            #expect(started.status == .seeOther)
            #expect(again.headers.first(name: .location) == path, "the same draft is continued")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("name=\"rating-CV.4.1\""))
            #expect(!form.body.string.contains("Private detail from a check-in"), "a peer is not shown the person's check-ins")
            #expect(draftForPerson.status == .forbidden)
            #expect(strangerTry.status == .forbidden)
            #expect(strangerRead.status == .forbidden)
            #expect(submitted.status == .seeOther)
            #expect(submittedForPerson.status == .ok)
            let assessment = try #require(try await Assessment.query(on: app.db).first())
            #expect(assessment.kindValue == .peer && assessment.isSubmitted)
        }
    }

    @Test("An anonymous request offers no peer assessment, and My team shows each report's PDR stage")
    func anonymousAndTeam() async throws {
        try await withApp { app in
            // setup
            let team = try await ReviewCyclesTests.setUp(app)
            for ref in ["P1", "P2"] { _ = try await Fixtures.person(app, ref: ref, name: "Peer \(ref)") }
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            try await report.get("/feedback/requests/new")
            let anonymous = try await report.post("/feedback/requests", form: ["subject": "R1", "question": "Honestly?", "recipients": "C1\nP1\nP2",
                                                                               "anonymous": "yes"])
            let path = try #require(anonymous.headers.first(name: .location))
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            _ = try await hr.post("/reviews/cycles", form: ReviewCyclesTests.form())
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")

            // act
            let page = try await colleague.get(path)
            let refused = try await colleague.post("\(path)/peer-assessment", form: ["framework": AssessmentsTests.coreValues.uuidString])
            let teamPage = try await manager.get("/people/team")
            let csv = try await manager.get("/people/team.csv")
            let reviewsHome = try await manager.get("/reviews")

            // check
            #expect(!page.body.string.contains("peer assessment"))
            #expect(refused.status == .forbidden)
            #expect(teamPage.body.string.contains("PDR stage"))
            #expect(teamPage.body.string.contains(">Self-assessment</a>"))
            #expect(csv.body.string.contains("pdr_stage"))
            #expect(csv.body.string.contains(",Self-assessment"))
            #expect(reviewsHome.body.string.contains("Riley Test"))
            #expect(reviewsHome.body.string.contains("My review"))
            _ = team
        }
    }
}
