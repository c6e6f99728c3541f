import Foundation
import Plot

/// Add a face-to-face session to a course.
enum SessionFormPage {
    struct Model: Encodable {
        var courseID: UUID
        var courseTitle: String
        var form: CourseSessions.Input
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let form = model.form
        return Layout.page(PageFrame(title: "Add a session", area: .learning,
                                     breadcrumbs: [("Home", .home), ("Courses", .learning(.courses)), (model.courseTitle, .learning(.course(model.courseID)))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Add a session", caption: model.courseTitle),
            Components.form(action: .learning(.sessions(model.courseID)), csrf: context.csrfToken,
                Components.input(.init(name: "starts_on", label: "Date", hint: "For example, 03/12/2026", value: form.starts_on, width: "10"), errors: model.errors),
                Components.input(.init(name: "start_time", label: "Start time", hint: "24-hour clock, UK time, for example 09:30", value: form.start_time, width: "5"), errors: model.errors),
                Components.input(.init(name: "end_time", label: "End time", hint: "For example, 12:30", value: form.end_time, width: "5"), errors: model.errors),
                Components.input(.init(name: "location", label: "Location", value: form.location), errors: model.errors),
                Components.input(.init(name: "trainer", label: "Trainer's employee number (optional)", hint: "The trainer marks attendance", value: form.trainer, width: "10"), errors: model.errors),
                Components.input(.init(name: "capacity", label: "Places", value: form.capacity, width: "4"), errors: model.errors),
                Components.checkboxes(name: "needs_approval", legend: "Approval",
                    choices: [.init(value: "yes", label: "Bookings need the line manager's approval", checked: form.needs_approval == "yes")],
                    errors: model.errors, singleField: true),
                Components.button("Add the session")))
    }
}
