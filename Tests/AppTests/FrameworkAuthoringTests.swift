@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// HR writing frameworks: drafts, versions, publishing, comparing, retiring, and the bad input
/// each step refuses without writing anything.
@Suite("Framework authoring")
struct FrameworkAuthoringTests {
    static let trust = FrameworkPagesTests.trust
    static var trustPath: String { "/framework/\(trust.uuidString.lowercased())" }

    /// The built-in frameworks, an HR account signed in, and a member of staff signed in.
    static func people(_ app: Application) async throws -> (hr: Browser, staff: Browser) {
        try await BuiltInFrameworks.load(on: app.db)
        try await Fixtures.hr(app, email: "hr@x.org", units: [])
        try await Fixtures.account(app, email: "staff@x.org")
        var hr = Browser(app)
        try await hr.signIn(email: "hr@x.org")
        var staff = Browser(app)
        try await staff.signIn(email: "staff@x.org")
        return (hr, staff)
    }

    static func element(_ fields: [String: String]) -> [String: String] {
        ["kind": "behaviour", "audience": "allStaff", "parent": ""].merging(fields) { _, new in new }
    }

    static func draftDocument(_ id: UUID, _ app: Application) async throws -> FrameworkDocument {
        let draft = try #require(try await Frameworks.draft(of: id, on: app.db))
        return try await FrameworkStore.document(draft, on: app.db)
    }

