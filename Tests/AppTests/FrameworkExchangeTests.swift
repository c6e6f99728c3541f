@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// CASE and CSV files through the pages and the API: round trips, and bad files refused whole.
@Suite("Framework exchange")
struct FrameworkExchangeTests {
    static let coreValues = FrameworkPagesTests.coreValues
    static var valuesPath: String { "/framework/\(coreValues.uuidString.lowercased())" }

    static func hr(_ app: Application) async throws -> Browser {
        try await BuiltInFrameworks.load(on: app.db)
        try await Fixtures.hr(app, email: "hr@x.org", units: [])
        var hr = Browser(app)
        try await hr.signIn(email: "hr@x.org")
        try await hr.get("/framework/import")
        return hr
    }

    static func published(_ id: UUID, _ app: Application) async throws -> FrameworkDocument {
        try await FrameworkStore.document(try #require(try await Frameworks.current(id, includeDraft: false, on: app.db)), on: app.db)
    }

    @Test("A CASE export imported into another Capable gives the same framework; into this one, a new draft version identical to the old")
    func caseRoundTrip() async throws {
        // setup: export from one installation
        var exported = ""
        var original: FrameworkDocument?
        try await withApp { app in
            var hr = try await Self.hr(app)
            let file = try await hr.get("\(Self.valuesPath)/case.json")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentDisposition)?.contains("core-values-and-leadership-and-management-framework-v1.json") == true)
            exported = file.body.string
            original = try await Self.published(Self.coreValues, app)

            // act: import into the same installation
            let again = try await hr.upload("/framework/import", file: exported, filename: "values.json")

            // check: a new draft version with the same elements and ids
            #expect(again.status == .seeOther)
            let draft = try #require(try await Frameworks.draft(of: Self.coreValues, on: app.db))
            #expect(draft.version == 2)
            let document = try await FrameworkStore.document(draft, on: app.db)
            #expect(document.elements == original?.elements)
            #expect(FrameworkComparison(from: try #require(original), to: document).added.isEmpty)
        }
        // act: import into a fresh installation that does not have it
        try await withApp { app in
            try await Fixtures.hr(app, email: "hr@x.org", units: [])
            var hr = Browser(app)
            try await hr.signIn(email: "hr@x.org")
            try await hr.get("/framework/import")
            let imported = try await hr.upload("/framework/import", file: exported, filename: "values.json")

            // check
            #expect(imported.status == .seeOther)
            #expect(try await Self.published(Self.coreValues, app) == original)
        }
    }

    @Test("A CSV export imported as a new version gives the same elements; the API serves the CASE package")
    func csvRoundTripAndAPI() async throws {
        try await withApp { app in
            // setup
            var hr = try await Self.hr(app)
            let original = try await Self.published(Self.coreValues, app)
            let csv = try await hr.get("\(Self.valuesPath)/elements.csv").body.string

            // act
            let imported = try await hr.upload("/framework/import", file: csv, filename: "values.csv",
                                               fields: ["target": Self.coreValues.uuidString.lowercased()])
            let api = try await hr.get("/api/v1/frameworks/\(Self.coreValues)/case")

            // check
            #expect(imported.status == .seeOther)
            let draft = try #require(try await Frameworks.draft(of: Self.coreValues, on: app.db))
            #expect(try await FrameworkStore.document(draft, on: app.db).elements == original.elements)
            #expect(api.status == .ok)
            let package = try JSONDecoder().decode(CFPackage.self, from: Data(api.body.readableBytesView))
            #expect(try CASE.framework(from: package) == original)
        }
    }

    @Test("Bad files are refused with every problem named by item or line, and nothing is written")
    func badFiles() async throws {
        try await withApp { app in
            // setup
            var hr = try await Self.hr(app)
            let exported = try await hr.get("\(Self.valuesPath)/case.json").body.string
            let behaviour = try #require(try await Self.published(Self.coreValues, app).element(code: "CV.1.1"))
            // A package whose first association points at an item that is not there, and one item without an identifier.
            var json = try #require(try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? [String: Any])
            var associations = try #require(json["CFAssociations"] as? [[String: Any]])
            var origin = try #require(associations[0]["originNodeURI"] as? [String: Any])
            origin["identifier"] = "00000000-0000-4000-8000-000000000001"
            associations[0]["originNodeURI"] = origin
            json["CFAssociations"] = associations
            var items = try #require(json["CFItems"] as? [[String: Any]])
            let index = try #require(items.firstIndex { ($0["identifier"] as? String) == behaviour.id.uuidString.lowercased() })
            items[index]["identifier"] = ""
            json["CFItems"] = items
            let broken = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            let csv = "code,parent_code,kind,title,statement\nA,C,value,A,A\nB,A,capability,B,B\nC,B,capability,C,C\nB,,value,Dup,Dup\n"
            let versionsBefore = try await FrameworkVersion.query(on: app.db).count()
            let auditBefore = try await Fixtures.auditActions(app)

            // act
            let badCASE = try await hr.upload("/framework/import", file: broken, filename: "broken.json")
            let badCSV = try await hr.upload("/framework/import", file: csv, filename: "new.csv", fields: ["target": "new", "title": "New", "owner": "Us"])
            let noTitle = try await hr.upload("/framework/import", file: csv, filename: "new.csv", fields: ["target": "new"])
            let notJSON = try await hr.upload("/framework/import", file: "{ not json", filename: "x.json")

            // check
            #expect(badCASE.status == .badRequest)
            #expect(badCASE.body.string.contains("00000000-0000-4000-8000-000000000001"), "the dangling association is named")
            #expect(badCASE.body.string.contains("CV.1.1"), "the item without an identifier is named by its code")
            #expect(badCSV.status == .badRequest)
            #expect(badCSV.body.string.contains("line 5"), "the duplicate code is named by its line")
            #expect(badCSV.body.string.contains("the parent codes go round in a loop: A → C → B → A"), "the cycle is named")
            #expect(noTitle.body.string.contains("Enter the new framework’s title"))
            #expect(notJSON.status == .badRequest)
            #expect(try await FrameworkVersion.query(on: app.db).count() == versionsBefore)
            #expect(try await Fixtures.auditActions(app) == auditBefore)
        }
    }

    @Test("Staff cannot import, but can download")
    func staffRefused() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            try await Fixtures.account(app, email: "staff@x.org")
            var staff = Browser(app)
            try await staff.signIn(email: "staff@x.org")
            let download = try await staff.get("\(Self.valuesPath)/case.json")

            // act
            let page = try await staff.get("/framework/import")
            let upload = try await staff.upload("/framework/import", file: download.body.string, filename: "v.json")

            // check
            #expect(download.status == .ok)
            #expect(page.status == .forbidden)
            #expect(upload.status == .forbidden)
        }
    }
}
