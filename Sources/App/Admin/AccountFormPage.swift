import CapableCore
import Foundation
import Plot

/// Create an account, or change one's roles and status.
enum AccountFormPage {
    struct Notice: Encodable {
        var heading: String
        /// A temporary password, shown this once.
        var password: String?
    }

    struct Model: Encodable {
        var accountID: UUID?
        var displayName: String
        var email: String
        var roles: Set<Role>
        var active: Bool
        var errors: [FieldError]
        var notice: Notice?
        var employeeRef: String = ""
        var hrUnits: String = ""
    }

    static let roleHints: [Role: String] = [
        .admin: "Manages accounts and sees the audit log",
        .hr: "Sees and manages everyone's people development records, frameworks and imports",
        .risk: "Manages risk registers",
        .topTeam: "Sees the corporate risk register and organisation-wide reports",
    ]

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = model.accountID == nil ? "Create an account" : model.displayName
        let roles = Components.checkboxes(name: "roles", legend: "Roles",
            hint: "Line managers need no role: Capable knows who manages whom from the people records.",
            choices: Role.allCases.map { .init(value: $0.rawValue, label: $0.label, hint: roleHints[$0], checked: model.roles.contains($0)) },
            errors: model.errors)
        let links: BodyNode = .group(
            Components.input(.init(name: "employee_ref", label: "Employee reference", hint: "Links the account to the person's staff record, so Capable knows whose record it is and who they manage",
                                   value: model.employeeRef, width: "10", spellcheck: false), errors: model.errors),
            Components.input(.init(name: "hr_units", label: "Units HR looks after", hint: "For the HR role: organisation unit codes, separated by commas. Their sub-units are included.",
                                   value: model.hrUnits, width: "20", spellcheck: false), errors: model.errors))
        return Layout.page(PageFrame(title: title, area: .admin, breadcrumbs: [("Home", .home), ("Admin", .area(.admin)), ("Accounts", .adminAccounts)],
                                     hasErrors: !model.errors.isEmpty), context: context,
            .unwrap(model.notice) { notice in
                .group(
                    Components.successBanner(title: "Success", heading: notice.heading),
                    .unwrap(notice.password) { password in
                        H.el("div", H.cls("govuk-inset-text"),
                            H.el("p", H.cls("govuk-body"), H.text("Temporary password, shown this once. Give it to the person securely; they should change it when they first sign in.")),
                            H.el("pre", H.cls("govuk-code"), H.attr("aria-label", "Temporary password"), H.attr("tabindex", "0"), H.text(password)))
                    }
                )
            },
            Components.errorSummary(model.errors),
            Components.heading(title, caption: model.accountID == nil ? "Accounts" : model.email),
            H.el("div", H.cls("govuk-grid-row"), H.el("div", H.cls("govuk-grid-column-two-thirds"),
                .unwrap(model.accountID, { id in
                    .group(
                        Components.form(action: .adminAccount(id), csrf: context.csrfToken,
                            links,
                            roles,
                            Components.checkboxes(name: "active", legend: "Status", hint: "A deactivated account cannot sign in and is signed out at once.",
                                                  choices: [.init(value: "yes", label: "Account is active", checked: model.active)], errors: model.errors),
                            Components.button("Save changes")),
                        H.el("h2", H.cls("govuk-heading-m"), H.text("Password")),
                        Components.form(action: .adminResetPassword(id), csrf: context.csrfToken,
                                        confirm: "Reset this password? The person will be signed out everywhere.",
                            Components.button("Reset password", style: "warning"))
                    )
                }, else: Components.form(action: .adminAccounts, csrf: context.csrfToken,
                    Components.input(.init(name: "display_name", label: "Name", value: model.displayName, autocomplete: "off"), errors: model.errors),
                    Components.input(.init(name: "email", label: "Email address", value: model.email, type: "email",
                                           autocomplete: "off", spellcheck: false), errors: model.errors),
                    links,
                    roles,
                    Components.button("Create account")))
            ))
        )
    }
}
