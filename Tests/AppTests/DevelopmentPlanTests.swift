@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Development plans")
struct DevelopmentPlanTests {
    @Test("Gaps between the latest manager assessment and the job role become plan items; bad input is named; colleagues are refused")
    func gapsToPlan() async throws {
        try await withApp { app in
            // setup: the role expects CV.1.1 at 3 and CV.4.1 at 2; the manager rated them 2 and 3
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.1.1", true), ("CV.4.1", true)])
            try await JobRoleRequirement.query(on: app.db).filter(\.$elementID == (try RecruitmentFixtures.id(cv, "CV.4.1"))).set(\.$level, to: 2).update()
            team.report.$jobRole.id = role.id
            try await team.report.save(on: app.db)
            let version = try #require(try await Frameworks.current(cv.id, includeDraft: false, on: app.db))
            let assessment = Assessment()
            assessment.$person.id = try team.report.requireID(); assessment.$assessor.id = try team.manager.requireID()
            assessment.kind = Assessment.Kind.manager.rawValue; assessment.frameworkVersionID = try version.requireID()
            assessment.submittedOn = CalendarDate.today.description; assessment.sharedWithPerson = true
            try await assessment.create(on: app.db)
            for (code, level) in [("CV.1.1", 2), ("CV.4.1", 3)] {
                let rating = AssessmentRating()
                rating.$assessment.id = try assessment.requireID(); rating.elementID = try RecruitmentFixtures.id(cv, code)
                rating.level = level; rating.evidence = ""; rating.observationIDs = ""
                try await rating.create(on: app.db)
            }
            let path = "/people/\(try team.report.requireID())/development-plan"
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")

            // act
            let before = try await report.get(path)
            let added = try await report.post(path, form: ["element_id": try RecruitmentFixtures.id(cv, "CV.1.1").uuidString,
                                                            "gap": "Rated 2, the role expects 3", "description": "Shadow the service manager",
                                                            "method": "shadowing", "due_on": "30/06/2030"])
            let bad = try await report.post(path, form: ["description": "", "method": "juggling", "due_on": "soon"])
            let item = try #require(try await DevelopmentPlanItem.query(on: app.db).first())
            let updated = try await report.post("\(path)/\(try item.requireID())/status", form: ["status": "inProgress"])
            let after = try await report.get(path)
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let refused = try await colleague.get(path)

            // check
            #expect(before.body.string.contains("CV.1.1 Securing ambitious outcomes"))
            #expect(!before.body.string.contains("CV.4.1 Showing respect"), "rated above what the role expects: no gap")
            #expect(added.status == .seeOther)
            #expect(bad.status == .badRequest)
            for field in ["description", "method", "due_on"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(updated.status == .seeOther)
            #expect(try await DevelopmentPlanItem.find(item.id, on: app.db)?.statusValue == .inProgress)
            #expect(after.body.string.contains("Shadow the service manager"))
            #expect(after.body.string.contains("Rated 2, the role expects 3"))
            #expect(after.body.string.contains("No gaps"), "a gap already in the plan is not offered again")
            #expect(refused.status == .forbidden)
        }
    }
}
