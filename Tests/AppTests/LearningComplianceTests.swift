@testable import App
import CapableCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Mandatory requirements, completions (declared, confirmed, imported), the compliance figures
/// and pages, and the links from framework elements and development plans.
@Suite("Learning: requirements and compliance")
struct LearningComplianceTests {
    static let informationGovernance = BuiltInLearning.entries[0]
    static func path(_ url: LearningURL) -> String { SiteURL.learning(url).path }

    @Test("The built-in requirements come from the source, each with its reason, for all staff or all managers; loading twice adds nothing")
    func builtIn() async throws {
        try await withApp { app in
            // setup
            let team = try await ActionsTests.team(app)

            // act
            let first = try await BuiltInLearning.load(on: app.db)
            let second = try await BuiltInLearning.load(on: app.db)
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            let page = try await riley.get(Self.path(.myLearning))
            var morgan = try await ObjectivesTests.signedIn(app, "manager@x.org")
            let managerPage = try await morgan.get(Self.path(.myLearning))

            // check
            #expect(first == 9)
            #expect(second == 0)
            let requirements = try await TrainingRequirement.query(on: app.db).with(\.$course).all()
            let titles = Set(requirements.map(\.course.title))
            #expect(titles == ["Information Governance", "Health and Safety", "Fire Safety", "Fraud, Bribery and Corruption",
                               "Child Protection, Adult Protection and Corporate Parenting", "Equality and Diversity", "Customer Service",
                               "HR Policy Awareness", "Mentally Healthy Workplaces"])
            let managersOnly = requirements.filter { $0.audience?.rules == [.allManagers] }.map(\.course.title).sorted()
            #expect(managersOnly == ["HR Policy Awareness", "Mentally Healthy Workplaces"])
            #expect(page.body.string.contains("So all staff are aware of their responsibilities for the safety of themselves and others."))
            #expect(!page.body.string.contains("reduces risk to mental health"), "Riley manages nobody")
            #expect(managerPage.body.string.contains("So that staff are managed in a way that reduces risk to mental health"))
            let records = try await ComplianceQueries.obligations(of: [try team.report.requireID(), try team.manager.requireID()], on: app.db)
            #expect(records[try team.report.requireID()]?.count == 7)
            #expect(records[try team.manager.requireID()]?.count == 9)
        }
    }

    @Test("The SQL counts of the organisation view give exactly the statuses the Core rule gives, on the same stored dates")
    func sqlAgreesWithCore() async throws {
        try await withApp { app in
            // setup: one person per combination of dates around today's cut-offs
            let unit = try await Fixtures.unit(app, code: "U1")
            try await BuiltInLearning.load(on: app.db)
            let requirement = Self.informationGovernance.requirement
            try await app.db.sql.raw("DELETE FROM \(ident: ComplianceRecords.table)").run()
            let today = CalendarDate.today
            let offsets: [Int?] = [nil, -400, -31, -8, -1, 0, 1, 29, 30, 31, 200]
            var expected: [Compliance.Status] = []
            var index = 0
            for completed in [nil, -700, -300, -10] as [Int?] {
                for deadline in offsets {
                    index += 1
                    let person = try await Fixtures.person(app, ref: "P\(index)", name: "P\(index)", unit: unit.id)
                    let completedOn = completed.map { today.adding(days: $0) }
                    // A completion without expiry has no deadline; otherwise it expires on the deadline.
                    let obligation = Compliance.Obligation(since: today.adding(days: -900), completedOn: completedOn,
                                                           expiresOn: completedOn == nil ? nil : deadline.map { today.adding(days: $0) },
                                                           deadline: deadline.map { today.adding(days: $0) } ?? (completedOn == nil ? today.adding(days: 5) : nil))
                    expected.append(obligation.status(today: today))
                    try await app.db.sql.raw("""
                        INSERT INTO \(ident: ComplianceRecords.table) (requirement_id, person_id, org_unit_id, since, completed_on, expires_on, deadline) \
                        VALUES (\(bind: requirement), \(bind: try person.requireID()), \(bind: try unit.requireID()), \(bind: obligation.since.description), \
                        \(bind: obligation.completedOn?.description), \(bind: obligation.expiresOn?.description), \(bind: obligation.deadline?.description))
                        """).run()
                }
            }

            // act
            let counts = try await ComplianceQueries.rowCounts([try unit.requireID(): [try unit.requireID()]], noUnit: false, today: today, on: app.db)

            // check
            let figures = try #require(counts[unit.id]?[requirement])
            #expect(figures.total == expected.count)
            #expect(figures.current == expected.filter(\.isCurrent).count)
            #expect(figures.compliant == expected.filter { if case .compliant = $0 { true } else { false } }.count)
            #expect(figures.dueSoon == expected.filter { if case .dueSoon = $0 { true } else { false } }.count)
            #expect(figures.overdue == expected.filter { if case .overdue = $0 { true } else { false } }.count)
            #expect(figures.notStarted == expected.filter { if case .notStarted = $0 { true } else { false } }.count)
            #expect(figures.overdue > 0 && figures.dueSoon > 0 && figures.compliant > 0 && figures.notStarted > 0, "every status is exercised")
        }
    }

    @Test("HR adds a requirement for a unit; an audience with nobody in it is refused by name; staff cannot add one")
    func requirements() async throws {
        try await withApp { app in
            // setup
            let unit = try await Fixtures.unit(app, code: "HWY")
            let empty = try await Fixtures.unit(app, code: "EMPTY")
            _ = empty
            let driver = try await Fixtures.person(app, ref: "D1", name: "Dee", unit: unit.id)
            try await BuiltInLearning.load(on: app.db)
            let course = Course()
            course.code = "ASB-01"; course.title = "Asbestos Awareness"; course.summary = "Recognising asbestos."; course.mode = "online"
            course.provider = "Workforce Development"; course.duration = "1 hour"; course.validityMonths = 12
            try await course.create(on: app.db)
            var hr = try await LearningFixtures.hr(app)
            var staff = try await RecruitmentFixtures.browser(app, "staff@x.org")
            let form = ["course": try course.requireID().uuidString, "rule": "unit", "unit": "EMPTY", "reason": "So that nobody is exposed to asbestos.",
                        "due_within_days": "30"]

            // act
            let forbidden = try await staff.get(Self.path(.newRequirement))
            try await hr.get(Self.path(.newRequirement))
            let nobody = try await hr.post(Self.path(.requirements), form: form)
            var good = form
            good["unit"] = "HWY"
            let created = try await hr.post(Self.path(.requirements), form: good)
            let list = try await staff.get(Self.path(.requirements))
            let requirementID = try #require(try await TrainingRequirement.query(on: app.db).filter(\.$course.$id == course.requireID()).first()?.requireID())
            let first = try await ComplianceQueries.obligations(of: [try driver.requireID()], on: app.db)[try driver.requireID()]?[requirementID]
            let edit = try await hr.get(Self.path(.editRequirement(requirementID)))
            var longer = good
            longer["due_within_days"] = "60"
            let changed = try await hr.post(Self.path(.requirement(requirementID)), form: longer)

            // check
            #expect(forbidden.status == .forbidden)
            #expect(nobody.status == .badRequest)
            #expect(nobody.body.string.contains("Nobody is in this audience today; choose a group with people in it"))
            #expect(created.status == .seeOther)
            let requirement = try #require(try await TrainingRequirement.query(on: app.db).filter(\.$course.$id == course.requireID()).first())
            #expect(requirement.audience?.rules == [.unit(try unit.requireID(), includeSubunits: false)])
            #expect(first?.deadline == CalendarDate.today.adding(days: 30))
            #expect(list.body.string.contains("So that nobody is exposed to asbestos."))
            #expect(edit.body.string.contains("value=\"HWY\""))
            #expect(changed.status == .seeOther)
            let moved = try await ComplianceQueries.obligations(of: [try driver.requireID()], on: app.db)[try driver.requireID()]?[requirementID]
            #expect(moved?.deadline == CalendarDate.today.adding(days: 60), "the same day under it, the new number of days")
            #expect(try await Fixtures.auditActions(app, entity: TrainingRequirement.auditEntity).last == "update")
            #expect(try await Fixtures.auditActions(app, entity: TrainingRequirement.auditEntity).filter { $0 == "create" }.count == 10)
        }
    }

    @Test("A person records learning done elsewhere; a future date is refused by name; it counts once their manager confirms it, not before")
    func declareAndConfirm() async throws {
        try await withApp { app in
            // setup
            let team = try await ActionsTests.team(app)
            try await BuiltInLearning.load(on: app.db)
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            var casey = try await ObjectivesTests.signedIn(app, "colleague@x.org")
            var morgan = try await ObjectivesTests.signedIn(app, "manager@x.org")
            let course = Self.informationGovernance.course.uuidString
            let rileyID = try team.report.requireID()

            // act
            try await riley.get(Self.path(.myLearning))
            let future = try await riley.post(Self.path(.declareCompletion), form: ["course": course, "completed_on": CalendarDate.today.adding(days: 2).description, "evidence": "Cert 1"])
            let declared = try await riley.post(Self.path(.declareCompletion), form: ["course": course, "completed_on": CalendarDate.today.adding(days: -10).description, "evidence": "Certificate IG-2231"])
            let pending = try await ComplianceQueries.obligations(of: [rileyID], on: app.db)[rileyID]?[Self.informationGovernance.requirement]
            let completion = try #require(try await Completion.query(on: app.db).first())
            let byColleague = try await casey.post(Self.path(.confirmCompletion(try completion.requireID())))
            let teamPage = try await morgan.get(Self.path(.team(all: false)))
            let confirmed = try await morgan.post(Self.path(.confirmCompletion(try completion.requireID())))
            let after = try await ComplianceQueries.obligations(of: [rileyID], on: app.db)[rileyID]?[Self.informationGovernance.requirement]

            // check
            #expect(future.status == .badRequest)
            #expect(future.body.string.contains("The date you completed it must be today or in the past"))
            #expect(declared.status == .seeOther)
            #expect(pending?.completedOn == nil, "not counted before it is confirmed")
            #expect(byColleague.status == .forbidden)
            #expect(teamPage.body.string.contains("Information Governance") && teamPage.body.string.contains("Certificate IG-2231"))
            #expect(confirmed.status == .seeOther)
            #expect(after?.completedOn == CalendarDate.today.adding(days: -10))
            #expect(after?.status(today: .today).isCurrent == true)
            #expect(try await Completion.query(on: app.db).first()?.confirmed == true)
        }
    }

    @Test("HR imports an LMS export: one bad row blocks the file with its line and column and writes nothing; the corrected file applies once")
    func importCompletions() async throws {
        try await withApp { app in
            // setup
            let team = try await ActionsTests.team(app)
            try await BuiltInLearning.load(on: app.db)
            var hr = try await LearningFixtures.hr(app)
            let day = CalendarDate.today.adding(days: -30).description
            let bad = "employee_ref,course_code,completed_on\nR1,IG-01,\(day)\nR1,NOPE-9,\(day)\nZ9,HS-01,\(day)\nC1,FIRE-01,\(CalendarDate.today.adding(days: 1))\n"
            let fixed = "employee_ref,course_code,completed_on\nR1,IG-01,\(day)\nR1,HS-01,\(day)\nM1,HS-01,\(day)\nM1,HS-01,\(day)\n"

            // act
            try await hr.get(Self.path(.completionsImport))
            let uploaded = try await hr.upload(Self.path(.completionsImport), file: bad, filename: "lms.csv")
            let reviewPath = try #require(uploaded.headers.first(name: .location))
            let review = try await hr.get(reviewPath)
            let refused = try await hr.post(reviewPath + "/apply")
            let written = try await Completion.query(on: app.db).count()
            try await hr.get(Self.path(.completionsImport))
            let second = try await hr.upload(Self.path(.completionsImport), file: fixed, filename: "lms-fixed.csv")
            let secondPath = try #require(second.headers.first(name: .location))
            let secondReview = try await hr.get(secondPath)
            let applied = try await hr.post(secondPath + "/apply")
            let done = try await hr.get(secondPath)
            let again = try await hr.post(secondPath + "/apply")

            // check
            #expect(review.body.string.contains("there is no course with the code NOPE-9"))
            #expect(review.body.string.contains("no one has the employee number Z9"))
            #expect(review.body.string.contains("is in the future"))
            #expect(!review.body.string.contains("Apply the import"))
            #expect(refused.status == .badRequest)
            #expect(written == 0)
            #expect(secondReview.body.string.contains("Apply the import"))
            #expect(applied.status == .seeOther)
            #expect(done.body.string.contains("3 completions added; 0 already on record; 1 repeated rows in the file"))
            #expect(again.status == .conflict)
            let riley = try team.report.requireID()
            let obligations = try await ComplianceQueries.obligations(of: [riley], on: app.db)[riley] ?? [:]
            #expect(obligations[Self.informationGovernance.requirement]?.completedOn == CalendarDate(day))
            #expect(try await Completion.query(on: app.db).filter(\.$source == "import").count() == 3)
            #expect(try await Fixtures.auditActions(app, entity: Completion.auditEntity) == ["import"])
        }
    }

    @Test("A manager's matrix shows each status in words; the CSV neutralises formulas; HR's organisation view counts by unit and drills to people")
    func matrixAndOrganisation() async throws {
        try await withApp { app in
            // setup
            let council = try await Fixtures.unit(app, code: "EVC")
            let highways = try await Fixtures.unit(app, code: "HWY", parent: council.id)
            let manager = try await Fixtures.person(app, ref: "M1", name: "Morgan", unit: highways.id)
            let done = try await Fixtures.person(app, ref: "R1", name: "Riley", manager: manager.id, unit: highways.id)
            let formula = try await Fixtures.person(app, ref: "R2", name: "=HYPERLINK(\"http://x\")", manager: manager.id, unit: highways.id)
            _ = formula
            try await Fixtures.account(app, email: "manager@x.org", personID: manager.id)
            try await BuiltInLearning.load(on: app.db)
            let course = try #require(try await Course.find(Self.informationGovernance.course, on: app.db))
            try await Completion(personID: try done.requireID(), course: course, completedOn: .today.adding(days: -5), source: .import, confirmed: true).create(on: app.db)
            try await ComplianceRecords.refresh(today: .today, on: app.db)
            var morgan = try await ObjectivesTests.signedIn(app, "manager@x.org")
            var hr = try await LearningFixtures.hr(app, units: [council])

            // act
            let matrix = try await morgan.get(Self.path(.team(all: false)))
            let csv = try await morgan.get(Self.path(.teamExport(all: false)))
            let organisation = try await hr.get(Self.path(.compliance(unit: nil, requirement: nil)))
            let drill = try await hr.get(Self.path(.compliance(unit: council.id, requirement: Self.informationGovernance.requirement)))
            let export = try await hr.get(Self.path(.complianceExport(unit: nil, requirement: nil)))
            let staffRefused = try await morgan.get(Self.path(.compliance(unit: nil, requirement: nil)))
            // Another completion: the next view counts it (the stored counts were out of date).
            try await Completion(personID: try manager.requireID(), course: course, completedOn: .today.adding(days: -1), source: .import, confirmed: true).create(on: app.db)
            try await ComplianceRecords.completionsChanged(people: [try manager.requireID()], course: try course.requireID(), on: app.db)
            let later = try await hr.get(Self.path(.compliance(unit: nil, requirement: nil)))

            // check
            #expect(matrix.body.string.contains("Compliant"))
            #expect(matrix.body.string.contains("Not started"))
            #expect(matrix.body.string.contains("Mandatory training currently completed: 1 of 14 (7%)"))
            #expect(csv.body.string.contains("'=HYPERLINK"))
            #expect(!csv.body.string.contains(",=HYPERLINK"))
            #expect(organisation.body.string.contains("Unit EVC"))
            #expect(organisation.body.string.contains("1 of 3 (33%)"), "Information Governance: Riley of Morgan, Riley and R2")
            #expect(drill.body.string.contains("Riley Test"))
            #expect(drill.body.string.contains("Compliant"))
            #expect(export.body.string.hasPrefix("employee_ref,name,unit,requirement,status,completed_on,expires_on,due_by\r\n"))
            #expect(export.body.string.contains("'=HYPERLINK"))
            #expect(staffRefused.status == .forbidden)
            #expect(later.body.string.contains("2 of 3 (66%)"))
        }
    }

    @Test("An element's page lists the courses that develop it; a plan item names a course and points to the booking once made")
    func links() async throws {
        try await withApp { app in
            // setup
            try await BuiltInFrameworks.load(on: app.db)
            let setup = try await LearningBookingTests.setUp(app, capacity: 3, on: .today.adding(days: 5))
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            let rileyID = try setup.team.report.requireID()

            // act
            let element = try await riley.get(SiteURL.frameworkElement(BuiltInLearning.Element.manageRisk, version: nil).path)
            try await riley.get(SiteURL.developmentPlan(rileyID).path)
            let added = try await riley.post(SiteURL.developmentPlan(rileyID).path,
                                             form: ["description": "Do the fire safety course", "method": "course", "course_id": LearningBookingTests.fire.uuidString])
            try await riley.get(LearningBookingTests.path(.session(try setup.session.requireID())))
            _ = try await riley.post(LearningBookingTests.path(.book(try setup.session.requireID())))
            let plan = try await riley.get(SiteURL.developmentPlan(rileyID).path)

            // check
            #expect(element.body.string.contains("Courses that develop it"))
            #expect(element.body.string.contains("Health and Safety"))
            #expect(added.status == .seeOther)
            let item = try #require(try await DevelopmentPlanItem.query(on: app.db).first())
            #expect(item.courseID == LearningBookingTests.fire)
            #expect(item.bookingID == (try await LearningBookingTests.booking(app, setup.session, setup.team.report))?.id)
            #expect(plan.body.string.contains("Booked: "))
        }
    }

    @Test("A yearly review lists the training completed in its period, with the rest of the year on record")
    func reviewEvidence() async throws {
        try await withApp { app in
            // setup
            let team = try await ReviewCyclesTests.setUp(app)
            try await BuiltInLearning.load(on: app.db)
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            _ = try await hr.post("/reviews/cycles", form: ReviewCyclesTests.form())
            let course = try #require(try await Course.find(Self.informationGovernance.course, on: app.db))
            try await Completion(personID: try team.report.requireID(), course: course, completedOn: .today.adding(days: -5), source: .import, confirmed: true)
                .create(on: app.db)
            let review = try #require(try await PerformanceReview.query(on: app.db).filter(\.$person.$id == team.report.requireID()).first())
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")

            // act
            let page = try await riley.get(SiteURL.review(try team.report.requireID(), try review.requireID()).path)

            // check
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Training completed"))
            #expect(page.body.string.contains("Information Governance"))
            #expect(page.body.string.contains("Imported from the learning system"))
        }
    }

    @Test("Reminders: mandatory training due soon, and a session tomorrow; a second run adds nothing")
    func reminders() async throws {
        try await withApp { app in
            // setup: Riley started 70 days ago, so the 90 days run out within 30
            let setup = try await LearningBookingTests.setUp(app, capacity: 3, on: .today.adding(days: 1))
            setup.team.report.startDate = CalendarDate.today.adding(days: -70).description
            try await setup.team.report.save(on: app.db)
            try await app.db.sql.raw("UPDATE training_requirements SET applies_from = \(bind: "2020-01-01")").run()
            try await app.db.sql.raw("DELETE FROM \(ident: ComplianceRecords.table)").run()
            var riley = try await ObjectivesTests.signedIn(app, "report@x.org")
            _ = try await riley.post(LearningBookingTests.path(.book(try setup.session.requireID())))

            // act
            _ = try await Reminders.run(today: .today, probationMonths: [], on: app.db)
            let second = try await Reminders.run(today: .today, probationMonths: [], on: app.db)

            // check
            #expect(second == 0)
            let messages = try await AppNotification.query(on: app.db).filter(\.$person.$id == setup.team.report.requireID()).all().map(\.message)
            let due = DisplayFormat.calendarDate(CalendarDate.today.adding(days: 20).description)
            #expect(messages.contains("Information Governance is mandatory for you and due by \(due)."))
            #expect(messages.contains { $0.hasPrefix("Tomorrow: Fire Safety, 09:30 to 11:30") })
            #expect(!messages.contains { $0.contains("Mentally Healthy Workplaces") })
        }
    }
}

enum LearningFixtures {
    /// An HR account (looking after `units`, or the whole organisation when none), signed in.
    static func hr(_ app: Application, units: [OrgUnit] = []) async throws -> Browser {
        if units.isEmpty { try await Fixtures.account(app, email: "hr@x.org", roles: [.hr]) } else { try await Fixtures.hr(app, email: "hr@x.org", units: units) }
        return try await ObjectivesTests.signedIn(app, "hr@x.org")
    }
}
