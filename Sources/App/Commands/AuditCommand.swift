import Vapor

/// `capable audit verify`: checks the audit log's hash chain; exits non-zero when it is broken.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Checks the audit log has not been edited (capable audit verify)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw CommandFailure("Unknown action \(signature.action); use: capable audit verify") }
        switch try await Audit.verify(on: context.application.db) {
        case .intact(let count):
            context.console.print("Audit log intact: \(count) events verified")
        case .broken(let sequence, let reason):
            throw CommandFailure("Audit log broken at event \(sequence): \(reason)")
        }
    }
}
