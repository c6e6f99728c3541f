@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Feedback: named at any time, or asked for; anonymous answers never traceable to their writer.
@Suite("Feedback")
struct FeedbackTests {
    /// The team, plus three more colleagues (P1, P2, P3) with accounts.
    static func people(_ app: Application) async throws -> ActionsTests.Team {
        let team = try await ActionsTests.team(app)
        for index in 1...3 {
            let peer = try await Fixtures.person(app, ref: "P\(index)", name: "Peer\(index)")
            try await Fixtures.account(app, email: "p\(index)@x.org", personID: peer.id)
        }
        return team
    }

    @Test("Named feedback reaches the colleague with the giver's name; feedback to oneself, to a leaver, or tagged with an unknown code is refused")
    func named() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await Self.people(app)
            let leaver = try await Fixtures.person(app, ref: "L1", name: "Gone")
            leaver.active = false
            try await leaver.save(on: app.db)
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            try await colleague.get("/feedback")

            // act
            let given = try await colleague.post("/feedback", form: ["colleague": "R1", "text": "Thanks for covering my calls", "elements": "CV.4.1"])
            let toSelf = try await colleague.post("/feedback", form: ["colleague": "C1", "text": "Well done me"])
            let toLeaver = try await colleague.post("/feedback", form: ["colleague": "L1", "text": "Miss you"])
            let badCode = try await colleague.post("/feedback", form: ["colleague": "R1", "text": "x", "elements": "NOPE.1"])
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            let page = try await report.get("/feedback")

            // check
            #expect(given.status == .seeOther)
            #expect(page.body.string.contains("Thanks for covering my calls"))
            #expect(page.body.string.contains(team.colleague.displayName))
            #expect(toSelf.body.string.contains("you cannot give it to yourself"))
            #expect(toLeaver.body.string.contains("has left, so feedback cannot be given to them"))
            #expect(badCode.body.string.contains("No single published framework element has the code NOPE.1"))
            for response in [toSelf, toLeaver, badCode] { #expect(response.status == .badRequest) }
            #expect(try await FeedbackItem.query(on: app.db).count() == 1)
        }
    }

    @Test("Anonymous answers are shown only once three have answered, without names, dates or order; nothing stored or audited ties them to their writer")
    func anonymous() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.people(app)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            try await report.get("/feedback/requests/new")
            let tooFew = try await report.post("/feedback/requests", form: ["subject": "R1", "question": "How do I run meetings?",
                                                                            "recipients": "P1\nP2", "anonymous": "yes"])
            let created = try await report.post("/feedback/requests", form: ["subject": "R1", "question": "How do I run meetings?",
                                                                             "recipients": "P1\nP2\nP3", "anonymous": "yes"])
            let path = try #require(created.headers.first(name: .location))
            var peers: [Browser] = []
            for index in 1...3 { peers.append(try await ObjectivesTests.signedIn(app, "p\(index)@x.org")) }
            let auditBefore = try await AuditEvent.query(on: app.db).count()

            // act
            try await peers[0].get(path)
            try await peers[0].post("\(path)/answer", form: ["text": "Zealous about agendas"])
            try await peers[1].get(path)
            try await peers[1].post("\(path)/answer", form: ["text": "Always starts on time"])
            let afterTwo = try await report.get(path)
            let twice = try await peers[1].post("\(path)/answer", form: ["text": "Again"])
            try await peers[2].get(path)
            try await peers[2].post("\(path)/answer", form: ["text": "Lets everyone speak"])
            let afterThree = try await report.get(path)
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let outsider = try await colleague.get(path)

            // check
            #expect(tooFew.status == .badRequest)
            #expect(tooFew.body.string.contains("Ask at least 3 colleagues for anonymous feedback"))
            #expect(!afterTwo.body.string.contains("Zealous about agendas"))
            #expect(afterTwo.body.string.contains("shown once at least 3 people have answered"))
            #expect(twice.status == .conflict)
            let html = afterThree.body.string
            let order = ["Always starts on time", "Lets everyone speak", "Zealous about agendas"].compactMap { html.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted(), "sorted by text, not by when they were written")
            for index in 1...3 { #expect(!html.contains("Peer\(index)")) }
            #expect(!html.contains(DisplayFormat.calendarDate(CalendarDate.today.description)), "no dates")
            #expect(outsider.status == .forbidden)
            let items = try await FeedbackItem.query(on: app.db).all()
            #expect(items.count == 3 && items.allSatisfy { $0.authorID == nil && $0.givenOn == nil })
            let events = try await AuditEvent.query(on: app.db).sort(\.$id).all().dropFirst(auditBefore).filter { $0.entity == "feedback" }
            #expect(events.count == 3)
            #expect(events.allSatisfy { $0.actorID == nil && $0.actorLabel == "anonymous" && $0.entityID == nil && $0.address == nil })
            _ = team
        }
    }
}
