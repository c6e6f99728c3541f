@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Assessments against a pinned framework version on its behaviour-anchored scale.
@Suite("Assessments")
struct AssessmentsTests {
    static let coreValues = FrameworkPagesTests.coreValues

    static func staffCodes(_ app: Application) async throws -> [String] {
        let version = try #require(try await Frameworks.current(coreValues, includeDraft: false, on: app.db))
        return try await FrameworkStore.document(version, on: app.db).rateableElements(for: [.allStaff]).map(\.code)
    }

    static func start(_ browser: inout Browser, person: UUID) async throws -> String {
        try await browser.get("/people/\(person)/assessments")
        let started = try await browser.post("/people/\(person)/assessments", form: ["framework": coreValues.uuidString])
        return try #require(started.headers.first(name: .location))
    }

    @Test("A self-assessment rates every staff element on the scale, cites a check-in observation, refuses bad ratings by element, and is final once submitted")
    func selfAssessment() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let team = try await ActionsTests.team(app)
            let reportID = try team.report.requireID()
            let codes = try await Self.staffCodes(app)
            let checkIn = CheckIn()
            checkIn.$person.id = reportID; checkIn.$manager.id = try team.manager.requireID()
            checkIn.heldOn = CalendarDate.today.description; checkIn.sharedNotes = ""
            try await checkIn.create(on: app.db)
            let respect = try #require(try await FrameworkElementRow.query(on: app.db).filter(\.$code == "CV.4.1").first())
            let observation = CheckInObservation()
            observation.$checkIn.id = try checkIn.requireID(); observation.elementID = respect.elementID; observation.example = "Calmed an upset caller"
            try await observation.create(on: app.db)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            let path = try await Self.start(&report, person: reportID)

            // act
            let form = try await report.get(path)
            let offScale = try await report.post(path, form: ["rating-CV.1.1": "5", "action": "save"])
            let incomplete = try await report.post(path, form: ["rating-CV.1.1": "3", "action": "submit"])
            var all = Dictionary(uniqueKeysWithValues: codes.map { ("rating-\($0)", "3") })
            all["action"] = "submit"
            all["evidence-CV.4.1"] = "See the check-in"
            all["obs-CV.4.1[]"] = try observation.requireID().uuidString
            let submitted = try await report.post(path, form: all)
            let afterwards = try await report.post(path, form: all)
            let view = try await report.get(path)

            // check
            #expect(codes.count == 17, "the 17 staff behaviours of the Core Values")
            #expect(form.body.string.contains("name=\"rating-CV.4.1\""))
            #expect(!form.body.string.contains("name=\"rating-CV.1.MB1\""), "no manager behaviours for someone without reports")
            #expect(form.body.string.contains("Calmed an upset caller"), "the check-in observation is offered as evidence")
            #expect(offScale.status == .badRequest)
            #expect(offScale.body.string.contains("Rate CV.1.1 from 1 to 4"))
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.body.string.contains("Rate CV.1.2 before submitting"))
            #expect(submitted.status == .seeOther)
            #expect(afterwards.status == .conflict)
            let assessment = try #require(try await Assessment.query(on: app.db).with(\.$ratings).first())
            #expect(assessment.isSubmitted)
            #expect(assessment.ratings.count == 17)
            #expect(assessment.ratings.first { $0.elementID == respect.elementID }?.observations == [try observation.requireID()])
            #expect(view.body.string.contains("3. Consistently shown"))
            #expect(view.body.string.contains("Check-in \(DisplayFormat.calendarDate(checkIn.heldOn)): Calmed an upset caller"))
        }
    }

    @Test("A manager's assessment is hidden from the person until shared, readable by HR once submitted, and a colleague cannot start one")
    func managerAssessment() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let unit = try await Fixtures.unit(app, code: "U")
            let team = try await ActionsTests.team(app)
            team.report.$orgUnit.id = unit.id
            try await team.report.save(on: app.db)
            try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
            let reportID = try team.report.requireID()
            let codes = try await Self.staffCodes(app)
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            let path = try await Self.start(&manager, person: reportID)
            var all = Dictionary(uniqueKeysWithValues: codes.map { ("rating-\($0)", "2") })
            all["action"] = "submit"

            // act
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            let hrDraft = try await hr.get(path)
            try await manager.post(path, form: all)
            let hrSubmitted = try await hr.get(path)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            let hidden = try await report.get(path)
            let list = try await report.get("/people/\(reportID)/assessments")
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let refused = try await colleague.post("/people/\(reportID)/assessments", form: ["framework": Self.coreValues.uuidString])
            let assessment = try #require(try await Assessment.query(on: app.db).first())
            assessment.sharedWithPerson = true
            try await assessment.save(on: app.db)
            let shared = try await report.get(path)

            // check
            #expect(assessment.kindValue == .manager)
            #expect(hrDraft.status == .forbidden, "a draft is the assessor's alone")
            #expect(hrSubmitted.status == .ok)
            #expect(hidden.status == .forbidden, "the person sees their manager's assessment only after sign-off or calibration")
            #expect(!list.body.string.contains("Manager assessment"))
            #expect(refused.status == .forbidden)
            #expect(shared.status == .ok)
            #expect(shared.body.string.contains("2. Developing"))
        }
    }
}
