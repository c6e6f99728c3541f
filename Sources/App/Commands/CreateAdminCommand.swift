import CapableCore
import Fluent
import Vapor

/// `capable create-admin --email E [--name N]`: the first (or another) administrator without a
/// browser. The password comes from CAPABLE_ADMIN_PASSWORD or standard input, never an argument,
/// so it does not end up in shell history or the process list.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "The administrator's email address")
        var email: String?
        @Option(name: "name", help: "The administrator's name (default: the part of the email before @)")
        var name: String?
        @Option(name: "employee-ref", help: "Link the account to this person's staff record")
        var employeeRef: String?
    }

    var help: String { "Creates an administrator account (password from CAPABLE_ADMIN_PASSWORD or standard input)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let email = try CommandFailure.requireEmail(signature.email, example: "capable create-admin --email admin@example.org")
        let password = ProcessInfo.processInfo.environment["CAPABLE_ADMIN_PASSWORD"] ?? Self.readPassword(context.console)
        let name = signature.name ?? String(email.split(separator: "@").first ?? Substring(email))
        let admin = Setup.NewAdmin(displayName: name, email: email, password: password)
        let problems = Setup.problems(admin, confirm: nil, policy: app.passwordPolicy)
        guard problems.isEmpty else {
            throw CommandFailure(problems.map { "\($0.field): \($0.message)" }.joined(separator: "\n"))
        }
        if try await Account.query(on: app.db).filter(\.$email == email).count() > 0 {
            throw CommandFailure("An account with the email \(email) already exists")
        }
        var personID: UUID?
        if let ref = signature.employeeRef {
            guard let person = try await AccountsAdmin.person(employeeRef: ref, on: app.db) else {
                throw CommandFailure("No staff record has employee reference \(ref)")
            }
            personID = person.id
        }
        let hash = try await app.password.async.hash(password)
        let account = try await Setup.createAdmin(admin, hash: hash, context: .system, on: app.db)
        if let personID {
            try await app.db.writeTransaction { tx in
                account.$person.id = personID
                try await account.save(on: tx)
                try await Audit.append("update", entity: Account.auditEntity, id: account.id?.uuidString,
                                       changes: [FieldChange(field: "person_id", old: nil, new: personID.uuidString)], context: .system, on: tx)
            }
        }
        context.console.print("Created administrator \(email)")
    }
}

extension CreateAdminCommand {
    /// At a terminal, asks without echoing what is typed; from a pipe, reads one line.
    static func readPassword(_ console: any Console) -> String {
        if isatty(0) == 1 { return console.ask("Password for the new administrator:".consoleText(), isSecure: true) }
        return readLine(strippingNewline: true) ?? ""
    }
}

/// An error a command reports in plain words, with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }

    /// The `--email` option, normalised, or a failure that shows how to give it.
    static func requireEmail(_ option: String?, example: String) throws -> String {
        guard let email = option.map(Account.normalise(email:)), !email.isEmpty else {
            throw CommandFailure("--email is required, for example: \(example)")
        }
        return email
    }
}
