import CapableCore
import Foundation
import Vapor

/// `capable import people FILE.csv [--dry-run] [--deactivate-missing]`: the HR import without a
/// browser. Prints what would change and every error; applies only when there is no error.
/// `capable import framework FILE [--framework ID | --title T --owner O --kind K]`: a CASE JSON or
/// CSV framework file, checked whole and written as one draft (or not at all).
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "people, completions or framework")
        var what: String
        @Argument(name: "file", help: "the CSV file exported from the HR system, or a framework's CASE JSON or CSV file")
        var file: String
        @Flag(name: "dry-run", help: "show what would change, write nothing")
        var dryRun: Bool
        @Flag(name: "deactivate-missing", help: "mark people who are not in the file as leavers")
        var deactivateMissing: Bool
        @Option(name: "framework", help: "framework CSV: the id of the framework it is a new version of")
        var framework: String?
        @Option(name: "title", help: "framework CSV: the new framework's title")
        var title: String?
        @Option(name: "owner", help: "framework CSV: the new framework's owner (default: the title)")
        var owner: String?
        @Option(name: "kind", help: "framework CSV: guidingPrinciples, coreValues, leadership or custom (default)")
        var kind: String?
    }

    var help: String {
        "Imports people from an HR system's CSV export (capable import people FILE.csv [--dry-run] [--deactivate-missing]) "
            + "or learning completions from a learning system's export (capable import completions FILE.csv [--dry-run]) "
            + "or a framework (capable import framework FILE.json|FILE.csv [--framework ID | --title T --owner O --kind K])"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.what == "framework" { return try await importFramework(using: context, signature: signature) }
        if signature.what == "completions" { return try await importCompletions(using: context, signature: signature) }
        guard signature.what == "people" else {
            throw CommandFailure("Unknown import '\(signature.what)'; use: capable import people FILE.csv, capable import completions FILE.csv, or capable import framework FILE")
        }
        let app = context.application
        try await app.autoMigrate()
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure("Cannot read \(signature.file)")
        }
        let table: CSVTable
        do { table = try PeopleImport.read(data) } catch let error as CSVError { throw CommandFailure("\(signature.file): \(error)") }
        let mapping = ColumnMapping.automatic(header: table.header)
        let today = CalendarDate.today
        let started = Date()
        if signature.dryRun {
            let plan = try await PeopleImport.plan(table, mapping: mapping, deactivateMissing: signature.deactivateMissing, today: today, on: app.db)
            report(plan, console: context.console)
            if !plan.canApply { throw CommandFailure("\(plan.errors.count) errors; nothing would be imported") }
            context.console.print("Dry run: nothing was written.")
            return
        }
        do {
            let outcome = try await PeopleImport.apply(table, mapping: mapping, deactivateMissing: signature.deactivateMissing, today: today,
                                                       context: AuditContext(actorID: nil, actorLabel: "capable import", requestID: nil, address: nil),
                                                       on: app.db)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            context.console.print("Imported \(table.rows.count) rows in \(seconds) s: \(outcome.created) created, \(outcome.updated) updated, "
                                  + "\(outcome.unchanged) unchanged, \(outcome.deactivated) deactivated; "
                                  + "\(outcome.unitsCreated) units created, \(outcome.unitsUpdated) updated.")
        } catch let rejected as PeopleImport.Rejected {
            report(rejected.plan, console: context.console)
            throw CommandFailure("\(rejected.plan.errors.count) errors; nothing was imported")
        }
    }

    private func report(_ plan: HRImportPlan, console: any Console) {
        console.print("Would create \(plan.created), update \(plan.updated), leave \(plan.unchanged) unchanged, deactivate \(plan.deactivated); "
                      + "units: create \(plan.unitsCreated), update \(plan.unitsUpdated).")
        for error in plan.errors.prefix(200) { console.print(error.description) }
        if plan.errors.count > 200 { console.print("… and \(plan.errors.count - 200) more errors") }
    }

    private func importFramework(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await BuiltInFrameworks.load(on: app.db)
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("Cannot read \(signature.file)") }
        var target: FrameworkExchange.Target?
        if let id = signature.framework {
            guard let uuid = UUID(uuidString: id) else { throw CommandFailure("--framework must be a framework id, not \(id)") }
            target = .existing(uuid)
        } else if let title = signature.title {
            guard let kind = FrameworkDocument.Kind(rawValue: signature.kind ?? "custom") else {
                throw CommandFailure("--kind must be one of \(FrameworkDocument.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            target = .new(title: title, kind: kind, owner: signature.owner ?? title)
        }
        do {
            let version = try await FrameworkExchange.importFile(
                data, filename: URL(fileURLWithPath: signature.file).lastPathComponent, target: target,
                context: AuditContext(actorID: nil, actorLabel: "capable import", requestID: nil, address: nil), on: app.db)
            context.console.print("Imported \(version.title) as version \(version.version) (\(version.status)); framework id \(version.lineage.uuidString.lowercased())")
        } catch let rejected as FrameworkExchange.Rejected {
            for problem in rejected.problems { context.console.print(problem) }
            throw CommandFailure("\(rejected.problems.count == 1 ? "1 problem" : "\(rejected.problems.count) problems"); nothing was imported")
        }
    }

    /// `capable import completions FILE.csv [--dry-run]`: an LMS export of
    /// `employee_ref, course_code, completed_on`, checked whole and applied in one transaction.
    private func importCompletions(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await BuiltInLearning.load(on: app.db)
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw CommandFailure("Cannot read \(signature.file)") }
        let started = Date()
        let table: CSVTable
        do { table = try PeopleImport.read(data) } catch let error as CSVError { throw CommandFailure("\(signature.file): \(error)") }
        let plan = try await Completions.plan(table, on: app.db)
        context.console.print("\(table.rows.count) rows: \(plan.rows.count) completions to record, \(plan.repeated) repeated rows, \(plan.errors.count) errors.")
        for error in plan.errors.prefix(200) { context.console.print(error.description) }
        if plan.errors.count > 200 { context.console.print("… and \(plan.errors.count - 200) more errors") }
        guard plan.canApply else { throw CommandFailure(plan.errors.isEmpty ? "The file has no rows; nothing was imported" : "\(plan.errors.count) errors; nothing was imported") }
        if signature.dryRun {
            context.console.print("Dry run: nothing was written.")
            return
        }
        let outcome = try await app.db.writeTransaction { tx in
            try await Completions.apply(plan, context: AuditContext(actorID: nil, actorLabel: "capable import", requestID: nil, address: nil), on: tx)
        }
        context.console.print("Imported in \(String(format: "%.2f", Date().timeIntervalSince(started))) s: \(outcome.summary).")
    }
}
