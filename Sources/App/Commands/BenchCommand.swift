import CapableCore
import Fluent
import Foundation
import Plot
import Vapor

/// `capable bench learning ...`: see `LearningBench`.
/// `capable bench team [--reports 200] [--years 3] [--runs 200]`: builds a manager with that many
/// direct reports, each with a check-in every four weeks for that many years and a few
/// objectives, then times My team (the query and the page) and prints the median and 95th
/// percentile. Run it on an empty database: `CAPABLE_DATABASE_PATH=/tmp/bench.sqlite`, or a
/// scratch PostgreSQL with `DATABASE_URL`.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "team or learning")
        var what: String
        @Option(name: "reports", help: "direct reports (default 200)")
        var reports: Int?
        @Option(name: "years", help: "years of check-ins (default 3)")
        var years: Int?
        @Option(name: "runs", help: "timed renders (default 200; learning: 50)")
        var runs: Int?
        @Option(name: "people", help: "learning: people in the synthetic council (default 30000)")
        var people: Int?
        @Option(name: "completions", help: "learning: completions to import (default 600000)")
        var completions: Int?
    }

    var help: String {
        "Times My team for a manager with many reports and years of check-ins: capable bench team [--reports 200] [--years 3]; "
            + "or mandatory-training compliance at council scale: capable bench learning [--people 30000] [--completions 600000]"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.what == "learning" {
            try await app.autoMigrate()
            return try await LearningBench.run(people: signature.people ?? 30_000, completions: signature.completions ?? 600_000,
                                               runs: max(10, signature.runs ?? 50), app: app, console: context.console)
        }
        guard signature.what == "team" else { throw CommandFailure("Unknown benchmark '\(signature.what)'; use: capable bench team, or capable bench learning") }
        try await app.autoMigrate()
        let reports = max(1, signature.reports ?? 200), years = max(1, signature.years ?? 3), runs = max(10, signature.runs ?? 200)
        let started = Date()
        let manager = try await seed(reports: reports, years: years, on: app.db)
        context.console.print("Seeded \(reports) reports with \(years) years of check-ins in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        var timings: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let (rows, total) = try await PeopleQueries.team(of: manager, indirect: false, limit: TeamPage.pageSize, offset: 0, on: app.db)
            let pdr = try await ReviewCycles.stages(of: rows.map(\.id), on: app.db)
            let html = TeamPage.view(.init(indirect: false, page: 1, rows: rows, total: total, linkedToPerson: true, pdr: pdr),
                                     context: PageContext(signedInName: "Bench", csrfToken: nil, roles: [])).render()
            guard html.contains("Next check-in") else { throw CommandFailure("the team page did not render") }
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        timings.sort()
        let median = timings[timings.count / 2], p95 = timings[Int(Double(timings.count) * 0.95)]
        context.console.print(String(format: "My team, %d direct reports (first page of %d), %d years of check-ins: median %.1f ms, p95 %.1f ms over %d renders",
                                     reports, TeamPage.pageSize, years, median, p95, runs))
    }

    /// A manager, their reports, a check-in every four weeks for each, and three objectives each.
    private func seed(reports: Int, years: Int, on db: any Database) async throws -> UUID {
        let today = CalendarDate.today
        let manager = Person(employeeRef: "BENCH-M", givenName: "Bench", familyName: "Manager", workEmail: nil, jobTitle: "Manager", grade: nil,
                             orgUnitID: nil, lineManagerID: nil, startDate: today.adding(months: -12 * years).description)
        try await manager.create(on: db)
        let managerID = try manager.requireID()
        let meetings = years * 13
        for index in 0..<reports {
            try await db.transaction { tx in
                let person = Person(employeeRef: "BENCH-\(index)", givenName: "Report", familyName: "Number \(index)", workEmail: nil,
                                    jobTitle: "Officer", grade: nil, orgUnitID: nil, lineManagerID: managerID,
                                    startDate: today.adding(months: -12 * years).description)
                try await person.create(on: tx)
                let personID = try person.requireID()
                var checkIns: [CheckIn] = []
                for meeting in 0..<meetings {
                    let checkIn = CheckIn()
                    checkIn.$person.id = personID
                    checkIn.$manager.id = managerID
                    // Some reports are a week or two behind, so the page has overdue rows to show.
                    checkIn.heldOn = today.adding(days: -(meeting * 28 + index % 3 * 14)).description
                    checkIn.sharedNotes = "Regular catch-up"
                    checkIns.append(checkIn)
                }
                try await checkIns.create(on: tx)
                for (number, status) in [Objective.Status.onTrack, .atRisk, .done].enumerated() {
                    let objective = Objective()
                    objective.$person.id = personID
                    objective.title = "Objective \(number + 1)"
                    objective.outcome = "An outcome"
                    objective.dueOn = today.adding(months: 6).description
                    objective.status = status.rawValue
                    try await objective.create(on: tx)
                }
            }
        }
        // A yearly review open for every report, so the PDR stage column does its real work.
        let cycle = ReviewCycle()
        cycle.title = "Bench PDR"; cycle.frameworkID = UUID(); cycle.audienceJSON = "{}"
        cycle.opensOn = CalendarDate.today.adding(days: -7).description; cycle.selfDueOn = CalendarDate.today.adding(days: 7).description
        cycle.managerDueOn = CalendarDate.today.adding(days: 14).description; cycle.closesOn = CalendarDate.today.adding(days: 30).description
        try await cycle.create(on: db)
        let cycleID = try cycle.requireID()
        let reviews = try await Person.query(on: db).filter(\.$lineManager.$id == managerID).all().map { person in
            let review = PerformanceReview()
            review.$cycle.id = cycleID
            review.$person.id = try person.requireID()
            review.$manager.id = managerID
            review.meetingNotes = ""
            return review
        }
        try await reviews.create(on: db)
        return managerID
    }
}
