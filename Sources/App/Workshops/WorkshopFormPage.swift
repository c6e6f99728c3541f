import Foundation
import Plot

/// Setting up a workshop, or changing its details.
enum WorkshopFormPage {
    struct Model: Encodable {
        /// Nil for a new workshop.
        var workshopID: UUID?
        var form: WorkshopsController.Form
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = model.workshopID == nil ? "Set up a workshop" : "Change the workshop's details"
        let form = model.form, errors = model.errors
        return Layout.page(PageFrame(title: title, area: .workshops, breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home))],
                                     hasErrors: !errors.isEmpty), context: context,
            Components.errorSummary(errors),
            Components.heading(title),
            Components.form(action: model.workshopID.map { .workshops(.workshop($0)) } ?? .workshops(.create), csrf: context.csrfToken,
                H.void("input", [("type", "hidden"), ("name", "series_id"), ("value", form.series_id ?? "")]),
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Components.textarea(name: "purpose", label: "Purpose (optional)", hint: "Why the session is being held and what it should lead to",
                                    value: form.purpose ?? "", rows: 3, errors: errors),
                Components.textarea(name: "questions", label: "Questions", hint: "One question per line, for example: What does good leadership look like in our places?",
                                    value: form.questions ?? "", rows: 3, errors: errors),
                Components.input(.init(name: "held_on", label: "Date", hint: "For example, 14/01/2027", value: form.held_on, width: "10"), errors: errors),
                Components.radios(name: "format", legend: "Format", choices: Workshop.Format.allCases.map { ($0.rawValue, $0.label) },
                                  selected: form.format ?? "", errors: errors),
                Components.input(.init(name: "votes", label: "Votes for each participant", hint: "Between 0 and \(Workshops.maxVotes); each person can put several on one theme",
                                       value: form.votes, width: "3"), errors: errors),
                Components.checkboxes(name: "allow_anonymous", legend: "Anonymous post-its",
                                      choices: [.init(value: "yes", label: "Let participants post without their name being shown",
                                                      hint: "Neither the other participants nor the facilitators see who wrote an anonymous post-it", checked: form.allow_anonymous == "yes")],
                                      errors: errors, singleField: true),
                Components.button(model.workshopID == nil ? "Set up the workshop" : "Save the details"))
        )
    }
}
