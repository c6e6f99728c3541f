import CapableCore
import Foundation
import Vapor

/// `capable seed demo` loads the fictional demo council; `capable seed frameworks` loads the
/// built-in framework content (also done on every start).
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "demo, frameworks, synthetic or risks")
        var what: String
        @Option(name: "people", help: "synthetic: how many people (default 30000)")
        var people: Int?
        @Option(name: "seed", help: "synthetic: the random seed, for the same council every time (default 1)")
        var seed: Int?
        @Option(name: "csv", help: "synthetic: also write the council as an HR export CSV to this file")
        var csv: String?
        @Option(name: "risks", help: "risks: how many risks on the corporate register (default 2000)")
        var risks: Int?
        @Option(name: "years", help: "risks: years of quarterly assessments for each (default 5)")
        var years: Int?
    }

    var help: String { "Loads data: 'demo' (a fictional council with demo accounts) or 'frameworks' (built-in content)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        switch signature.what {
        case "frameworks":
            let added = try await BuiltInFrameworks.load(on: app.db)
            let courses = try await BuiltInLearning.load(on: app.db)
            try await BuiltInRisk.load(on: app.db)
            context.console.print("Built-in frameworks: \(added) added; mandatory courses: \(courses) added")
        case "demo":
            try await BuiltInFrameworks.load(on: app.db)
            let hasher = app.password.async
            let accounts = try await DemoCouncil.load(on: app.db) { try await hasher.hash($0) }
            context.console.print("Loaded the demo council: \(DemoCouncil.units.count) units, \(DemoCouncil.people.count) people.")
            context.console.print("Demo accounts (passwords are shown this once):")
            for account in accounts {
                let roles = account.roles.isEmpty ? "staff/manager" : account.roles.map(\.rawValue).joined(separator: ", ")
                context.console.print("  \(account.email)  \(account.password)  (\(roles))")
            }
        case "risks":
            let started = Date()
            let (risks, rows) = try await SyntheticRisks.seed(risks: max(1, signature.risks ?? 2000), years: max(1, signature.years ?? 5), on: app.db)
            context.console.print(String(format: "Seeded %d risks with %d assessments in %.1f s", risks, rows, Date().timeIntervalSince(started)))
        case "synthetic":
            try await seedSynthetic(signature, app: app, console: context.console)
        default:
            throw CommandFailure("Unknown seed '\(signature.what)'; use: capable seed demo, capable seed frameworks, capable seed synthetic or capable seed risks")
        }
    }

    /// A synthetic council through the same import the HR file goes through, so the data obeys
    /// the same rules and the seed exercises the importer.
    private func seedSynthetic(_ signature: Signature, app: Application, console: any Console) async throws {
        let size = signature.people ?? 30_000
        guard (1...1_000_000).contains(size) else { throw CommandFailure("--people must be from 1 to 1000000") }
        let started = Date()
        let council = SyntheticCouncil.generate(people: size, seed: UInt64(max(0, signature.seed ?? 1)), today: .today)
        let rows = council.hrRows()
        if let path = signature.csv {
            let text = CSV.write(header: SyntheticOrganisation.hrHeader, rows: rows)
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw CommandFailure("Cannot write \(path)") }
            console.print("Wrote \(rows.count) rows to \(path)")
        }
        let table = CSVTable(header: SyntheticOrganisation.hrHeader, rows: rows.enumerated().map { CSVRow(line: $0.offset + 2, cells: $0.element) })
        do {
            let outcome = try await PeopleImport.apply(table, mapping: .automatic(header: table.header), deactivateMissing: false, today: .today,
                                                       context: AuditContext(actorID: nil, actorLabel: "capable seed synthetic", requestID: nil, address: nil),
                                                       on: app.db)
            console.print("Synthetic council: \(outcome.unitsCreated) units, \(outcome.created) people created, \(outcome.updated) updated, "
                          + "in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            if let manager = council.manager(withReportingLineNear: 2_000) {
                console.print("Manager with a large reporting line: \(manager.employeeRef) (\(manager.reports) people)")
            }
        } catch let rejected as PeopleImport.Rejected {
            throw CommandFailure("The synthetic council did not import: \(rejected.plan.errors.prefix(5).map(\.description).joined(separator: "; "))")
        }
    }
}
