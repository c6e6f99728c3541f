import Plot

/// Create the first administrator.
enum SetupPage {
    struct Model: Encodable {
        var token: String
        var displayName: String
        var email: String
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Set up Capable", hasErrors: !model.errors.isEmpty), context: context,
            H.el("div", H.cls("govuk-grid-row"), H.el("div", H.cls("govuk-grid-column-two-thirds"),
                Components.errorSummary(model.errors),
                Components.heading("Create the first administrator", caption: "Set up Capable"),
                Components.paragraph("This account can manage other accounts and see the audit log. This link works once."),
                Components.form(action: .setup(token: model.token), csrf: context.csrfToken,
                    Components.input(.init(name: "display_name", label: "Your name", value: model.displayName, autocomplete: "name"), errors: model.errors),
                    Components.input(.init(name: "email", label: "Email address", value: model.email, type: "email",
                                           autocomplete: "username", spellcheck: false), errors: model.errors),
                    Components.input(.init(name: "password", label: "Password", hint: "At least 8 characters.",
                                           type: "password", autocomplete: "new-password"), errors: model.errors),
                    Components.input(.init(name: "confirm_password", label: "Confirm password", type: "password",
                                           autocomplete: "new-password"), errors: model.errors),
                    Components.button("Create administrator")
                )
            ))
        )
    }
}
