@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Importing people from the HR system")
struct PeopleImportTests {
    static let header = "employee_ref,assignment_no,given_name,family_name,preferred_name,work_email,job_title,org_unit_code,org_unit_name,parent_org_unit_code,line_manager_ref,grade,fte,contract_type,start_date,probation_end_date,leaving_date,location"

    static let good = [
        header,
        "E1,1,Alex,Morgan,,alex@x.org,Chief Executive,C,Council,,,CE,1,permanent,01/04/2010,,,Civic Centre",
        "E2,1,Priya,Shah,,priya@x.org,Director,D,Directorate,C,E1,D1,1,permanent,2015-06-01,,,Civic Centre",
        "E3,1,Wren,Hall,Wren,wren@x.org,Officer,T,Team,D,E2,G6,0.8,permanent,2026-06-01,2026-12-01,,Depot",
    ].joined(separator: "\r\n")

    private func hrBrowser(_ app: Application) async throws -> Browser {
        try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
        var browser = Browser(app)
        try await browser.signIn(email: "admin@x.org")
        try await browser.get("/people/import")
        return browser
    }

    private func importPath(_ response: TestingHTTPResponse) throws -> String {
        try #require(response.headers.first(name: .location))
    }

    @Test("Upload, dry run, apply: units and people with their managers, all audited, chain intact")
    func webImport() async throws {
        try await withApp { app in
            // setup
            var browser = try await hrBrowser(app)

            // act
            let uploaded = try await browser.upload("/people/import", file: "\u{FEFF}" + Self.good)
            let path = try importPath(uploaded)
            let dryRun = try await browser.get(path)
            let peopleBefore = try await Person.query(on: app.db).count()
            let applied = try await browser.post(path + "/apply")
            let result = try await browser.get(path)

            // check
            #expect(uploaded.status == .seeOther)
            #expect(dryRun.body.string.contains("People to add"))
            #expect(dryRun.body.string.contains("Apply the import"))
            #expect(peopleBefore == 0)
            #expect(applied.status == .seeOther)
            #expect(result.body.string.contains("The import has been applied"))
            let wren = try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "E3").with(\.$lineManager).with(\.$orgUnit).first())
            #expect(wren.lineManager?.employeeRef == "E2")
            #expect(wren.orgUnit?.code == "T")
            #expect(wren.fte == 0.8)
            #expect(try await Person.query(on: app.db).filter(\.$employeeRef == "E1").first()?.startDate == "2010-04-01")
            let team = try #require(try await OrgUnit.query(on: app.db).filter(\.$code == "T").with(\.$parent).first())
            #expect(team.parent?.code == "D")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == "person").count() == 3)
            #expect(try await Audit.verify(on: app.db) == .intact(count: try await AuditEvent.query(on: app.db).count()))
            // applying twice is refused
            #expect(try await browser.post(path + "/apply").status == .conflict)
        }
    }

    @Test("Every kind of bad row is named by line and column, and nothing is written", arguments: [
        ("E9,1,,Lee,,,,T,Team,,,,,,,,,", "given_name"),
        ("E9,1,Ann,Lee,,,,T,Team,,,,,,31/02/2024,,,", "not a real date"),
        ("E9,1,Ann,Lee,,,,T,Team,,NOBODY,,,,,,,", "NOBODY"),
        ("E1,1,Ann,Lee,,,,T,Team,,,,,,,,,", "line 2"),
        ("E9,1,Ann,Lee,,,,X,Unit X,MISSING,,,,,,,,", "MISSING"),
        ("E9,1,Ann,Lee,,,,T,Team,,E9,,,,,,,", "own line manager"),
    ])
    func badRows(row: String, expected: String) async throws {
        try await withApp { app in
            // setup
            let file = Self.good + "\r\n" + row
            let table = try PeopleImport.read(Data(file.utf8))
            let auditBefore = try await AuditEvent.query(on: app.db).count()

            // act
            let plan = try await PeopleImport.plan(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: .today, on: app.db)
            await #expect(throws: PeopleImport.Rejected.self) {
                _ = try await PeopleImport.apply(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: .today,
                                                 context: .system, on: app.db)
            }

            // check
            #expect(!plan.canApply)
            #expect(plan.errors.contains { $0.line == 5 && $0.description.contains(expected) }, "\(plan.errors.map(\.description))")
            #expect(try await Person.query(on: app.db).count() == 0)
            #expect(try await OrgUnit.query(on: app.db).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).count() == auditBefore)
        }
    }

    @Test("A loop in line management across rows is refused")
    func loop() async throws {
        try await withApp { app in
            let file = [Self.header, "A1,1,Ann,A,,,,T,Team,,B1,,,,,,,", "B1,1,Bo,B,,,,T,Team,,A1,,,,,,,"].joined(separator: "\n")
            let table = try PeopleImport.read(Data(file.utf8))
            let plan = try await PeopleImport.plan(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: .today, on: app.db)
            #expect(plan.errors.contains { $0.description.lowercased().contains("loop") })
        }
    }

    @Test("The review page lists problems with line and column, and offers no apply button; a file that is not CSV is refused")
    func reviewErrors() async throws {
        try await withApp { app in
            var browser = try await hrBrowser(app)
            let uploaded = try await browser.upload("/people/import", file: Self.good + "\r\nE9,1,Ann,Lee,,,,T,Team,,,,,,2024-13-01,,,")
            let page = try await browser.get(try importPath(uploaded)).body.string
            #expect(page.contains("1 to fix"))
            #expect(page.contains("start_date"))
            #expect(!page.contains("Apply the import"))
            let binary = try await browser.upload("/people/import", file: "PK\u{0}\u{3}\u{4}binary", filename: "staff.xlsx")
            #expect(binary.status == .badRequest)
            #expect(binary.body.string.contains("not a CSV text file"))
            #expect(try await PeopleImportFile.query(on: app.db).count() == 1)
        }
    }

    @Test("Other headings are matched in the mapping step, then the import applies")
    func mapping() async throws {
        try await withApp { app in
            // setup: an export with its own headings
            var browser = try await hrBrowser(app)
            let file = "Staff No,Forename,Surname,Dept\r\nX1,Ann,Lee,T\r\n"

            // act
            let path = try importPath(try await browser.upload("/people/import", file: file))
            let before = try await browser.get(path).body.string
            try await browser.post(path + "/mapping", form: ["employee_ref": "Staff No", "given_name": "Forename",
                                                             "family_name": "Surname", "org_unit_code": "Dept"])
            let after = try await browser.get(path).body.string
            try await browser.post(path + "/apply")

            // check
            #expect(before.contains("to fix"))
            #expect(after.contains("Apply the import"))
            #expect(try await Person.query(on: app.db).filter(\.$employeeRef == "X1").count() == 1)
        }
    }

    @Test("Leavers and people missing from the file: deactivated only when asked, sessions ended, never deleted")
    func leavers() async throws {
        try await withApp { app in
            // setup
            let first = try PeopleImport.read(Data(Self.good.utf8))
            _ = try await PeopleImport.apply(first, mapping: .automatic(header: first.header), deactivateMissing: false, today: .today, context: .system, on: app.db)
            let wren = try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "E3").first())
            try await Fixtures.account(app, email: "wren@x.org", personID: wren.id)
            var session = Browser(app)
            try await session.signIn(email: "wren@x.org")
            let without = try PeopleImport.read(Data(Self.good.split(separator: "\r\n").dropLast().joined(separator: "\r\n").utf8))

            // act
            let kept = try await PeopleImport.apply(without, mapping: .automatic(header: without.header), deactivateMissing: false, today: .today, context: .system, on: app.db)
            let stillActive = try await Person.find(wren.id, on: app.db)?.active
            let removed = try await PeopleImport.apply(without, mapping: .automatic(header: without.header), deactivateMissing: true, today: .today, context: .system, on: app.db)

            // check
            #expect(kept.deactivated == 0)
            #expect(stillActive == true)
            #expect(removed.deactivated == 1)
            #expect(try await Person.find(wren.id, on: app.db)?.active == false)
            #expect(try await Person.query(on: app.db).count() == 3)
            #expect(try await session.get("/account").status == .seeOther)
        }
    }

    @Test("Imports are for administrators and council-wide HR; HR for one service is refused")
    func whoMayImport() async throws {
        try await withApp { app in
            let council = try await Fixtures.unit(app, code: "C")
            let service = try await Fixtures.unit(app, code: "S", parent: council.id)
            try await Fixtures.hr(app, email: "hr-all@x.org", units: [council])
            try await Fixtures.hr(app, email: "hr-one@x.org", units: [service])
            var all = Browser(app)
            try await all.signIn(email: "hr-all@x.org")
            var one = Browser(app)
            try await one.signIn(email: "hr-one@x.org")
            #expect(try await all.get("/people/import").status == .ok)
            #expect(try await one.get("/people/import").status == .forbidden)
        }
    }

    @Test("Export: the viewer's people as CSV in the import's columns, formulas neutralised, audited")
    func export() async throws {
        try await withApp { app in
            let table = try PeopleImport.read(Data((Self.good + "\r\nE4,1,Eve,Ill,,,=HYPERLINK(\"x\"),T,Team,D,E2,,,,,,,").utf8))
            _ = try await PeopleImport.apply(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: .today, context: .system, on: app.db)
            var browser = try await hrBrowser(app)
            let response = try await browser.get("/people/export.csv")
            let text = response.body.string
            #expect(response.headers.first(name: .contentDisposition)?.contains("people.csv") == true)
            #expect(text.hasPrefix(Self.header))
            #expect(text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
            #expect(text.contains("E3,1,Wren,Hall"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "export").count() == 1)
            // what was exported imports again with nothing to change
            let back = try PeopleImport.read(Data(text.replacingOccurrences(of: "'=HYPERLINK", with: "=HYPERLINK").utf8))
            let plan = try await PeopleImport.plan(back, mapping: .automatic(header: back.header), deactivateMissing: false, today: .today, on: app.db)
            #expect(plan.canApply)
            #expect(plan.unchanged == 4)
        }
    }
}

