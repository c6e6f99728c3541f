import Plot

/// Change your password.
enum PasswordPage {
    struct Model: Encodable {
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Change your password", breadcrumbs: [("Home", .home), ("Your account", .account)],
                              hasErrors: !model.errors.isEmpty), context: context,
            H.el("div", H.cls("govuk-grid-row"), H.el("div", H.cls("govuk-grid-column-two-thirds"),
                Components.errorSummary(model.errors),
                Components.heading("Change your password"),
                Components.paragraph("Changing your password signs you out everywhere else."),
                Components.form(action: .accountPassword, csrf: context.csrfToken,
                    Components.input(.init(name: "current_password", label: "Current password", type: "password",
                                           autocomplete: "current-password"), errors: model.errors),
                    Components.input(.init(name: "new_password", label: "New password",
                                           hint: "At least 8 characters. A few unrelated words make a strong password that is easy to remember.",
                                           type: "password", autocomplete: "new-password"), errors: model.errors),
                    Components.input(.init(name: "confirm_password", label: "Confirm new password", type: "password",
                                           autocomplete: "new-password"), errors: model.errors),
                    Components.button("Change password")
                )
            ))
        )
    }
}
