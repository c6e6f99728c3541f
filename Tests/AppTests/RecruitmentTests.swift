@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Recruitment: person specifications")
struct RecruitmentTests {
    @Test("Generating a specification groups Core Values criteria under their values, keeps element ids, and regenerating keeps experience criteria")
    func generate() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.4.1", true), ("CV.1.MB2", true), ("CV.1.3", false), ("CV.3.MB3", true)])
            let roleID = try role.requireID()
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])

            // act
            let generated = try await hr.post("/people/roles/\(roleID)/person-specification/generate")
            let model = try #require(try await PersonSpecificationController.query(roleID: roleID, includeDraft: true, on: app.db))
            let page = try await hr.get("/people/roles/\(roleID)/person-specification")

            // check
            #expect(generated.status == .seeOther)
            #expect(generated.headers.first(name: .location) == SiteURL.personSpecificationEdit(roleID).path)
            #expect(model.status == "draft")
            #expect(model.groups.map(\.code) == ["CV.1", "CV.3", "CV.4"])
            #expect(model.groups.map(\.title) == ["Achieving results", "Learning effectively", "Engaging with others"])
            #expect(model.groups[0].criteria.map(\.code) == ["CV.1.3", "CV.1.MB2"])
            #expect(model.groups[0].criteria.map(\.elementID) == [try RecruitmentFixtures.id(cv, "CV.1.3"), try RecruitmentFixtures.id(cv, "CV.1.MB2")])
            #expect(model.groups[0].criteria.map(\.essential) == [false, true])
            #expect(model.groups[0].criteria[1].text == "Leading change and encouraging innovation")
            #expect(model.groups[2].criteria.map(\.elementID) == [try RecruitmentFixtures.id(cv, "CV.4.1")])
            #expect(model.experience.count == 3)
            #expect(model.experience.allSatisfy { $0.elementID == nil && $0.section == "experience" })
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">CV.1 Achieving results</caption>"))
            #expect(html.contains("Application and interview"))
            #expect(html.contains("Desirable"))
            #expect(html.contains(SiteURL.frameworkElement(try RecruitmentFixtures.id(cv, "CV.1.MB2"), version: nil).path))

            // regenerating after the requirements change keeps a hand-written experience criterion
            try await hr.get("/people/roles/\(roleID)/person-specification/edit")
            let added = try await hr.post("/people/roles/\(roleID)/person-specification/criteria",
                                          form: ["new_text": "A full UK driving licence", "new_need": "essential", "new_assessed[]": "application"])
            #expect(added.status == .seeOther)
            try await JobRoleRequirement.query(on: app.db).filter(\.$elementID == (try RecruitmentFixtures.id(cv, "CV.4.1"))).delete()
            try await hr.get("/people/roles/\(roleID)/person-specification")
            #expect(try await hr.post("/people/roles/\(roleID)/person-specification/generate").status == .seeOther)
            let again = try #require(try await PersonSpecificationController.query(roleID: roleID, includeDraft: true, on: app.db))
            #expect(again.groups.map(\.code) == ["CV.1", "CV.3"])
            #expect(again.experience.map(\.text).contains("A full UK driving licence"))
            #expect(again.experience.count == 4)
            #expect(try await Fixtures.auditActions(app).filter { $0 == "generate" }.count == 2)
        }
    }

    @Test("HR edits and publishes; a published specification is read-only until made a draft again, which is audited")
    func editAndPublish() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.1.MB2", true)])
            let roleID = try role.requireID()
            try await PersonSpecifications.generate(role: role, on: app.db, context: .system)
            let criterion = try #require(try await RecruitmentFixtures.criteria(app, role: role).first { $0.elementID != nil })
            let key = try criterion.requireID().uuidString.lowercased()
            let others = try await RecruitmentFixtures.criteria(app, role: role).filter { $0.elementID == nil }
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])
            try await hr.get("/people/roles/\(roleID)/person-specification/edit")
            var form = ["text[\(key)]": "Leads change in the team", "need[\(key)]": "desirable", "assessed[\(key)][]": "test", "publish": "1"]
            for other in others {
                let id = try other.requireID().uuidString.lowercased()
                form["text[\(id)]"] = other.text
                form["need[\(id)]"] = "essential"
                form["assessed[\(id)][]"] = "application"
            }

            // act
            let saved = try await hr.post("/people/roles/\(roleID)/person-specification", form: form)
            let published = try #require(try await PersonSpecifications.find(roleID: roleID, on: app.db))
            try await hr.get("/people/roles/\(roleID)/person-specification")
            let changeAfter = try await hr.post("/people/roles/\(roleID)/person-specification", form: ["text[\(key)]": "Sneaky change"])
            let addAfter = try await hr.post("/people/roles/\(roleID)/person-specification/criteria",
                                             form: ["new_text": "Late addition", "new_need": "essential", "new_assessed[]": "interview"])
            let editAfter = try await hr.get("/people/roles/\(roleID)/person-specification/edit")
            try await hr.get("/people/roles/\(roleID)/person-specification")
            let reopened = try await hr.post("/people/roles/\(roleID)/person-specification/reopen")

            // check
            #expect(saved.status == .seeOther)
            #expect(published.isPublished)
            #expect(published.publishedAt != nil)
            let edited = try #require(try await SpecificationCriterion.find(criterion.id, on: app.db))
            #expect(edited.text == "Leads change in the team")
            #expect(edited.essential == false)
            #expect(edited.methods == [.test])
            #expect(edited.elementID == criterion.elementID)
            #expect(changeAfter.status == .conflict)
            #expect(addAfter.status == .conflict)
            #expect(editAfter.status == .seeOther)
            #expect(try await SpecificationCriterion.find(criterion.id, on: app.db)?.text == "Leads change in the team")
            #expect(try await RecruitmentFixtures.criteria(app, role: role).count == others.count + 1)
            #expect(reopened.status == .seeOther)
            let draft = try #require(try await PersonSpecifications.find(roleID: roleID, on: app.db))
            #expect(!draft.isPublished)
            let events = try await AuditEvent.query(on: app.db).filter(\.$entity == PersonSpecification.auditEntity).sort(\.$id).all()
            #expect(events.filter { $0.action == "update" }.compactMap(\.changes).last?.contains("\"new\":\"draft\"") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == SpecificationCriterion.auditEntity).count() >= 1)
        }
    }

    @Test("Staff cannot change a specification (403) nor see a draft; they read it once published")
    func staffAccess() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.2.1", true)])
            let roleID = try role.requireID()
            try await PersonSpecifications.generate(role: role, on: app.db, context: .system)
            var staff = try await RecruitmentFixtures.browser(app, "staff@x.org")
            let base = "/people/roles/\(roleID)/person-specification"

            // act
            let draftPage = try await staff.get(base)
            let rolePage = try await staff.get("/people/roles/\(roleID)")
            let edit = try await staff.get(base + "/edit")
            let generate = try await staff.post(base + "/generate")
            let publish = try await staff.post(base + "/publish")
            let add = try await staff.post(base + "/criteria", form: ["new_text": "x", "new_need": "essential", "new_assessed[]": "test"])
            let requirements = try await staff.get("/people/roles/\(roleID)/requirements")
            let spec = try #require(try await PersonSpecifications.find(roleID: roleID, on: app.db))
            let stillDraft = !spec.isPublished
            try await PersonSpecifications.publish(spec, on: app.db, context: .system)
            let publishedPage = try await staff.get(base)
            let printed = try await staff.get(base + "?print=1")

            // check
            #expect(draftPage.status == .notFound)
            #expect(!draftPage.body.string.contains("Demonstrating commitment to equalities and diversity"))
            #expect(!rolePage.body.string.contains("Person specification"))
            for response in [edit, generate, publish, add, requirements] { #expect(response.status == .forbidden) }
            #expect(stillDraft)
            #expect(try await RecruitmentFixtures.criteria(app, role: role).count == 4)
            #expect(publishedPage.status == .ok)
            #expect(publishedPage.body.string.contains("Demonstrating commitment to equalities and diversity"))
            #expect(!publishedPage.body.string.contains("Make a draft again"))
            #expect(printed.status == .ok)
            #expect(!printed.body.string.contains("govuk-service-navigation"))
            #expect(printed.body.string.contains("CV.2 Valuing diversity"))
        }
    }

    @Test("An experience criterion needs text and at least one place it is assessed; nothing is written otherwise")
    func experienceValidation() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.3.1", true)])
            let roleID = try role.requireID()
            try await PersonSpecifications.generate(role: role, on: app.db, context: .system)
            let before = try await RecruitmentFixtures.criteria(app, role: role)
            let experience = try #require(before.first { $0.elementID == nil })
            let key = try experience.requireID().uuidString.lowercased()
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.admin])
            try await hr.get("/people/roles/\(roleID)/person-specification/edit")

            // act
            let add = try await hr.post("/people/roles/\(roleID)/person-specification/criteria", form: ["new_text": "  ", "new_need": "essential"])
            let edit = try await hr.post("/people/roles/\(roleID)/person-specification", form: ["text[\(key)]": "", "need[\(key)]": "essential"])

            // check
            #expect(add.status == .badRequest)
            #expect(add.body.string.contains("Enter the text of the new criterion"))
            #expect(add.body.string.contains("Choose where the new criterion is assessed: application, interview or test"))
            #expect(add.body.string.contains("href=\"#new_text\""))
            #expect(add.body.string.contains("href=\"#new_assessed\""))
            #expect(edit.status == .badRequest)
            #expect(edit.body.string.contains("href=\"#text-\(key)\""))
            #expect(edit.body.string.contains("Enter the text of experience criterion 1"))
            #expect(edit.body.string.contains("Choose where experience criterion 1 is assessed"))
            #expect(edit.body.string.contains("id=\"text-\(key)-error\""))
            let after = try await RecruitmentFixtures.criteria(app, role: role)
            #expect(after.map(\.text) == before.map(\.text))
            #expect(after.map(\.assessedAt) == before.map(\.assessedAt))
        }
    }

    @Test("A capability whose statement is a long paragraph starts as its title; publishing refuses a criterion the edit form would refuse")
    func longStatements() async throws {
        try await withApp { app in
            // setup: TR.3's statement is over 1,000 characters
            _ = try await RecruitmentFixtures.coreValues(app)
            let trust = try #require(try BuiltInFrameworks.documents().first { $0.kind == .guidingPrinciples })
            let risk = try #require(trust.element(code: "TR.3"))
            #expect(risk.statement.count > PersonSpecifications.maxTextLength)
            let role = try await RecruitmentFixtures.role(app, trust, requirements: [("TR.3", true)])
            let roleID = try role.requireID()
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])

            // act
            try await hr.post("/people/roles/\(roleID)/person-specification/generate")
            let generated = try #require(try await PersonSpecificationController.query(roleID: roleID, includeDraft: true, on: app.db))
            let criterion = try #require(try await SpecificationCriterion.query(on: app.db).filter(\.$elementID == risk.id).first())
            criterion.text = String(repeating: "x", count: PersonSpecifications.maxTextLength + 1)
            try await criterion.save(on: app.db)
            try await hr.get("/people/roles/\(roleID)/person-specification")
            let refused = try await hr.post("/people/roles/\(roleID)/person-specification/publish")

            // check
            #expect(generated.groups.first?.criteria.first?.text == "Manage risk")
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("The text of TR.3 must be 1000 characters or fewer"))
            #expect(try await PersonSpecifications.find(roleID: roleID, on: app.db)?.isPublished == false)
        }
    }
}
