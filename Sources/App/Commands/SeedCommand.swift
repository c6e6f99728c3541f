import Vapor

/// `capable seed demo` loads the fictional demo council; `capable seed frameworks` loads the
/// built-in framework content (also done on every start).
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "demo or frameworks")
        var what: String
    }

    var help: String { "Loads data: 'demo' (a fictional council with demo accounts) or 'frameworks' (built-in content)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        switch signature.what {
        case "frameworks":
            let added = try await BuiltInFrameworks.load(on: app.db)
            context.console.print("Built-in frameworks: \(added) added")
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
        default:
            throw CommandFailure("Unknown seed '\(signature.what)'; use: capable seed demo, or capable seed frameworks")
        }
    }
}