    @Test("HR creates a framework, adds elements with examples, reorders them and publishes; staff then read it")
    func createAndPublish() async throws {
        try await withApp { app in
            // setup
            var (hr, staff) = try await Self.people(app)
            try await hr.get("/framework/new")

            // act: create, then add a value, a capability under it, and a second capability
            let created = try await hr.post("/framework", form: ["title": "Our values", "owner": "Example Council", "kind": "coreValues"])
            let draftPath = try #require(created.headers.first(name: .location))
            let id = try #require(UUID(uuidString: draftPath.split(separator: "/")[1].description))
            try await hr.get(draftPath)
            try await hr.post("/framework/\(id)/draft/elements", form: Self.element(["code": "OV.1", "kind": "value", "title": "Being open"]))
            let value = try #require(try await Self.draftDocument(id, app).element(code: "OV.1"))
            try await hr.post("/framework/\(id)/draft/elements", form: Self.element([
                "code": "OV.1.1", "title": "Sharing what we know", "parent": value.id.uuidString,
                "looks_like": "Telling people early\nWriting things down", "does_not_look_like": "Keeping it to ourselves",
                "capabilities": "Ensuring accountability, transparency and openness"]))
            try await hr.post("/framework/\(id)/draft/elements", form: Self.element([
                "code": "OV.1.2", "title": "Asking for help", "parent": value.id.uuidString]))
            let second = try #require(try await Self.draftDocument(id, app).element(code: "OV.1.2"))
            let moved = try await hr.post("/framework/\(id)/draft/elements/\(second.id)/move", form: ["direction": "up"])
            let hiddenFromStaff = try await staff.get("/framework/\(id)")
            let published = try await hr.post("/framework/\(id)/draft/publish")
            let page = try await staff.get("/framework/\(id)")

            // check
            #expect(created.status == .seeOther)
            #expect(moved.status == .seeOther)
            #expect(hiddenFromStaff.status == .notFound, "staff never see a framework that has only a draft")
            #expect(published.status == .seeOther)
            let version = try #require(try await Frameworks.current(id, includeDraft: false, on: app.db))
            #expect(version.statusValue == .published)
            #expect(version.implementedOn == CalendarDate.today.description)
            let document = try await FrameworkStore.document(version, on: app.db)
            #expect(document.elements.first?.children.map(\.code) == ["OV.1.2", "OV.1.1"])
            let sharing = try #require(document.element(code: "OV.1.1"))
            #expect(sharing.indicators == [.init(kind: .looksLike, text: "Telling people early"), .init(kind: .looksLike, text: "Writing things down"),
                                           .init(kind: .doesNotLookLike, text: "Keeping it to ourselves")])
            #expect(sharing.links == [.organisational("Ensuring accountability, transparency and openness")])
            #expect(page.status == .ok)
            #expect(page.body.string.contains("OV.1.1 Sharing what we know"))
            let actions = try await Fixtures.auditEvents(app)
            #expect(actions.filter { $0 == "create framework_element" }.count == 3)
            #expect(actions.contains("update framework"))
        }
    }

    @Test("A new version keeps element ids; publishing supersedes the old one, which stays readable; the comparison shows what changed")
    func newVersionAndCompare() async throws {
        try await withApp { app in
            // setup
            var (hr, staff) = try await Self.people(app)
            try await hr.get(Self.trustPath)
            let original = try await FrameworkStore.document(try #require(try await Frameworks.current(Self.trust, includeDraft: false, on: app.db)), on: app.db)
            let risk = try #require(original.element(code: "TR.3"))
            let comply = try #require(original.element(code: "TR.4"))

            // act: draft version 2, rename TR.3, add TR.5, delete TR.4, publish
            let started = try await hr.post("\(Self.trustPath)/drafts")
            try await hr.get("\(Self.trustPath)/draft/elements/\(risk.id)")
            var fields = Self.element(["code": "TR.3", "kind": "capability", "title": "Manage risk well",
                                       "parent": try #require(original.parent(of: risk.id)).id.uuidString,
                                       "why_it_matters": risk.whyItMatters ?? "", "what_it_means_for_me": risk.whatItMeansForMe ?? ""])
            fields["statement"] = risk.statement
            let edited = try await hr.post("\(Self.trustPath)/draft/elements/\(risk.id)", form: fields)
            try await hr.post("\(Self.trustPath)/draft/elements", form: Self.element([
                "code": "TR.5", "kind": "capability", "title": "Learn in the open", "parent": original.elements[0].id.uuidString]))
            try await hr.post("\(Self.trustPath)/draft/elements/\(comply.id)/delete")
            try await hr.post("\(Self.trustPath)/draft/publish")
            let compare = try await staff.get("\(Self.trustPath)/compare?from=1&to=2")
            let old = try await staff.get("\(Self.trustPath)/versions/1")
            let oldElement = try await staff.get("/framework/elements/\(comply.id.uuidString.lowercased())")

            // check
            #expect(started.status == .seeOther)
            #expect(edited.status == .seeOther)
            let versions = try await Frameworks.versions(of: Self.trust, on: app.db)
            #expect(versions.map(\.version) == [1, 2])
            #expect(versions.map(\.statusValue) == [.superseded, .published])
            #expect(versions[1].amendedOn == CalendarDate.today.description)
            let current = try await FrameworkStore.document(versions[1], on: app.db)
            #expect(current.element(risk.id)?.title == "Manage risk well", "the stable id survives the new version")
            #expect(current.element(comply.id) == nil)
            let html = compare.body.string
            #expect(html.contains("1 added, 1 removed, 1 changed."))
            #expect(html.contains("TR.5 Learn in the open"))
            #expect(html.contains("TR.4 Make sure we comply with legislation and procedures"))
            #expect(html.contains("Manage risk well"))
            #expect(old.status == .ok)
            #expect(old.body.string.contains("Superseded"))
            #expect(oldElement.status == .ok, "an element removed later stays readable in the version that had it")
            #expect(oldElement.body.string.contains("From version 1"))
        }
    }

    @Test("Bad input is refused, naming the element or field, and nothing is written")
    func badInput() async throws {
        try await withApp { app in
            // setup
            var (hr, _) = try await Self.people(app)
            try await hr.get(Self.trustPath)
            let editPublished = try await hr.post("\(Self.trustPath)/draft/elements", form: Self.element(["code": "X", "title": "X"]))
            try await hr.post("\(Self.trustPath)/drafts")
            let before = try await Self.draftDocument(Self.trust, app)
            let principle = before.elements[0]
            let capability = principle.children[0]
            let auditBefore = try await Fixtures.auditActions(app)
            let path = "\(Self.trustPath)/draft/elements"

            // act
            let topLevelBehaviour = try await hr.post(path, form: Self.element(["code": "B1", "title": "Loose behaviour"]))
            let wrongParent = try await hr.post(path, form: Self.element(["code": "P2", "kind": "principle", "title": "Nested", "parent": capability.id.uuidString]))
            let duplicate = try await hr.post(path, form: Self.element(["code": "tr.1", "kind": "capability", "title": "Again", "parent": principle.id.uuidString]))
            let cycle = try await hr.post("\(path)/\(principle.id)", form: Self.element([
                "code": "TR", "kind": "principle", "title": principle.title, "parent": capability.id.uuidString]))
            let unknownLink = try await hr.post(path, form: Self.element(["code": "TR.9", "kind": "capability", "title": "Linked",
                                                                          "parent": principle.id.uuidString, "related": "NOPE.1"]))
            let badScale = try await hr.post("\(Self.trustPath)/draft/details", form: ["title": "T", "owner": "O", "kind": "custom", "scale": "Only one"])
            let badDate = try await hr.post("\(Self.trustPath)/draft/details", form: ["title": "T", "owner": "O", "kind": "custom", "implemented_on": "31/02/2020"])

            // check
            #expect(editPublished.status == .conflict)
            #expect(editPublished.body.string.contains("Start a new version"))
            #expect(topLevelBehaviour.status == .badRequest)
            #expect(topLevelBehaviour.body.string.contains("A behaviour cannot sit at the top level"))
            #expect(wrongParent.body.string.contains("A principle cannot sit under the capability TR.1"))
            #expect(duplicate.body.string.contains("The code tr.1 is already used by"))
            #expect(cycle.status == .badRequest)
            #expect(cycle.body.string.contains("TR cannot sit under TR.1: an element cannot sit inside itself"))
            #expect(unknownLink.body.string.contains("There is no other element with the code NOPE.1 in this framework"))
            #expect(badScale.body.string.contains("The rating scale needs from 2 to 10 levels."))
            #expect(badDate.body.string.contains("href=\"#implemented_on\""))
            for response in [topLevelBehaviour, wrongParent, duplicate, cycle, unknownLink, badScale, badDate] {
                #expect(response.status == .badRequest)
            }
            #expect(try await Self.draftDocument(Self.trust, app) == before, "nothing was written")
            #expect(try await Fixtures.auditActions(app) == auditBefore)
        }
    }

    @Test("Staff cannot author: every authoring route refuses them, and drafts are hidden")
    func staffRefused() async throws {
        try await withApp { app in
            // setup
            var (hr, staff) = try await Self.people(app)
            try await hr.get(Self.trustPath)
            try await hr.post("\(Self.trustPath)/drafts")
            let element = try #require(try await Self.draftDocument(Self.trust, app).elements.first)

            // act
            try await staff.get(Self.trustPath)
            var statuses: [HTTPStatus] = []
            for path in ["/framework/new", "\(Self.trustPath)/draft", "\(Self.trustPath)/draft/details", "\(Self.trustPath)/draft/elements/new"] {
                statuses.append(try await staff.get(path).status)
            }
            for path in ["/framework", "\(Self.trustPath)/drafts", "\(Self.trustPath)/retire", "\(Self.trustPath)/draft/publish",
                         "\(Self.trustPath)/draft/discard", "\(Self.trustPath)/draft/elements", "\(Self.trustPath)/draft/elements/\(element.id)/delete"] {
                statuses.append(try await staff.post(path, form: ["title": "x"]).status)
            }
            let draftVersion = try await staff.get("\(Self.trustPath)/versions/2")

            // check
            #expect(statuses.allSatisfy { $0 == .forbidden }, "\(statuses)")
            #expect(draftVersion.status == .notFound)
            #expect(try await Frameworks.draft(of: Self.trust, on: app.db) != nil)
        }
    }

    @Test("Retiring keeps the framework readable and stops new versions; discarding a draft leaves the published version")
    func retireAndDiscard() async throws {
        try await withApp { app in
            // setup
            var (hr, staff) = try await Self.people(app)
            try await hr.get(Self.trustPath)

            // act
            try await hr.post("\(Self.trustPath)/drafts")
            let discarded = try await hr.post("\(Self.trustPath)/draft/discard")
            let retired = try await hr.post("\(Self.trustPath)/retire")
            let page = try await staff.get(Self.trustPath)
            let library = try await staff.get("/framework")
            let newDraft = try await hr.post("\(Self.trustPath)/drafts")

            // check
            #expect(discarded.status == .seeOther)
            #expect(retired.status == .seeOther)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Retired"))
            #expect(library.body.string.contains("Retired frameworks"))
            #expect(newDraft.status == .conflict)
            let versions = try await Frameworks.versions(of: Self.trust, on: app.db)
            #expect(versions.map(\.statusValue) == [.retired])
            #expect(try await Fixtures.auditEvents(app).contains("delete framework"))
        }
    }
}