@Suite("Large imports run in the background")
struct BackgroundImportTests {
    @Test("A large file is applied in the background: progress page, status for the script, then the outcome")
    func background() async throws {
        try await withApp { app in
            // setup: treat every file as large
            app.importBackgroundThreshold = 1
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            var browser = Browser(app)
            try await browser.signIn(email: "admin@x.org")
            try await browser.get("/people/import")
            let path = try #require(try await browser.upload("/people/import", file: PeopleImportTests.good).headers.first(name: .location))

            // act
            let started = try await browser.post(path + "/apply")
            var record: PeopleImportFile?
            for _ in 0..<200 {
                record = try await PeopleImportFile.query(on: app.db).first()
                if record?.status != "applying" { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let status = try await browser.get(path + "/status")
            let page = try await browser.get(path)

            // check
            #expect(started.status == .seeOther)
            #expect(record?.status == "applied")
            #expect(status.body.string.contains("\"status\":\"applied\""))
            #expect(page.body.string.contains("The import has been applied"))
            #expect(try await Person.query(on: app.db).count() == 3)
            #expect(try await browser.post(path + "/apply").status == .conflict)
        }
    }

    @Test("The progress page shows while applying, and a run cut off long ago counts as failed")
    func applyingAndStale() async throws {
        try await withApp { app in
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            var browser = Browser(app)
            try await browser.signIn(email: "admin@x.org")
            try await browser.get("/people/import")
            let path = try #require(try await browser.upload("/people/import", file: PeopleImportTests.good).headers.first(name: .location))
            let record = try #require(try await PeopleImportFile.query(on: app.db).first())
            record.status = "applying"
            record.startedAt = Date()
            try await record.save(on: app.db)

            let applying = try await browser.get(path).body.string
            #expect(applying.contains("Applying the import"))
            #expect(applying.contains("data-import-status=\"\(path)/status\""))

            record.startedAt = Date().addingTimeInterval(-PeopleImportFile.staleAfter - 1)
            try await record.save(on: app.db)
            #expect(try await browser.get(path + "/status").body.string.contains("\"status\":\"failed\""))
            #expect(try await browser.get(path).body.string.contains("Apply the import"))
        }
    }
}
