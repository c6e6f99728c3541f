@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Recruitment: job-role requirements and the person-specification API")
struct RecruitmentRequirementsTests {
    @Test("HR chooses requirements on a form; an unknown element id is refused in the form and the API, naming it, and nothing is written")
    func unknownElement() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [])
            let roleID = try role.requireID()
            let known = try RecruitmentFixtures.id(cv, "CV.1.MB2"), standard = try RecruitmentFixtures.id(cv, "CV.2.MS1")
            let unknown = UUID()
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])
            let formPage = try await hr.get("/people/roles/\(roleID)/requirements")
            let auth = try await RecruitmentFixtures.api(app, "admin@x.org", roles: [.admin])

            // act
            let badForm = try await hr.post("/people/roles/\(roleID)/requirements", form: [
                "need[\(known.uuidString.lowercased())]": "essential", "level[\(known.uuidString.lowercased())]": "3",
                "need[\(unknown.uuidString.lowercased())]": "desirable"])
            let badLevel = try await hr.post("/people/roles/\(roleID)/requirements", form: [
                "need[\(known.uuidString.lowercased())]": "essential", "level[\(known.uuidString.lowercased())]": "5"])
            let badAPI = try await app.testing().sendRequest(.PUT, "/api/v1/job-roles/\(roleID)/requirements", headers: auth,
                body: ByteBuffer(string: #"[{"elementId":"\#(known)","level":3,"essential":true},{"elementId":"\#(unknown)","essential":false}]"#))
            let countAfterRefusals = try await JobRoleRequirement.query(on: app.db).count()
            let good = try await hr.post("/people/roles/\(roleID)/requirements", form: [
                "need[\(known.uuidString.lowercased())]": "essential", "level[\(known.uuidString.lowercased())]": "3",
                "need[\(standard.uuidString.lowercased())]": "desirable", "level[\(standard.uuidString.lowercased())]": ""])
            let rolePage = try await hr.get("/people/roles/\(roleID)")

            // check
            #expect(formPage.status == .ok)
            #expect(formPage.body.string.contains("CV.1 Achieving results"))
            #expect(formPage.body.string.contains("TR.1"))
            #expect(formPage.body.string.contains("name=\"need[\(known.uuidString.lowercased())]\""))
            #expect(badForm.status == .badRequest)
            #expect(badForm.body.string.contains("No published framework has the element \(unknown.uuidString.lowercased())"))
            #expect(badForm.body.string.contains("href=\"#need-\(unknown.uuidString.lowercased())\""))
            #expect(badLevel.status == .badRequest)
            #expect(badLevel.body.string.contains("Level for CV.1.MB2 must be from 1 to 4"))
            #expect(badAPI.status == .badRequest)
            let problem = try JSONDecoder().decode(ProblemBody.self, from: Data(badAPI.body.readableBytesView))
            #expect(problem.errors?.map(\.field) == ["requirements[1].elementId"])
            #expect(problem.errors?.first?.message.contains(unknown.uuidString.lowercased()) == true)
            #expect(countAfterRefusals == 0)
            #expect(good.status == .seeOther)
            let saved = try await JobRoleRequirement.query(on: app.db).filter(\.$jobRole.$id == roleID).all()
            #expect(Set(saved.map(\.elementID)) == [known, standard])
            #expect(saved.first { $0.elementID == known }?.level == 3)
            #expect(saved.first { $0.elementID == standard }?.essential == false)
            #expect(rolePage.body.string.contains("CV.1.MB2 Leading change and encouraging innovation"))
            #expect(rolePage.body.string.contains("href=\"\(SiteURL.frameworkElement(known, version: nil).path)\""))
            #expect(!rolePage.body.string.contains(known.uuidString.lowercased() + "<"))
        }
    }

    @Test("GET /api/v1/job-roles/{id}/person-specification: 404 problem without one, drafts only for HR, criteria keep element ids")
    func api() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.1.MB2", true), ("CV.4.1", false)])
            let path = "/api/v1/job-roles/\(try role.requireID())/person-specification"
            let staff = try await RecruitmentFixtures.api(app, "staff@x.org")
            let hr = try await RecruitmentFixtures.api(app, "hr@x.org", roles: [.hr])

            // act
            let none = try await app.testing().sendRequest(.GET, path, headers: staff)
            let spec = try await PersonSpecifications.generate(role: role, on: app.db, context: .system)
            let draftForStaff = try await app.testing().sendRequest(.GET, path, headers: staff)
            let draftAskedByStaff = try await app.testing().sendRequest(.GET, path + "?draft=1", headers: staff)
            let draftForHR = try await app.testing().sendRequest(.GET, path + "?draft=1", headers: hr)
            try await PersonSpecifications.publish(spec, on: app.db, context: .system)
            let published = try await app.testing().sendRequest(.GET, path, headers: staff)
            let noRole = try await app.testing().sendRequest(.GET, "/api/v1/job-roles/\(UUID())/person-specification", headers: staff)

            // check
            #expect(none.status == .notFound)
            #expect(none.headers.contentType?.subType == "problem+json")
            #expect(draftForStaff.status == .notFound)
            #expect(draftAskedByStaff.status == .forbidden)
            #expect(draftForHR.status == .ok)
            #expect(noRole.status == .notFound)
            let draft = try JSONDecoder().decode(PersonSpecificationAPI.SpecificationDTO.self, from: Data(draftForHR.body.readableBytesView))
            #expect(draft.status == "draft")
            #expect(published.status == .ok)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let body = try decoder.decode(PersonSpecificationAPI.SpecificationDTO.self, from: Data(published.body.readableBytesView))
            #expect(body.status == "published")
            #expect(body.publishedAt != nil)
            let framework = body.criteria.filter { $0.section == "framework" }
            #expect(framework.map(\.elementId) == [try RecruitmentFixtures.id(cv, "CV.1.MB2"), try RecruitmentFixtures.id(cv, "CV.4.1")])
            #expect(framework.map(\.elementCode) == ["CV.1.MB2", "CV.4.1"])
            #expect(framework.map(\.groupCode) == ["CV.1", "CV.4"])
            #expect(framework[0].elementTitle == "Leading change and encouraging innovation")
            #expect(framework.map(\.essential) == [true, false])
            #expect(framework[0].assessedAt == [.application, .interview])
            #expect(body.criteria.filter { $0.section == "experience" }.allSatisfy { $0.elementId == nil })
            #expect(published.body.string.contains("\"assessedAt\":[\"application\",\"interview\"]"))
        }
    }
}
