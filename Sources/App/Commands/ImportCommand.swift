import CapableCore
import Foundation
import Vapor

/// `capable import people FILE.csv [--dry-run] [--deactivate-missing]`: the HR import without a
/// browser. Prints what would change and every error; applies only when there is no error.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "people")
        var what: String
        @Argument(name: "file", help: "the CSV file exported from the HR system")
        var file: String
        @Flag(name: "dry-run", help: "show what would change, write nothing")
        var dryRun: Bool
        @Flag(name: "deactivate-missing", help: "mark people who are not in the file as leavers")
        var deactivateMissing: Bool
    }

    var help: String { "Imports people from an HR system's CSV export (capable import people FILE.csv [--dry-run] [--deactivate-missing])" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "people" else { throw CommandFailure("Unknown import '\(signature.what)'; use: capable import people FILE.csv") }
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
}
