import Fluent
import Vapor

/// `capable create-token --email E [--name N]`: an API token for an integration, printed once.
struct CreateTokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The account the token acts as")
        var email: String?
        @Option(name: "name", help: "What the token is for (default: command line)")
        var name: String?
    }

    var help: String { "Creates an API token for an account and prints it once" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let email = try CommandFailure.requireEmail(signature.email, example: "capable create-token --email hr-feed@example.org")
        let name = signature.name ?? "command line"
        if let problem = ApiTokens.nameProblem(name, field: "name") { throw CommandFailure(problem.message) }
        guard let account = try await Account.query(on: app.db).filter(\.$email == email).filter(\.$active == true).first(),
              let accountID = account.id
        else { throw CommandFailure("No active account has the email \(email)") }
        let (_, secret) = try await ApiTokens.create(name: name, accountID: accountID, context: .system, on: app.db)
        context.console.print(secret)
    }
}
