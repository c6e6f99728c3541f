@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The yearly review: HR opens a cycle, each person works through the task list, HR calibrates.
@Suite("Review cycles")
struct ReviewCyclesTests {
    /// Manager M1 and report R1 in unit U (colleague C1 outside it), HR scoped to U, the Core
    /// Values loaded.
    static func setUp(_ app: Application) async throws -> ActionsTests.Team {
        try await BuiltInFrameworks.load(on: app.db)
        let unit = try await Fixtures.unit(app, code: "U")
        let team = try await ActionsTests.team(app)
        for person in [team.manager, team.report] {
            person.$orgUnit.id = unit.id
            try await person.save(on: app.db)
        }
        try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
        return team
    }

    static func form(title: String = "PDR 2027", opens: Int = -10, selfDue: Int = 10, managerDue: Int = 20, closes: Int = 30) -> [String: String] {
        let today = CalendarDate.today
        return ["title": title, "framework": AssessmentsTests.coreValues.uuidString, "rule": "unit", "unit": "U", "role": "", "grade_low": "", "days": "",
                "opens_on": DisplayFormat.ukDate(today.adding(days: opens).description),
                "self_due_on": DisplayFormat.ukDate(today.adding(days: selfDue).description),
                "manager_due_on": DisplayFormat.ukDate(today.adding(days: managerDue).description),
                "closes_on": DisplayFormat.ukDate(today.adding(days: closes).description)]
    }

    /// Rates every staff element at `level` and submits.
    static func submitAll(_ browser: inout Browser, path: String, codes: [String], level: String) async throws -> TestingHTTPResponse {
        var form = Dictionary(uniqueKeysWithValues: codes.map { ("rating-\($0)", level) })
        form["action"] = "submit"
        return try await browser.post(path, form: form)
    }

    @Test("HR opens a cycle for an audience: every bad field is named and nothing is written; each person in it gets a review with their manager")
    func launch() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.setUp(app)
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            var staff = try await ObjectivesTests.signedIn(app, "colleague@x.org")

            // act
            let form = try await hr.get("/reviews/cycles/new")
            let empty = try await hr.post("/reviews/cycles", form: ["rule": "unit", "unit": "NOPE"])
            let backwards = try await hr.post("/reviews/cycles", form: Self.form(selfDue: -20, managerDue: -30, closes: -40))
            let cyclesAfterBad = try await ReviewCycle.query(on: app.db).count()
            let staffTry = try await staff.post("/reviews/cycles", form: Self.form())
            let created = try await hr.post("/reviews/cycles", form: Self.form())
            let location = try #require(created.headers.first(name: .location))
            let page = try await hr.get(location)
            let list = try await hr.get("/reviews/cycles")
            let staffReads = [try await staff.get(location), try await staff.get("\(location)/calibration"), try await staff.get("/reviews/cycles")]
            let staffFinish = try await staff.post("\(location)/calibration/finish")

