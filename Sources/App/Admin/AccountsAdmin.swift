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

    /// The staff record an account belongs to, by employee reference (its first assignment).
    static func person(employeeRef: String, on db: any Database) async throws -> Person? {
        try await Person.query(on: db).filter(\.$employeeRef == employeeRef).sort(\.$assignmentNo).first()
    }

    /// Unit ids for comma-separated codes, and the codes that match no unit.
    static func units(codes: String, on db: any Database) async throws -> (ids: [UUID], unknown: [String]) {
        let wanted = codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !wanted.isEmpty else { return ([], []) }
        let found = try await OrgUnit.query(on: db).filter(\.$code ~~ wanted).all()
        let byCode = Dictionary(found.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return (wanted.compactMap { byCode[$0]?.id }, wanted.filter { byCode[$0] == nil })
    }

    /// The unit codes an HR account looks after, for the form.
    static func unitCodes(of accountID: UUID, on db: any Database) async throws -> String {
        try await HRScope.query(on: db).filter(\.$account.$id == accountID).with(\.$orgUnit).all()
            .map(\.orgUnit.code).sorted().joined(separator: ", ")
    }

    /// Replaces the units an HR account looks after, and records the change.
    static func setHRUnits(_ units: [UUID], of account: Account, on req: Request) async throws {
        let id = try account.requireID()
        let before = try await unitCodes(of: id, on: req.database)
        try await HRScope.query(on: req.database).filter(\.$account.$id == id).delete()
        for unit in Set(units) { try await HRScope(accountID: id, orgUnitID: unit).create(on: req.database) }
        let after = try await unitCodes(of: id, on: req.database)
        if before != after {
            try await req.audit("update", entity: Account.auditEntity, id: id.uuidString,
                                changes: [FieldChange(field: "hr_units", old: before.nilIfEmpty, new: after.nilIfEmpty)])
        }
    }

    /// Checks the staff record and HR units given on the form; returns what to link.
    static func links(employeeRef: String, hrUnits: String, on db: any Database) async throws -> (person: UUID?, units: [UUID], errors: [FieldError]) {
        var errors: [FieldError] = []
        var personID: UUID?
        if !employeeRef.isEmpty {
            personID = try await person(employeeRef: employeeRef, on: db)?.id
            if personID == nil { errors.append(FieldError(field: "employee_ref", message: "No staff record has employee reference \(employeeRef)")) }
        }
        let (units, unknown) = try await units(codes: hrUnits, on: db)
        if !unknown.isEmpty {
            errors.append(FieldError(field: "hr_units", message: "No organisation unit has the code \(unknown.joined(separator: ", "))"))
        }
        return (personID, units, errors)
    }
}
