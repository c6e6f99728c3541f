@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Route policies")
struct PolicyTests {
    @Test("Every route declares a policy")
    func everyRouteHasAPolicy() async throws {
        try await withApp { app in
            let routes = app.routes.all
            #expect(routes.count > 15)
            let missing = routes.filter { $0.policy == nil }.map(\.description)
            #expect(missing.isEmpty, "routes without a policy: \(missing)")
        }
    }

    @Test("A route without a policy is refused, even for an administrator")
    func undeclaredRouteIsRefused() async throws {
        try await withApp { app in
            // setup
            app.get("forgotten") { _ in "should never be seen" }
            try await Fixtures.account(app, email: "admin@example.org", roles: [.admin])
            var browser = Browser(app)
            try await browser.signIn(email: "admin@example.org")

            // act
            let response = try await browser.get("/forgotten")

            // check
            #expect(response.status == .forbidden)
            #expect(!response.body.string.contains("should never be seen"))
        }
    }

    /// What each kind of visitor gets on each signed-in route: the role x route matrix.
    @Test("Anonymous visitors, staff and administrators get what their policy allows, on every GET route")
    func matrix() async throws {
        try await withApp { app in
            // setup
            try await Fixtures.account(app, email: "staff@example.org")
            try await Fixtures.account(app, email: "admin@example.org", roles: [.admin])
            var anonymous = Browser(app)
            var staff = Browser(app)
            try await staff.signIn(email: "staff@example.org")
            var admin = Browser(app)
            try await admin.signIn(email: "admin@example.org")

            // act and check
            for route in app.routes.all where route.method == .GET && !route.path.contains(where: { if case .parameter = $0 { true } else { false } }) {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                let policy = try #require(route.policy)
                let isAPI = path.hasPrefix("/api/")
                let expectedAnonymous: HTTPStatus = policy == .anyone ? .ok : (isAPI ? .unauthorized : .seeOther)
                #expect(try await anonymous.get(path).status == expectedAnonymous, "anonymous \(path)")
                let expectedStaff: HTTPStatus = if case .anyRole = policy { .forbidden } else { .ok }
                if path != "/login" {
                    #expect(try await staff.get(path).status == expectedStaff, "staff \(path)")
                    #expect(try await admin.get(path).status == .ok, "admin \(path)")
                }
            }
            #expect(try await Fixtures.auditActions(app).filter { $0 == "denied" }.count >= 2)
        }
    }

    @Test("Person records: the person, their managers up the chain, HR for their units and admin may; a peer may not")
    func personPolicy() async throws {
        try await withApp { app in
            // setup: director > manager > worker, and a peer of the worker; the worker's team sits in a service
            let council = try await Fixtures.unit(app, code: "C")
            let service = try await Fixtures.unit(app, code: "S", parent: council.id)
            let team = try await Fixtures.unit(app, code: "T", parent: service.id)
            let elsewhere = try await Fixtures.unit(app, code: "E", parent: council.id)
            let director = try await Fixtures.person(app, ref: "1", name: "Director")
            let manager = try await Fixtures.person(app, ref: "2", name: "Manager", manager: director.id)
            let worker = try await Fixtures.person(app, ref: "3", name: "Worker", manager: manager.id, unit: team.id)
            let peer = try await Fixtures.person(app, ref: "4", name: "Peer", manager: manager.id)
            for (email, person) in [("director@x.org", director), ("manager@x.org", manager), ("worker@x.org", worker), ("peer@x.org", peer)] {
                try await Fixtures.account(app, email: email, personID: person.id)
            }
            try await Fixtures.hr(app, email: "hr@x.org", units: [service])
            try await Fixtures.hr(app, email: "hr-elsewhere@x.org", units: [elsewhere])
            app.get("test-person", ":personID") { _ in "record" }.policy(.person(parameter: "personID"))
            let path = "/test-person/\(try worker.requireID())"

            // act and check
            for (email, allowed) in [("worker@x.org", true), ("manager@x.org", true), ("director@x.org", true),
                                     ("hr@x.org", true), ("hr-elsewhere@x.org", false), ("peer@x.org", false)] {
                var browser = Browser(app)
                try await browser.signIn(email: email)
                #expect(try await browser.get(path).status == (allowed ? .ok : .forbidden), "\(email)")
            }

            // a change of manager takes effect on the very next request
            worker.$lineManager.id = peer.id
            try await worker.save(on: app.db)
            var formerManager = Browser(app)
            try await formerManager.signIn(email: "manager@x.org")
            #expect(try await formerManager.get(path).status == .ok, "still above, via the peer")
            var peerNow = Browser(app)
            try await peerNow.signIn(email: "peer@x.org")
            #expect(try await peerNow.get(path).status == .ok)

            // no such person: 404, not a hint about who exists
            #expect(try await peerNow.get("/test-person/\(UUID())").status == .notFound)
        }
    }
}
