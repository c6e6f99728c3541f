@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Recruitment: the demo council")
struct RecruitmentDemoTests {
    @Test("The demo seed makes a Team Manager role with a published, grouped specification and an interview round")
    func demo() async throws {
        try await withApp { app in
            // act
            _ = try await DemoCouncil.load(on: app.db) { _ in "not-a-real-hash" }

            // check
            let role = try #require(try await JobRole.query(on: app.db).filter(\.$title == "Team Manager").first())
            let spec = try #require(try await PersonSpecifications.find(roleID: try role.requireID(), on: app.db))
            #expect(spec.isPublished)
            let model = try #require(try await PersonSpecificationController.query(roleID: try role.requireID(), includeDraft: false, on: app.db))
            #expect(model.groups.map(\.code) == ["CV.1", "CV.2", "CV.3", "CV.4"])
            #expect(model.groups.flatMap(\.criteria).count == DemoRecruitment.requirements.count)
            #expect(model.groups.flatMap(\.criteria).contains { $0.code == "CV.1.MB1" && $0.essential })
            #expect(!model.experience.isEmpty)
            let round = try #require(try await InterviewRound.query(on: app.db).filter(\.$jobRole.$id == (try role.requireID())).first())
            let results = try await InterviewResults.query(roundID: try round.requireID(), on: app.db)
            #expect(results.candidates.count == 2)
            #expect(results.members.count == 3)
            #expect(results.candidates[0].overall != nil)
            #expect(results.candidates[0].rows.allSatisfy { $0.criterion.code == nil || $0.criterion.elementID != nil })
        }
    }
}
