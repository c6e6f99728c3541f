import CapableCore
import Fluent
import Foundation
import Plot
import SQLKit
import Vapor

/// `capable bench learning [--people 30000] [--completions 600000] [--runs 50]`: a synthetic
/// council, the nine built-in requirements and three more (12), a manager with 50 direct reports,
/// and an LMS export of that many completions written to a file and imported as `capable import
/// completions` does (timed). Then it times the organisation compliance view, one directorate's
/// view (after a completion is recorded, and the first view of a day, which rebuilds the counts
/// per unit), and the
/// manager's team matrix, query and page, and prints medians and 95th percentiles.
/// Run it on an empty database (`CAPABLE_DATABASE_PATH=/tmp/bench.sqlite`, or `DATABASE_URL`).
enum LearningBench {
    static func run(people: Int, completions: Int, runs: Int, app: Application, console: any Console) async throws {
        let today = CalendarDate.today
        // A database this benchmark already filled is timed again as it is.
        if let manager = try await Person.query(on: app.db).filter(\.$employeeRef == "BENCH-M").first()?.id {
            console.print("Timing the database seeded by an earlier run")
            return try await time(manager: manager, runs: runs, today: today, app: app, console: console)
        }
        var started = Date()
        let council = SyntheticCouncil.generate(people: max(100, people - 51), seed: 7, today: today)
        let rows = council.hrRows()
        let table = CSVTable(header: SyntheticOrganisation.hrHeader, rows: rows.enumerated().map { CSVRow(line: $0.offset + 2, cells: $0.element) })
        let context = AuditContext(actorID: nil, actorLabel: "capable bench learning", requestID: nil, address: nil)
        _ = try await PeopleImport.apply(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: today, context: context, on: app.db)
        let manager = try await team(unitCode: council.units[min(1, council.units.count - 1)].code, today: today, on: app.db)
        try await BuiltInLearning.load(today: today, on: app.db)
        try await extraRequirements(today: today, on: app.db)
        console.print("Seeded \(rows.count + 51) people and 12 requirements in \(seconds(since: started)) s")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capable-bench-completions-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let refs = council.people.map(\.employeeRef) + ["BENCH-M"] + (0..<50).map { "BENCH-\($0)" }
        let codes = try await Course.query(on: app.db).sort(\.$code).all().map(\.code)
        guard FileManager.default.createFile(atPath: path, contents: Data(export(refs: refs, codes: codes, count: completions, today: today).utf8)) else {
            throw CommandFailure("Cannot write \(path)")
        }
        started = Date()
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("Cannot read \(path)") }
        let file = try PeopleImport.read(data)
        let plan = try await Completions.plan(file, on: app.db)
        guard plan.canApply else { throw CommandFailure("The generated export did not check: \(plan.errors.prefix(3).map(\.description))") }
        let outcome = try await app.db.writeTransaction { tx in try await Completions.apply(plan, context: context, on: tx) }
        console.print("Imported \(file.rows.count) completion rows (\(outcome.summary)) in \(seconds(since: started)) s, compliance included")
        try await time(manager: manager, runs: runs, today: today, app: app, console: console)
    }

    private static func time(manager: UUID, runs: Int, today: CalendarDate, app: Application, console: any Console) async throws {

        let admin = Viewer(personID: nil, roles: [.admin])
        let page = PageContext(signedInName: "Bench", csrfToken: nil, roles: [.admin])
        let whole = try await time(runs) {
            let model = try await OrganisationCompliance.query(unit: nil, requirement: nil, viewer: admin, today: today, on: app.db)
            return CompliancePage.view(model, context: page).render()
        }
        let directorate = try await OrgUnit.query(on: app.db).filter(\.$parent.$id != nil).sort(\.$code).first()?.requireID()
        let part = try await time(runs) {
            let model = try await OrganisationCompliance.query(unit: directorate, requirement: nil, viewer: admin, today: today, on: app.db)
            return CompliancePage.view(model, context: page).render()
        }
        let matrix = try await time(max(runs, 200)) {
            let model = try await TeamTrainingController.query(manager: manager, indirect: false, today: today, on: app.db)
            guard model.rows.count == 50 else { throw CommandFailure("the team has \(model.rows.count) people, not 50") }
            return TeamTrainingPage.view(model, context: page).render()
        }
        // A completion recorded for one of the team (its units' counts recounted in the same
        // transaction, as attendance does), then the view.
        let course = try await Course.query(on: app.db).filter(\.$code == "FIRE-01").first()
        let team = try await TeamTrainingController.members(of: manager, indirect: false, on: app.db).map(\.id)
        var run = 0
        let recorded = try await time(10) {
            guard let course, !team.isEmpty else { throw CommandFailure("no Fire Safety course or team") }
            let person = team[run % team.count], yesterday = today.adding(days: -1)
            run += 1
            try await app.db.writeTransaction { tx in
                // Run again on the same database, the same completion is recorded afresh.
                try await tx.sql.delete(from: Completion.schema).where("person_id", .equal, SQLBind(person))
                    .where("course_id", .equal, SQLBind(try course.requireID())).where("completed_on", .equal, SQLBind(yesterday.description)).run()
                try await Completion(personID: person, course: course, completedOn: yesterday, source: .import, confirmed: true).create(on: tx)
                try await ComplianceRecords.completionsChanged(people: [person], course: try course.requireID(), on: tx)
            }
            let model = try await OrganisationCompliance.query(unit: nil, requirement: nil, viewer: admin, today: today, on: app.db)
            return CompliancePage.view(model, context: page).render()
        }
        // The first view of a new day (when no reminder run has prepared it) rebuilds every count.
        let rebuilt = try await time(10) {
            try await ComplianceQueries.markStale(on: app.db)
            let model = try await OrganisationCompliance.query(unit: nil, requirement: nil, viewer: admin, today: today, on: app.db)
            return CompliancePage.view(model, context: page).render()
        }
        console.print(String(format: "Organisation compliance view (%d requirements): median %.1f ms, p95 %.1f ms over %d renders", 12, whole.median, whole.p95, runs))
        console.print(String(format: "One directorate's view: median %.1f ms, p95 %.1f ms", part.median, part.p95))
        console.print(String(format: "A completion recorded, then the organisation view: median %.1f ms, p95 %.1f ms over 10", recorded.median, recorded.p95))
        console.print(String(format: "The first view of a day, every count rebuilt: median %.1f ms, p95 %.1f ms over 10 renders", rebuilt.median, rebuilt.p95))
        console.print(String(format: "Team matrix, 50 people: median %.1f ms, p95 %.1f ms over %d renders", matrix.median, matrix.p95, max(runs, 200)))
    }

    /// A manager with 50 direct reports in one unit.
    private static func team(unitCode: String, today: CalendarDate, on db: any Database) async throws -> UUID {
        let unit = try await OrgUnit.query(on: db).filter(\.$code == unitCode).first()?.id
        let manager = Person(employeeRef: "BENCH-M", givenName: "Bench", familyName: "Manager", workEmail: nil, jobTitle: "Team Manager", grade: "M1",
                             orgUnitID: unit, lineManagerID: nil, startDate: today.adding(months: -60).description)
        try await manager.create(on: db)
        let reports = (0..<50).map { index in
            Person(employeeRef: "BENCH-\(index)", givenName: "Report", familyName: "Number \(index)", workEmail: nil, jobTitle: "Officer", grade: "G5",
                   orgUnitID: unit, lineManagerID: manager.id, startDate: today.adding(days: -30 * (index + 1)).description)
        }
        try await reports.create(on: db)
        return try manager.requireID()
    }

    /// Three more requirements, for a directorate, a grade range and a unit's sub-units.
    private static func extraRequirements(today: CalendarDate, on db: any Database) async throws {
        let directorates = try await OrgUnit.query(on: db).filter(\.$parent.$id != nil).sort(\.$code).limit(2).all()
        let rules: [(String, String, AudienceRule)] = [
            ("ASB-01", "Asbestos Awareness", .unit(try directorates[0].requireID(), includeSubunits: true)),
            ("LONE-01", "Lone Working", .gradeRange(lowest: "G1", highest: "G6")),
            ("DATA-02", "Data Protection for Managers", .unit(try directorates[min(1, directorates.count - 1)].requireID(), includeSubunits: true)),
        ]
        for (code, title, rule) in rules {
            let course = Course()
            course.code = code; course.title = title; course.summary = title; course.mode = Course.Mode.online.rawValue
            course.provider = "Bench"; course.duration = "1 hour"; course.validityMonths = 24
            try await course.create(on: db)
            let requirement = TrainingRequirement()
            requirement.$course.id = try course.requireID()
            requirement.audienceJSON = String(decoding: try JSONEncoder().encode(Audience(name: title, rules: [rule])), as: UTF8.self)
            requirement.reason = "Bench"; requirement.dueWithinDays = 90; requirement.appliesFrom = today.adding(months: -36).description
            try await requirement.create(on: db)
        }
        try await db.sql.raw("UPDATE training_requirements SET applies_from = \(bind: today.adding(months: -36).description)").run()
        try await db.sql.raw("DELETE FROM \(ident: ComplianceRecords.table)").run()
        try await ComplianceRecords.refresh(today: today, on: db)
    }

    /// An LMS export of `count` completions: each person's courses done once or more, years apart.
    static func export(refs: [String], codes: [String], count: Int, today: CalendarDate) -> String {
        var random = SplitMix64(seed: 42)
        var lines = ["employee_ref,course_code,completed_on"]
        lines.reserveCapacity(count + 1)
        var round = 0
        while lines.count <= count {
            for ref in refs {
                for code in codes where random.chance(0.6) {
                    let day = today.adding(days: -(round * 400 + random.int(below: 380)))
                    lines.append("\(ref),\(code),\(day)")
                    if lines.count > count { break }
                }
                if lines.count > count { break }
            }
            round += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Timing { var median: Double; var p95: Double }

    private static func time(_ runs: Int, _ render: () async throws -> String) async throws -> Timing {
        var timings: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let html = try await render()
            guard !html.isEmpty else { throw CommandFailure("a page did not render") }
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        timings.sort()
        return Timing(median: timings[timings.count / 2], p95: timings[min(timings.count - 1, Int(Double(timings.count) * 0.95))])
    }

    private static func seconds(since start: Date) -> String { String(format: "%.1f", Date().timeIntervalSince(start)) }
}
