import Plot

/// All accounts, for administrators.
enum AccountsPage {
    struct Model: Encodable {
        var rows: [AccountsAdmin.Row]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Accounts", area: .admin, breadcrumbs: [("Home", .home), ("Admin", .area(.admin))]), context: context,
            Components.heading("Accounts"),
            H.el("p", H.cls("govuk-body"), H.link("Create an account", to: .adminNewAccount, class: "govuk-button")),
            Components.table(caption: "\(model.rows.count) accounts", headers: ["Name", "Email address", "Roles", "Status"], rows: model.rows.map { row in
                [
                    H.link(row.displayName, to: .adminAccount(row.id)), H.text(row.email),
                    H.text(row.roles.isEmpty ? "None" : row.roles.joined(separator: ", ")),
                    row.active ? Components.tag("Active", colour: "green") : Components.tag("Deactivated", colour: "grey"),
                ]
            })
        )
    }
}