            // check
            #expect(form.status == .ok)
            #expect(empty.status == .badRequest)
            for message in ["Enter a title of up to 200 characters", "Choose a published framework to assess against", "No organisation unit has the code NOPE",
                            "Enter the opening date as a real date", "Enter the closing date as a real date"] {
                #expect(empty.body.string.contains(message), "\(message)")
            }
            #expect(backwards.status == .badRequest)
            #expect(backwards.body.string.contains("The self-assessment date must be on or after the opening date"))
            #expect(backwards.body.string.contains("The manager assessment date must be on or after the self-assessment date"))
            #expect(backwards.body.string.contains("The closing date must be on or after the manager assessment date"))
            #expect(cyclesAfterBad == 0)
            #expect(staffTry.status == .forbidden)
            #expect(created.status == .seeOther)
            let reviews = try await PerformanceReview.query(on: app.db).all()
            #expect(reviews.count == 2, "the manager and the report are in unit U; the colleague is not")
            #expect(reviews.first { $0.$person.id == team.report.id }?.$manager.id == team.manager.id)
            #expect(page.body.string.contains("Completion by unit"))
            #expect(page.body.string.contains("0 of 2 (0%)"))
            #expect(page.body.string.contains("Everyone in Unit U"))
            #expect(list.body.string.contains("PDR 2027"))
            #expect(staffReads.map(\.status) == [.forbidden, .forbidden, .forbidden], "cycles and calibration are for HR and administrators")
            #expect(staffFinish.status == .forbidden)
            #expect(try await ReviewCycle.query(on: app.db).first()?.calibratedOn == nil)
            #expect(try await Fixtures.auditActions(app, entity: "review_cycle").contains("launch"))
        }
    }

    @Test("A full review in order: early steps refused by name, the person sees the manager's ratings only after calibration, a signed review is final")
    func fullReview() async throws {
        try await withApp { app in
            // setup
            let team = try await Self.setUp(app)
            let reportID = try team.report.requireID()
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            _ = try await hr.post("/reviews/cycles", form: Self.form())
            let review = try #require(try await PerformanceReview.query(on: app.db).filter(\.$person.$id == reportID).first())
            let cycleID = review.$cycle.id
            let base = "/people/\(reportID)/reviews/\(try review.requireID())"
            let codes = try await AssessmentsTests.staffCodes(app)
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            var colleague = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            let today = DisplayFormat.ukDate(CalendarDate.today.description)

            // act: sign-off first, a stranger, then the steps in order
            let firstPage = try await report.get(base)
            let earlySignOff = try await report.post("\(base)/sign-off")
            let stranger = try await colleague.post("\(base)/self-assessment")
            let wrongSide = try await report.post("\(base)/manager-assessment")
            let selfStart = try await report.post("\(base)/self-assessment")
            let selfPath = try #require(selfStart.headers.first(name: .location))
            let selfSubmitted = try await Self.submitAll(&report, path: selfPath, codes: codes, level: "3")
            let earlyMeeting = try await manager.post("\(base)/meeting", form: ["held_on": today, "notes": "Talked it through"])
            let managerStart = try await manager.post("\(base)/manager-assessment")
            let managerPath = try #require(managerStart.headers.first(name: .location))
            _ = try await Self.submitAll(&manager, path: managerPath, codes: codes, level: "2")
            let hiddenFromPerson = try await report.get(managerPath)
            let futureMeeting = try await manager.post("\(base)/meeting", form: ["held_on": DisplayFormat.ukDate(CalendarDate.today.adding(days: 3).description), "notes": "x"])
            let beforeCycle = try await manager.post("\(base)/meeting", form: ["held_on": DisplayFormat.ukDate(CalendarDate.today.adding(days: -30).description), "notes": "x"])
            let meeting = try await manager.post("\(base)/meeting", form: ["held_on": today, "notes": "Agreed to work on listening"])
            let emptyPlan = try await report.post("\(base)/development-plan")
            _ = try await report.post("/people/\(reportID)/development-plan", form: ["description": "Shadow the contact centre lead", "method": "shadowing"])
            let plan = try await report.post("\(base)/development-plan")
            let tooSoon = try await report.post("\(base)/sign-off")

            // calibration
            let calibration = try await hr.get("/reviews/cycles/\(cycleID)/calibration?manager=\(try team.manager.requireID())")
            let adjustPath = "/reviews/cycles/\(cycleID)/calibration/\(try review.requireID())"
            let element = try #require(try await FrameworkElementRow.query(on: app.db).filter(\.$code == "CV.1.1").first()).elementID
            let offScale = try await hr.post(adjustPath, form: ["element": element.uuidString, "level": "9", "reason": "x"])
            let noReason = try await hr.post(adjustPath, form: ["element": element.uuidString, "level": "3", "reason": " "])
            let adjusted = try await hr.post(adjustPath, form: ["element": element.uuidString, "level": "3", "reason": "Evidence from two check-ins supports 3"])
            let finished = try await hr.post("/reviews/cycles/\(cycleID)/calibration/finish")
            let lateAdjust = try await hr.post(adjustPath, form: ["element": element.uuidString, "level": "4", "reason": "Too late"])
            let shownToPerson = try await report.get(managerPath)
            let personSigned = try await report.post("\(base)/sign-off")
            let managerSigned = try await manager.post("\(base)/sign-off")
            let afterSignOff = try await manager.post("\(base)/meeting", form: ["held_on": today, "notes": "Changed my mind"])
            let finalPage = try await report.get(base)

            // check
            #expect(firstPage.body.string.contains("0 of 5 steps completed."))
            #expect(firstPage.body.string.contains("govuk-task-list"))
            #expect(firstPage.body.string.contains("Not started"))
            #expect(earlySignOff.status == .badRequest)
            #expect(earlySignOff.body.string.contains("Self-assessment is not completed yet: finish it before the sign-off by both"))
            #expect(stranger.status == .forbidden)
            #expect(wrongSide.status == .forbidden)
            #expect(selfSubmitted.status == .seeOther)
            #expect(earlyMeeting.status == .badRequest)
            #expect(earlyMeeting.body.string.contains("Manager assessment is not completed yet"))
            #expect(hiddenFromPerson.status == .forbidden)
            #expect(futureMeeting.body.string.contains("The meeting date must be today or earlier"))
            #expect(beforeCycle.body.string.contains("The meeting date must be on or after the cycle opened"))
            #expect(meeting.status == .seeOther)
            #expect(emptyPlan.body.string.contains("Add at least one item to the development plan before agreeing it"))
            #expect(plan.status == .seeOther)
            #expect(tooSoon.status == .badRequest)
            #expect(tooSoon.body.string.contains("Your manager’s assessment is shown to you after calibration or their sign-off"))
            #expect(calibration.body.string.contains("Ratings by manager"))
            #expect(calibration.body.string.contains("Reviews rated by Morgan Test"))
            #expect(offScale.body.string.contains("Choose a level on the framework’s scale, from 1 to 4"))
            #expect(noReason.body.string.contains("Give the reason for the change"))
            #expect(adjusted.status == .seeOther)
            #expect(finished.status == .seeOther)
            #expect(lateAdjust.status == .conflict)
            #expect(shownToPerson.status == .ok)
            #expect(personSigned.status == .seeOther)
            #expect(managerSigned.status == .seeOther)
            #expect(afterSignOff.status == .conflict)
            #expect(finalPage.body.string.contains("Both of you signed off this review"))
            #expect(finalPage.body.string.contains("Evidence from two check-ins supports 3"))
            #expect(finalPage.body.string.contains("5 of 5 steps completed."))
            let rating = try #require(try await AssessmentRating.query(on: app.db).filter(\.$elementID == element)
                .join(Assessment.self, on: \AssessmentRating.$assessment.$id == \Assessment.$id)
                .filter(Assessment.self, \.$kind == "manager").first())
            #expect(rating.level == 3)
            let adjustment = try #require(try await ReviewAdjustment.query(on: app.db).first())
            #expect(adjustment.fromLevel == 2 && adjustment.toLevel == 3)
            let saved = try #require(try await PerformanceReview.find(review.id, on: app.db))
            #expect(saved.isSignedOff && saved.meetingNotes == "Agreed to work on listening")
            #expect(try await Fixtures.auditActions(app, entity: "review_adjustment") == ["create"])
            #expect(try await Fixtures.auditActions(app, entity: "review_cycle").contains("calibrate"))
        }
    }

    @Test("Calibration counts each manager's ratings by level and flags one far from the cycle average, in words")
    func outliers() async throws {
        try await withApp { app in
            // setup: two managers, one rating everyone 4 and the other everyone 2
            let team = try await Self.setUp(app)
            let second = try await Fixtures.person(app, ref: "M2", name: "Nadia", unit: team.manager.$orgUnit.id)
            let secondReport = try await Fixtures.person(app, ref: "R2", name: "Rowan", manager: second.id, unit: team.manager.$orgUnit.id)
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            _ = try await hr.post("/reviews/cycles", form: Self.form())
            let cycle = try #require(try await ReviewCycle.query(on: app.db).first())
            for (manager, report, level) in [(team.manager, team.report, 4), (second, secondReport, 2)] {
                try await Self.submittedManagerAssessment(app, by: manager, of: report, level: level)
            }

            // act
            let page = try await hr.get("/reviews/cycles/\(try cycle.requireID())/calibration")

            // check
            let body = page.body.string
            #expect(body.contains("2 managers, 2 flagged as far from the cycle average."))
            #expect(body.contains("Average 4.0, 1.0 above the cycle average (3.0)"))
            #expect(body.contains("Average 2.0, 1.0 below the cycle average (3.0)"))
            #expect(body.contains("17 (100%)"))
            #expect(body.contains("Ratings by unit"))
        }
    }

    /// A submitted manager assessment rating every staff element at `level`, attached to the
    /// person's review in the (only) cycle.
    @discardableResult
    static func submittedManagerAssessment(_ app: Application, by manager: Person, of report: Person, level: Int) async throws -> Assessment {
        let version = try #require(try await Frameworks.current(AssessmentsTests.coreValues, includeDraft: false, on: app.db))
        let elements = try await FrameworkStore.document(version, on: app.db).rateableElements(for: [.allStaff])
        let assessment = Assessment()
        assessment.$person.id = try report.requireID(); assessment.$assessor.id = try manager.requireID()
        assessment.kind = "manager"; assessment.frameworkVersionID = try version.requireID()
        assessment.submittedOn = CalendarDate.today.description; assessment.sharedWithPerson = false
        try await assessment.create(on: app.db)
        for element in elements {
            let rating = AssessmentRating()
            rating.$assessment.id = try assessment.requireID(); rating.elementID = element.id; rating.level = level
            rating.evidence = ""; rating.observationIDs = ""
            try await rating.create(on: app.db)
        }
        let review = try #require(try await PerformanceReview.query(on: app.db).filter(\.$person.$id == report.requireID()).first())
        review.managerAssessmentID = assessment.id
        try await review.save(on: app.db)
        return assessment
    }

    @Test("Finishing calibration shows only the assessments of the people the HR user looks after; the cycle is calibrated once none waits")
    func scopedFinish() async throws {
        try await withApp { app in
            // setup: a cycle for all staff; R1 in unit U (HR looks after U), R2 in unit V (it does not)
            let team = try await Self.setUp(app)
            let other = try await Fixtures.unit(app, code: "V")
            let secondManager = try await Fixtures.person(app, ref: "M2", name: "Nadia", unit: other.id)
            let secondReport = try await Fixtures.person(app, ref: "R2", name: "Rowan", manager: secondManager.id, unit: other.id)
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            var form = Self.form()
            form["rule"] = "allStaff"
            _ = try await hr.post("/reviews/cycles", form: form)
            let cycle = try #require(try await ReviewCycle.query(on: app.db).first())
            let inScope = try await Self.submittedManagerAssessment(app, by: team.manager, of: team.report, level: 3)
            let outOfScope = try await Self.submittedManagerAssessment(app, by: secondManager, of: secondReport, level: 3)
            let path = "/reviews/cycles/\(try cycle.requireID())/calibration"
            var admin = try await ObjectivesTests.signedIn(app, "admin@x.org")

            // act
            let before = try await hr.get(path)
            let finished = try await hr.post("\(path)/finish")
            let again = try await hr.post("\(path)/finish")
            let afterHR = try #require(try await ReviewCycle.find(cycle.id, on: app.db))
            let adminFinished = try await admin.post("\(path)/finish")

            // check
            #expect(before.body.string.contains("1 submitted manager assessment is waiting for the people you look after."))
            #expect(finished.status == .seeOther)
            #expect(try await Assessment.find(inScope.id, on: app.db)?.sharedWithPerson == true)
            #expect(again.status == .conflict, "nothing of HR's is left waiting")
            #expect(afterHR.calibratedOn == nil, "R2's assessment still waits, so the cycle is not calibrated yet")
            #expect(adminFinished.status == .seeOther)
            #expect(try await Assessment.find(outOfScope.id, on: app.db)?.sharedWithPerson == true)
            #expect(try await ReviewCycle.find(cycle.id, on: app.db)?.calibratedOn == CalendarDate.today.description)
            #expect(try await Fixtures.auditActions(app, entity: "review_cycle") == ["create", "launch", "calibrate", "calibrate", "update"], "the last sets the calibration date")
        }
    }
}
