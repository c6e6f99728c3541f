import CapableCore
import Fluent
import Plot
import Vapor

/// Administrators manage accounts: make them, grant roles, deactivate, reset passwords.
enum AccountsController {
    struct Form: Content {
        var display_name: String?
        var email: String?
        var roles: [String]?
        var active: [String]?
        var employee_ref: String?
        var hr_units: String?

        var employeeRef: String { (employee_ref ?? "").trimmingCharacters(in: .whitespaces) }
        var hrUnits: String { (hr_units ?? "").trimmingCharacters(in: .whitespaces) }
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        AccountsPage.view(.init(rows: try await AccountsAdmin.list(on: req.database)), context: PageContext(req))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        AccountFormPage.view(.init(accountID: nil, displayName: "", email: "", roles: [], active: true, errors: [], notice: nil),
                             context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let name = (form.display_name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = Account.normalise(email: form.email ?? "")
        let roles = form.roles ?? []
        var errors = AccountsAdmin.problems(displayName: name, email: email, roles: roles)
        if errors.isEmpty, try await Account.query(on: req.database).filter(\.$email == email).count() > 0 {
            errors.append(FieldError(field: "email", message: "An account with this email address already exists"))
        }
        let links = try await AccountsAdmin.links(employeeRef: form.employeeRef, hrUnits: form.hrUnits, on: req.database)
        errors += links.errors
        guard errors.isEmpty else {
            let model = AccountFormPage.Model(accountID: nil, displayName: name, email: email, roles: Set(roles.compactMap(Role.init)),
                                              active: true, errors: errors, notice: nil, employeeRef: form.employeeRef, hrUnits: form.hrUnits)
            return AccountFormPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        let password = AccountsAdmin.temporaryPassword()
        let account = Account(email: email, displayName: name, passwordHash: try await req.password.async.hash(password))
        account.$person.id = links.person
        try await req.create(account)
        try await AccountsAdmin.setRoles(Set(roles.compactMap(Role.init)), of: account, on: req)
        try await AccountsAdmin.setHRUnits(links.units, of: account, on: req)
        let notice = AccountFormPage.Notice(heading: "Account created", password: password)
        let model = AccountFormPage.Model(accountID: account.id, displayName: name, email: email,
                                          roles: Set(roles.compactMap(Role.init)), active: true, errors: [], notice: notice,
                                          employeeRef: form.employeeRef, hrUnits: try await AccountsAdmin.unitCodes(of: try account.requireID(), on: req.database))
        return AccountFormPage.view(model, context: PageContext(req)).response(status: .created)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let account = try await find(req)
        return AccountFormPage.view(try await model(account, errors: [], notice: req.query[String.self, at: "done"] == "saved"
                                                    ? .init(heading: "Changes saved", password: nil) : nil, on: req.database),
                                    context: PageContext(req))
    }

    /// The form as stored for an account.
    static func model(_ account: Account, errors: [FieldError], notice: AccountFormPage.Notice?, on db: any Database) async throws -> AccountFormPage.Model {
        let id = try account.requireID()
        var person: Person?
        if let personID = account.$person.id { person = try await Person.find(personID, on: db) }
        return AccountFormPage.Model(accountID: id, displayName: account.displayName, email: account.email,
                                     roles: Set(account.roles.compactMap { Role(rawValue: $0.role) }), active: account.active,
                                     errors: errors, notice: notice, employeeRef: person?.employeeRef ?? "",
                                     hrUnits: try await AccountsAdmin.unitCodes(of: id, on: db))
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let account = try await find(req)
        let form = try req.content.decode(Form.self)
        let roles = Set((form.roles ?? []).compactMap(Role.init))
        let active = form.active?.contains("yes") == true
        var errors = AccountsAdmin.problems(displayName: account.displayName, email: account.email, roles: form.roles ?? [])
        // Nobody can lock themselves out of administration by accident.
        if account.id == principal.accountID, !roles.contains(.admin) {
            errors.append(FieldError(field: "roles", message: "You cannot remove your own administrator role; ask another administrator"))
        }
        if account.id == principal.accountID, !active {
            errors.append(FieldError(field: "active", message: "You cannot deactivate your own account"))
        }
        let links = try await AccountsAdmin.links(employeeRef: form.employeeRef, hrUnits: form.hrUnits, on: req.database)
        errors += links.errors
        guard errors.isEmpty else {
            let model = AccountFormPage.Model(accountID: account.id, displayName: account.displayName, email: account.email,
                                              roles: roles, active: active, errors: errors, notice: nil,
                                              employeeRef: form.employeeRef, hrUnits: form.hrUnits)
            return AccountFormPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        try await req.update(account) { account in
            account.active = active
            account.$person.id = links.person
        }
        if !active { try await Sessions.endAll(accountID: try account.requireID(), on: req.database) }
        try await AccountsAdmin.setRoles(roles, of: account, on: req)
        try await AccountsAdmin.setHRUnits(links.units, of: account, on: req)
        return req.redirect(to: SiteURL.adminAccount(try account.requireID()).path + "?done=saved", redirectType: .normal)
    }

    @Sendable static func resetPassword(req: Request) async throws -> Response {
        let account = try await find(req)
        let password = AccountsAdmin.temporaryPassword()
        let hash = try await req.password.async.hash(password)
        try await req.update(account) { account in
            account.passwordHash = hash
            account.passwordChangedAt = Date()
        }
        try await Sessions.endAll(accountID: try account.requireID(), on: req.database)
        let model = try await model(account, errors: [], notice: .init(heading: "Password reset; the person has been signed out", password: password),
                                    on: req.database)
        return AccountFormPage.view(model, context: PageContext(req)).response(status: .ok)
    }

    private static func find(_ req: Request) async throws -> Account {
        guard let id = req.parameters.get("accountID", as: UUID.self),
              let account = try await Account.query(on: req.database).filter(\.$id == id).with(\.$roles).first()
        else { throw AppError.notFound }
        return account
    }
}
