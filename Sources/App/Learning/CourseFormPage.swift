import Foundation
import Plot

/// Add or edit a course.
enum CourseFormPage {
    struct Model: Encodable {
        var courseID: UUID?
        var form: Courses.Input
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = model.courseID == nil ? "Add a course" : "Edit the course"
        let form = model.form
        return Layout.page(PageFrame(title: title, area: .learning,
                                     breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning)), ("Courses", .learning(.courses))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(title),
            Components.form(action: model.courseID.map { .learning(.course($0)) } ?? .learning(.courses), csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: model.errors),
                Components.input(.init(name: "code", label: "Code", hint: "The code your learning system's exports use, for example FIRE-01", value: form.code, width: "10", spellcheck: false), errors: model.errors),
                Components.textarea(name: "description", label: "Description", value: form.description ?? "", errors: model.errors),
                Components.radios(name: "mode", legend: "How it is delivered", choices: Course.Mode.allCases.map { ($0.rawValue, $0.label) },
                                  selected: form.mode ?? "", errors: model.errors),
                Components.input(.init(name: "provider", label: "Provider", value: form.provider), errors: model.errors),
                Components.input(.init(name: "duration", label: "Duration", hint: "For example, 45 minutes or 1 day", value: form.duration, width: "20"), errors: model.errors),
                Components.input(.init(name: "validity_months", label: "Months a completion counts for", hint: "Leave empty if it never expires",
                                       value: form.validity_months, width: "4"), errors: model.errors),
                Components.input(.init(name: "url", label: "Link for online learning (optional)", value: form.url, type: "url", spellcheck: false), errors: model.errors),
                Components.input(.init(name: "elements", label: "Framework elements it develops (optional)",
                                       hint: "Codes from a published framework, separated by commas, for example TR.3, CV.1.3", value: form.elements, spellcheck: false),
                                 errors: model.errors),
                Components.button(model.courseID == nil ? "Add the course" : "Save the course")))
    }
}
