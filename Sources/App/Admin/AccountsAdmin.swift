import CapableCore
import Fluent
import Vapor

/// Account rules for administrators, shared by the pages and (later) the API.
enum AccountsAdmin {
    struct Row: Codable, Sendable {
        var id: UUID
        var email: String
        var displayName: String
        var roles: [String]
        var active: Bool
    }

    static func list(on db: any Database) async throws -> [Row] {
        try await Account.query(on: db).with(\.$roles).sort(\.$displayName).all().compactMap { account in
            account.id.map { Row(id: $0, email: account.email, displayName: account.displayName,
                                 roles: roleLabels(account.roles), active: account.active) }
        }
    }

    static func roleLabels(_ roles: [AccountRole]) -> [String] {
        roles.compactMap { Role(rawValue: $0.role) }.sorted().map(\.label)
    }

    /// A password for a new account or a reset: random, shown once to the administrator, who
    /// passes it on; the person then changes it.
    static func temporaryPassword() -> String { String(Secret.make().prefix(20)) }

    static func problems(displayName: String, email: String, roles: [String]) -> [FieldError] {
        var errors: [FieldError] = []
        if displayName.isEmpty { errors.append(FieldError(field: "display_name", message: "Enter the person's name")) }
        if displayName.count > 200 { errors.append(FieldError(field: "display_name", message: "Name must be 200 characters or fewer")) }
        if !EmailAddress.isPlausible(email) {
            errors.append(FieldError(field: "email", message: "Enter an email address in the correct format, like name@example.org"))
        }
        if roles.contains(where: { Role(rawValue: $0) == nil }) {
            errors.append(FieldError(field: "roles", message: "Choose roles from the list"))
        }
        return errors
    }

    /// Replaces an account's roles and records the change.
    static func setRoles(_ roles: Set<Role>, of account: Account, on req: Request) async throws {
        let id = try account.requireID()
        let before = Set(try await AccountRole.query(on: req.database).filter(\.$account.$id == id).all().compactMap { Role(rawValue: $0.role) })
        guard before != roles else { return }
        try await AccountRole.query(on: req.database).filter(\.$account.$id == id).delete()
        for role in roles.sorted() { try await AccountRole(accountID: id, role: role.rawValue).create(on: req.database) }
        func text(_ set: Set<Role>) -> String? { set.isEmpty ? nil : set.sorted().map(\.rawValue).joined(separator: ",") }
        try await req.audit("update", entity: Account.auditEntity, id: id.uuidString,
                            changes: [FieldChange(field: "roles", old: text(before), new: text(roles))])
    }
}
