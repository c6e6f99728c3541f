@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Job roles")
struct JobRolesTests {
    @Test("HR adds a job role with grades and units; bad grades and unknown units are named; staff can read but not write")
    func pages() async throws {
        try await withApp { app in
            // setup
            let council = try await Fixtures.unit(app, code: "C")
            try await Fixtures.unit(app, code: "HWY", parent: council.id)
            try await Fixtures.hr(app, email: "hr@x.org", units: [council])
            try await Fixtures.account(app, email: "staff@x.org")
            var hr = Browser(app)
            try await hr.signIn(email: "hr@x.org")
            try await hr.get("/people/roles/new")

            // act
            let bad = try await hr.post("/people/roles", form: ["title": "", "grade_low": "G8", "grade_high": "G5", "units": "HWY, NOPE"])
            let good = try await hr.post("/people/roles", form: ["title": "Highways Inspector", "grade_low": "G5", "grade_high": "G6",
                                                                  "units": "HWY", "purpose": "Keeps the roads <safe>"])
            let page = try await hr.get(try #require(good.headers.first(name: .location)))
            var staff = Browser(app)
            try await staff.signIn(email: "staff@x.org")
            let list = try await staff.get("/people/roles")
            let refused = try await staff.post("/people/roles", form: ["title": "Sneaky"])

            // check
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("href=\"#title\""))
            #expect(bad.body.string.contains("href=\"#grade_low\""))
            #expect(bad.body.string.contains("No organisation unit has the code NOPE"))
            #expect(good.status == .seeOther)
            #expect(page.body.string.contains("Highways Inspector"))
            #expect(page.body.string.contains("G5 to G6"))
            #expect(page.body.string.contains("Keeps the roads &lt;safe&gt;"))
            #expect(list.body.string.contains("Highways Inspector"))
            #expect(!list.body.string.contains("Add a job role"))
            #expect(refused.status == .forbidden)
            #expect(try await JobRole.query(on: app.db).count() == 1)
        }
    }

    @Test("The API sets a role's framework requirements by element identifier; duplicates and bad levels are refused")
    func requirements() async throws {
        try await withApp { app in
            // setup
            let account = try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
            let auth: HTTPHeaders = ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]
            let created = try await app.testing().sendRequest(.POST, "/api/v1/job-roles", headers: auth,
                                                              body: ByteBuffer(string: #"{"title":"Team Manager","gradeLow":"G9","gradeHigh":"G10"}"#))
            let role = try JSONDecoder().decode(JobRolesAPI.JobRoleDTO.self, from: Data(created.body.readableBytesView))
            let element = try RecruitmentFixtures.id(try await RecruitmentFixtures.coreValues(app), "CV.1.MB2")

            // act
            let duplicate = try await app.testing().sendRequest(.PUT, "/api/v1/job-roles/\(role.id)/requirements", headers: auth,
                body: ByteBuffer(string: #"[{"elementId":"\#(element)","essential":true},{"elementId":"\#(element)","level":9,"essential":false}]"#))
            let good = try await app.testing().sendRequest(.PUT, "/api/v1/job-roles/\(role.id)/requirements", headers: auth,
                body: ByteBuffer(string: #"[{"elementId":"\#(element)","level":3,"essential":true}]"#))

            // check
            #expect(created.status == .created)
            #expect(duplicate.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(duplicate.body.readableBytesView))
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["requirements[1].level", "requirements"])
            #expect(good.status == .ok)
            let saved = try JSONDecoder().decode(JobRolesAPI.JobRoleDTO.self, from: Data(good.body.readableBytesView))
            #expect(saved.requirements == [JobRoles.Requirement(elementId: element, level: 3, essential: true)])
        }
    }
}
