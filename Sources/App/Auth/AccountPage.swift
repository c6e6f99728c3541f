import Foundation
import Plot

/// Your account: who you are signed in as, your roles, password and API tokens.
enum AccountPage {
    struct Token: Encodable {
        var id: UUID
        var name: String
        var createdAt: String
        var lastUsedAt: String?
    }

    struct Model: Encodable {
        var email: String
        var displayName: String
        var roles: [String]
        var passwordChangedAt: String?
        var tokens: [Token]
        var banner: String?
        /// A token just made: shown on this page once, never again.
        var newToken: String?
        var tokenErrors: [FieldError]
        var tokenName: String
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Your account", breadcrumbs: [("Home", .home)], hasErrors: !model.tokenErrors.isEmpty),
                    context: context,
            .unwrap(model.banner) { Components.successBanner(title: "Success", heading: $0) },
            Components.errorSummary(model.tokenErrors),
            Components.heading("Your account"),
            Components.summaryList([
                ("Name", H.text(model.displayName)),
                ("Email address", H.text(model.email)),
                ("Roles", H.text(model.roles.isEmpty ? "None: you see your own records and your team's" : model.roles.joined(separator: ", "))),
                ("Password", .group(
                    H.text(model.passwordChangedAt.map { "Last changed \($0). " } ?? ""),
                    H.link("Change password", to: .accountPassword)
                )),
            ]),
            H.el("h2", H.cls("govuk-heading-m"), H.text("API tokens")),
            Components.paragraph("A token lets another system use Capable's JSON API as you. Treat it like a password."),
            .unwrap(model.newToken) { token in
                H.el("div", H.cls("govuk-inset-text"),
                    H.el("p", H.cls("govuk-body"), H.el("strong", H.text("Copy this token now. It will not be shown again."))),
                    H.el("pre", H.cls("govuk-code"), H.attr("aria-label", "New API token"), H.attr("tabindex", "0"), H.text(token)))
            },
            tokenTable(model.tokens, csrf: context.csrfToken),
            Components.form(action: .accountTokens, csrf: context.csrfToken,
                Components.input(.init(name: "name", label: "Name for a new token", hint: "For example, the HR system that will use it",
                                       value: model.tokenName, width: "20"), errors: model.tokenErrors),
                Components.button("Create token", style: "secondary")
            )
        )
    }

    private static func tokenTable(_ tokens: [Token], csrf: String?) -> BodyNode {
        guard !tokens.isEmpty else { return Components.paragraph("You have no API tokens.") }
        return Components.table(caption: "Your API tokens", headers: ["Name", "Created", "Last used", "Action"], rows: tokens.map { token in
            [
                H.text(token.name), H.text(token.createdAt), H.text(token.lastUsedAt ?? "Never"),
                Components.form(action: .revokeToken(token.id), csrf: csrf, confirm: "Revoke this token? Systems using it will stop working.",
                    H.el("button", H.cls("govuk-button govuk-button--warning"), H.attr("type", "submit"),
                         H.text("Revoke"), H.el("span", H.cls("govuk-visually-hidden"), H.text(" token \(token.name)"))))
            ]
        })
    }
}
