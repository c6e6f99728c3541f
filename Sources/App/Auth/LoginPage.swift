import Plot

/// The sign-in page.
enum LoginPage {
    struct Model: Encodable {
        var email: String
        var next: String?
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Sign in", hasErrors: !model.errors.isEmpty), context: context,
            H.el("div", H.cls("govuk-grid-row"), H.el("div", H.cls("govuk-grid-column-two-thirds"),
                Components.errorSummary(model.errors),
                Components.heading("Sign in to Capable"),
                Components.form(action: .login, csrf: context.csrfToken,
                    .unwrap(model.next) { next in H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]) },
                    Components.input(.init(name: "email", label: "Email address", value: model.email, type: "email",
                                           autocomplete: "username", spellcheck: false), errors: model.errors),
                    Components.input(.init(name: "password", label: "Password", type: "password",
                                           autocomplete: "current-password"), errors: model.errors),
                    Components.button("Sign in")
                )
            ))
        )
    }
}
