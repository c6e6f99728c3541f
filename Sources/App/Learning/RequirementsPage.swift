import Foundation
import Plot

/// The list of mandatory training, and the form to add a requirement.
enum RequirementsPage {
    struct Row {
        var id: UUID
        var courseID: UUID
        var course: String
        var audience: String
        var reason: String
        var dueWithinDays: Int
        var refresher: String
        var people: Int
    }

    struct FormModel {
        var form: Requirements.Form
        var courses: [(String, String)]
        var roles: [(UUID, String)]
        /// The requirement being changed; nil when adding one.
        var editing: UUID?
        var errors: [FieldError]
    }

    static func view(rows: [Row], context: PageContext) -> HTML {
        let canEdit = context.roles.contains(.hr) || context.roles.contains(.admin)
        return Layout.page(PageFrame(title: "Mandatory training", area: .learning, breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning))]), context: context,
            Components.heading("Mandatory training"),
            Components.paragraph("The training agreed as mandatory, who it applies to, and why. New starters, and people who join an audience, have the days shown to complete it."),
            context.roles.contains(.hr) || context.roles.contains(.admin)
                ? H.el("p", H.cls("govuk-body"), H.link("Add a requirement", to: .learning(.newRequirement), class: "govuk-button govuk-button--secondary")) : .empty,
            Components.table(caption: "\(rows.count) requirements", headers: ["Course", "Who", "Why", "Days to complete", "Refresher", "People under it"]
                + (canEdit ? ["Change"] : []),
                rows: rows.map { row in
                    [H.link(row.course, to: .learning(.course(row.courseID))), H.text(row.audience), H.text(row.reason), H.text(String(row.dueWithinDays)),
                     H.text(row.refresher), H.text(String(row.people))]
                        + (canEdit ? [H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.learning(.editRequirement(row.id)).path), H.text("Change"),
                                           H.el("span", H.cls("govuk-visually-hidden"), H.text(" the requirement for \(row.course)")))] : [])
                }, numeric: [3, 5]))
    }

    static func form(_ model: FormModel, context: PageContext) -> HTML {
        let form = model.form
        let title = model.editing == nil ? "Add a mandatory training requirement" : "Change a mandatory training requirement"
        return Layout.page(PageFrame(title: title, area: .learning,
                                     breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning)), ("Mandatory training", .learning(.requirements))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(title),
            Components.form(action: model.editing.map { .learning(.requirement($0)) } ?? .learning(.requirements), csrf: context.csrfToken,
                Components.select(name: "course", label: "Course", options: [("", "Choose a course")] + model.courses, selected: form.course ?? "", errors: model.errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Who must complete it")),
                AudiencePage.ruleFields(form.audienceQuery, roles: model.roles, errors: model.errors),
                Components.textarea(name: "reason", label: "Why it is mandatory", hint: "Shown to staff, for example: So all staff are aware of their responsibilities for the safety of themselves and others.",
                                    value: form.reason ?? "", rows: 3, errors: model.errors),
                Components.input(.init(name: "due_within_days", label: "Days to complete it", hint: "From starting, or from joining the audience", value: form.due_within_days, width: "4"), errors: model.errors),
                Components.input(.init(name: "refresher_months", label: "Refresher every (months, optional)", hint: "Leave empty to use how long the course's completion counts", value: form.refresher_months, width: "4"), errors: model.errors),
                Components.input(.init(name: "applies_from", label: "Applies from (optional)", hint: "Leave empty for today; everyone already in the audience has the days above from this date", value: form.applies_from, width: "10"), errors: model.errors),
                Components.button(model.editing == nil ? "Add the requirement" : "Save the requirement")))
    }
}
