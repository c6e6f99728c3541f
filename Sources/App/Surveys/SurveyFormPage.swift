import CapableCore
import Foundation
import Plot

/// Starting a pulse survey: who it is for, which questions, and when it closes.
enum SurveyFormPage {
    struct Model {
        var form: SurveysController.Form
        var roles: [(UUID, String)]
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let form = model.form, errors = model.errors
        return Layout.page(PageFrame(title: "Start a survey", area: .workshops, breadcrumbs: [("Home", .home), ("Pulse surveys", .surveys(.home))],
                                     hasErrors: !errors.isEmpty), context: context,
            Components.errorSummary(errors),
            Components.heading("Start a survey"),
            Components.form(action: .surveys(.home), csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Components.textarea(name: "intro", label: "A word to the people asked (optional)", value: form.intro ?? "", rows: 3, errors: errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Who is asked")),
                AudiencePage.ruleFields(form.audienceQuery, roles: model.roles, errors: errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Questions")),
                Components.checkboxes(name: "sets", legend: "Built-in questions", hint: "Each is a statement to agree with, from 1 (strongly disagree) to 5 (strongly agree)",
                                      choices: BuiltInQuestions.sets.map { set in
                                          .init(value: set.key, label: set.title, hint: set.questions.map(\.text).joined(separator: " "),
                                                checked: (form.sets ?? []).contains(set.key))
                                      }, errors: errors),
                Components.textarea(name: "questions", label: "Your own statements (optional)", hint: "One per line, answered on the same scale",
                                    value: form.questions ?? "", rows: 3, errors: errors),
                Components.checkboxes(name: "comments", legend: "Comments", choices: [.init(value: "yes", label: "Ask “\(BuiltInQuestions.comments.text)”", checked: form.comments == "yes")],
                                      errors: [], singleField: true),
                Components.input(.init(name: "closes_on", label: "Closing date (optional)", hint: "For example, 31/03/2027", value: form.closes_on, width: "10"), errors: errors),
                Components.button("Start the survey"))
        )
    }
}
