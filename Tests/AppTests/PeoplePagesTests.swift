@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("People pages")
struct PeoplePagesTests {
    /// Council > Service > Team; director > manager > (worker, peer); a leaver in the team.
    struct Org {
        var council: OrgUnit, service: OrgUnit, team: OrgUnit, other: OrgUnit
        var director: Person, manager: Person, worker: Person, peer: Person, leaver: Person
    }

    private func organisation(_ app: Application) async throws -> Org {
        let council = try await Fixtures.unit(app, code: "C")
        let service = try await Fixtures.unit(app, code: "S", parent: council.id)
        let team = try await Fixtures.unit(app, code: "T", parent: service.id)
        let other = try await Fixtures.unit(app, code: "O", parent: council.id)
        let director = try await Fixtures.person(app, ref: "P1", name: "Dana", unit: service.id)
        let manager = try await Fixtures.person(app, ref: "P2", name: "Mo", manager: director.id, unit: team.id)
        let worker = try await Fixtures.person(app, ref: "P3", name: "Wren", manager: manager.id, unit: team.id)
        let peer = try await Fixtures.person(app, ref: "P4", name: "Pat", manager: manager.id, unit: team.id)
        let leaver = try await Fixtures.person(app, ref: "P5", name: "Lee", manager: manager.id, unit: team.id)
        leaver.active = false
        try await leaver.save(on: app.db)
        for (email, person) in [("dana@x.org", director), ("mo@x.org", manager), ("wren@x.org", worker), ("pat@x.org", peer)] {
            try await Fixtures.account(app, email: email, personID: person.id)
        }
        return Org(council: council, service: service, team: team, other: other, director: director, manager: manager,
                   worker: worker, peer: peer, leaver: leaver)
    }

    private func signedIn(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.signIn(email: email)
        return browser
    }

    @Test("Search shows only the people the viewer may see")
    func searchIsScoped() async throws {
        try await withApp { app in
            // setup
            let org = try await organisation(app)
            try await Fixtures.hr(app, email: "hr@x.org", units: [org.other])
            try await Fixtures.hr(app, email: "hr-service@x.org", units: [org.service])

            // act
            var worker = try await signedIn(app, "wren@x.org")
            var manager = try await signedIn(app, "mo@x.org")
            var hrElsewhere = try await signedIn(app, "hr@x.org")
            var hrService = try await signedIn(app, "hr-service@x.org")
            let workerSees = try await worker.get("/people?q=test").body.string
            let managerSees = try await manager.get("/people?q=test").body.string
            let managerWithLeavers = try await manager.get("/people?q=test&leavers=1").body.string
            let hrElsewhereSees = try await hrElsewhere.get("/people?q=test").body.string
            let hrServiceSees = try await hrService.get("/people?q=P").body.string

            // check
            #expect(workerSees.contains("Wren Test") && !workerSees.contains("Pat Test") && !workerSees.contains("Mo Test"))
            #expect(managerSees.contains("Mo Test") && managerSees.contains("Wren Test") && managerSees.contains("Pat Test"))
            #expect(!managerSees.contains("Dana Test") && !managerSees.contains("Lee Test"))
            #expect(managerWithLeavers.contains("Lee Test"))
            #expect(hrElsewhereSees.contains("No people match"))
            for name in ["Dana", "Mo", "Wren", "Pat"] { #expect(hrServiceSees.contains("\(name) Test"), "\(name)") }
        }
    }

    @Test("A staff member cannot open a colleague's profile, by page or by guessing ids")
    func profilePolicy() async throws {
        try await withApp { app in
            let org = try await organisation(app)
            var worker = try await signedIn(app, "wren@x.org")
            var director = try await signedIn(app, "dana@x.org")
            #expect(try await worker.get("/people/\(try org.worker.requireID())").status == .ok)
            #expect(try await worker.get("/people/\(try org.peer.requireID())").status == .forbidden)
            #expect(try await worker.get("/people/\(try org.manager.requireID())").status == .forbidden)
            let profile = try await director.get("/people/\(try org.worker.requireID())")
            #expect(profile.status == .ok)
            #expect(profile.body.string.contains("Wren Test"))
            #expect(profile.body.string.contains("href=\"/people/\(try org.manager.requireID().uuidString.lowercased())\""))
            // the worker sees their manager's name on their own record, but not as a link they cannot follow
            let own = try await worker.get("/people/\(try org.worker.requireID())").body.string
            #expect(own.contains("Mo Test"))
            #expect(!own.contains("href=\"/people/\(try org.manager.requireID().uuidString.lowercased())\""))
        }
    }

    @Test("My team: direct reports, or everyone below with the levels, leavers left out")
    func myTeam() async throws {
        try await withApp { app in
            _ = try await organisation(app)
            var director = try await signedIn(app, "dana@x.org")
            let direct = try await director.get("/people/team").body.string
            let all = try await director.get("/people/team?all=1").body.string
            #expect(direct.contains("1 person reports to you directly"))
            #expect(direct.contains("Mo Test") && !direct.contains("Wren Test"))
            #expect(all.contains("3 people in your reporting line"))
            #expect(all.contains("Wren Test") && all.contains("Pat Test") && !all.contains("Lee Test"))
            var worker = try await signedIn(app, "wren@x.org")
            #expect(try await worker.get("/people/team").body.string.contains("0 people report to you directly"))
        }
    }

    @Test("The organisation tree and a unit page; the unit lists only people the viewer may see")
    func orgPages() async throws {
        try await withApp { app in
            let org = try await organisation(app)
            try await Fixtures.unit(app, code: "X", parent: org.team.id)
            var worker = try await signedIn(app, "wren@x.org")
            let tree = try await worker.get("/org").body.string
            // three levels are shown; deeper units are on their parent's page
            #expect(!tree.contains("Unit X") && tree.contains("(3 people, 1 sub-unit)"))
            #expect(tree.contains("Unit C") && tree.contains("Unit T"))
            #expect(tree.contains("Unit T</a> (3 people, 1 sub-unit)"))
            // searching by a unit's name finds the people in it the viewer may see
            var director = try await signedIn(app, "dana@x.org")
            let byUnit = try await director.get("/people?q=unit%20t").body.string
            #expect(byUnit.contains("Wren Test") && byUnit.contains("Mo Test") && !byUnit.contains("Dana Test"))
            let team = try await worker.get("/org/\(try org.team.requireID())").body.string
            #expect(team.contains("Unit S"))
            #expect(team.contains("Wren Test") && !team.contains("Pat Test"))
            #expect(try await worker.get("/org/\(UUID())").status == .notFound)
        }
    }
}
