@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Probation")
struct ProbationTests {
    @Test("A new starter's reviews are scheduled and flagged for HR; the manager records them, extends, then confirms")
    func endToEnd() async throws {
        try await withApp { app in
            // setup: started four months ago, probation ends in two months
            let unit = try await Fixtures.unit(app, code: "U")
            let team = try await ActionsTests.team(app)
            let today = CalendarDate.today
            team.report.startDate = today.adding(months: -4).description
            team.report.probationEndDate = today.adding(months: 2).description
            team.report.$orgUnit.id = unit.id
            try await team.report.save(on: app.db)
            try await Fixtures.hr(app, email: "hr@x.org", units: [unit])
            let path = "/people/\(try team.report.requireID())/probation"
            var manager = try await ObjectivesTests.signedIn(app, "manager@x.org")
            var hr = try await ObjectivesTests.signedIn(app, "hr@x.org")
            let dueBefore = try await hr.get("/reviews/probation")
            let todayText = DisplayFormat.ukDate(today.description)
            let good = ["held_on": todayText, "notes": "Settling in well; objectives on track"]

            // act
            let page = try await manager.get(path)
            let bad = try await manager.post(path, form: ["held_on": DisplayFormat.ukDate(today.adding(days: 2).description), "notes": ""])
            for _ in 1...3 { try await manager.post(path, form: good) }
            let noOutcome = try await manager.post(path, form: good)
            let shortExtension = try await manager.post(path, form: good.merging(["outcome": "extend", "new_end_date": todayText]) { _, new in new })
            let extended = try await manager.post(path, form: good.merging(["outcome": "extend",
                "new_end_date": DisplayFormat.ukDate(today.adding(months: 5).description)]) { _, new in new })
            let confirmed = try await manager.post(path, form: good.merging(["outcome": "confirm"]) { _, new in new })
            let after = try await manager.get(path)
            let dueAfter = try await hr.get("/reviews/probation")
            var report = try await ObjectivesTests.signedIn(app, "report@x.org")
            let selfRecord = try await report.post(path, form: good)

            // check
            #expect(page.body.string.contains("Review 4 (final)"))
            #expect(dueBefore.body.string.contains("1 on probation, 1 with a review overdue."))
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("The review date cannot be in the future"))
            #expect(bad.body.string.contains("href=\"#notes\""))
            #expect(noOutcome.status == .badRequest)
            #expect(noOutcome.body.string.contains("Choose the outcome"))
            #expect(shortExtension.body.string.contains("Enter a new end date after the current one"))
            #expect(extended.status == .seeOther)
            #expect(confirmed.status == .seeOther)
            let person = try #require(try await Person.find(team.report.id, on: app.db))
            #expect(person.probationEndDate == today.adding(months: 5).description)
            #expect(after.body.string.contains("Confirm in post"))
            #expect(after.body.string.contains("Extended to"))
            #expect(dueAfter.body.string.contains("Nobody you look after is on probation."))
            #expect(selfRecord.status == .forbidden)
            #expect(try await ProbationReview.query(on: app.db).count() == 5)
        }
    }
}
