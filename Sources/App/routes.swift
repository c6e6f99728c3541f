import Vapor

/// Every route with its policy. A route added without `.policy(...)` is refused at run time and
/// fails the route-walk test.
func routes(_ app: Application) throws {
    app.get("health", use: HomeController.health).policy(.anyone)
    app.get(use: HomeController.home).policy(.signedIn)

    app.get("login", use: LoginController.show).policy(.anyone)
    app.post("login", use: LoginController.login).policy(.anyone)
    app.post("logout", use: LoginController.logout).policy(.anyone)
    app.get("setup", ":token", use: SetupController.show).policy(.anyone)
    app.post("setup", ":token", use: SetupController.create).policy(.anyone)

    let account = app.grouped("account")
    account.get(use: AccountController.show).policy(.signedIn)
    account.get("password", use: AccountController.passwordForm).policy(.signedIn)
    account.post("password", use: AccountController.changePassword).policy(.signedIn)
    account.post("tokens", use: AccountController.createToken).policy(.signedIn)
    account.post("tokens", ":tokenID", "revoke", use: AccountController.revokeToken).policy(.signedIn)

    app.get("admin", use: HomeController.admin).policy(.role(.admin))
    app.get("admin", "audit", use: AuditController.index).policy(.role(.admin))
    let accounts = app.grouped("admin", "accounts")
    accounts.get(use: AccountsController.index).policy(.role(.admin))
    accounts.get("new", use: AccountsController.newForm).policy(.role(.admin))
    accounts.post(use: AccountsController.create).policy(.role(.admin))
    accounts.get(":accountID", use: AccountsController.show).policy(.role(.admin))
    accounts.post(":accountID", use: AccountsController.update).policy(.role(.admin))
    accounts.post(":accountID", "reset-password", use: AccountsController.resetPassword).policy(.role(.admin))
    let people = app.grouped("people")
    people.get(use: PeopleController.index).policy(.signedIn)
    people.get("team", use: PeopleController.team).policy(.signedIn)
    people.get("roles", use: JobRolesController.index).policy(.signedIn)
    people.get("audiences", use: AudiencesController.preview).policy(.anyRole([.hr, .admin]))
    people.get("roles", "new", use: JobRolesController.newForm).policy(.anyRole([.hr, .admin]))
    people.post("roles", use: JobRolesController.save).policy(.anyRole([.hr, .admin]))
    people.get("roles", ":roleID", use: JobRolesController.show).policy(.signedIn)
    people.get("roles", ":roleID", "edit", use: JobRolesController.editForm).policy(.anyRole([.hr, .admin]))
    people.post("roles", ":roleID", use: JobRolesController.save).policy(.anyRole([.hr, .admin]))
    people.get("export.csv", use: ExportController.people).policy(.anyRole([.hr, .admin]))
    app.get("org", "export.csv", use: ExportController.units).policy(.anyRole([.hr, .admin]))
    people.get("import", use: ImportController.form).policy(.anyRole([.hr, .admin]))
    people.on(.POST, "import", body: .collect(maxSize: "50mb"), use: ImportController.upload)
        .policy(.anyRole([.hr, .admin])).bodyLimit("50mb")
    people.get("import", ":importID", use: ImportController.review).policy(.anyRole([.hr, .admin]))
    people.get("import", ":importID", "status", use: ImportController.status).policy(.anyRole([.hr, .admin]))
    people.post("import", ":importID", "mapping", use: ImportController.saveMapping).policy(.anyRole([.hr, .admin]))
    people.post("import", ":importID", "apply", use: ImportController.apply).policy(.anyRole([.hr, .admin]))
    people.get(":personID", use: PeopleController.show).policy(.person(parameter: "personID"))
    app.get("org", use: OrgUnitsController.tree).policy(.signedIn)
    app.get("org", ":unitID", use: OrgUnitsController.show).policy(.signedIn)

    for area in SiteURL.Area.allCases where ![.admin, .people].contains(area) {
        app.get(PathComponent(stringLiteral: area.rawValue), use: HomeController.area(area)).policy(.signedIn)
    }

    let api = app.grouped("api", "v1")
    api.get("openapi.json", use: ApiController.openAPI).policy(.anyone)
    api.get("me", use: ApiController.me).policy(.signedIn)
    api.get("org-units", use: PeopleAPI.orgUnits).policy(.signedIn)
    api.get("job-roles", use: JobRolesAPI.list).policy(.signedIn)
    api.post("job-roles", use: JobRolesAPI.save).policy(.anyRole([.hr, .admin]))
    api.get("job-roles", ":roleID", use: JobRolesAPI.show).policy(.signedIn)
    api.put("job-roles", ":roleID", use: JobRolesAPI.save).policy(.anyRole([.hr, .admin]))
    api.put("job-roles", ":roleID", "requirements", use: JobRolesAPI.setRequirements).policy(.anyRole([.hr, .admin]))
    api.get("people", use: PeopleAPI.list).policy(.signedIn)
    api.post("people", use: PeopleAPI.create).policy(.anyRole([.hr, .admin]))
    api.get("people", ":personID", use: PeopleAPI.show).policy(.person(parameter: "personID"))
    api.put("people", ":personID", use: PeopleAPI.update).policy(.managePerson(parameter: "personID"))
    api.get("people", ":personID", "reports", use: PeopleAPI.reports).policy(.person(parameter: "personID"))
    api.post("account", "password", use: ApiController.changePassword).policy(.signedIn)
    api.get("account", "tokens", use: ApiController.tokens).policy(.signedIn)
    api.post("account", "tokens", use: ApiController.createToken).policy(.signedIn)
    api.delete("account", "tokens", ":tokenID", use: ApiController.revokeToken).policy(.signedIn)

    recruitmentRoutes(app)
}

private func recruitmentRoutes(_ app: Application) {
    let hrOrAdmin = Policy.anyRole([.hr, .admin])
    let role = app.grouped("people", "roles", ":roleID")
    role.get("requirements", use: JobRolesController.requirementsForm).policy(hrOrAdmin)
    role.post("requirements", use: JobRolesController.saveRequirements).policy(hrOrAdmin)
    let spec = role.grouped("person-specification")
    // Published: everyone signed in; drafts only HR and administrators (checked by the handler).
    spec.get(use: PersonSpecificationController.show).policy(.signedIn)
    spec.post(use: PersonSpecificationController.save).policy(hrOrAdmin)
    spec.get("edit", use: PersonSpecificationController.editForm).policy(hrOrAdmin)
    spec.post("generate", use: PersonSpecificationController.generate).policy(hrOrAdmin)
    spec.post("criteria", use: PersonSpecificationController.addCriterion).policy(hrOrAdmin)
    spec.post("publish", use: PersonSpecificationController.publish).policy(hrOrAdmin)
    spec.post("reopen", use: PersonSpecificationController.reopen).policy(hrOrAdmin)

    app.get("api", "v1", "job-roles", ":roleID", "person-specification", use: PersonSpecificationAPI.show).policy(.signedIn)
}
