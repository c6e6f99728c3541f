import Foundation
import Plot

/// HR's review cycle pages: the list, the launch form, and completion by unit.
enum ReviewCyclesPage {
    struct Row: Encodable { var id: UUID; var title: String; var opensOn: String; var closesOn: String; var reviews: Int; var calibratedOn: String? }

    struct FormModel {
        var form: ReviewCycles.Form
        var frameworks: [AssessmentsPage.Choice]
        var roles: [(UUID, String)]
        var errors: [FieldError]
    }

    struct ShowModel: Encodable {
        var id: UUID
        var title: String
        var framework: String
        var audience: String
        var opensOn: String
        var selfDueOn: String
        var managerDueOn: String
        var closesOn: String
        var calibratedOn: String?
        var units: [ReviewCyclesController.UnitRow]
    }

    private static let crumbs: [(String, SiteURL)] = [("Home", .home), ("Reviews", .area(.reviews))]

    static func list(_ rows: [Row], context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Review cycles", area: .reviews, breadcrumbs: crumbs), context: context,
            Components.heading("Review cycles"),
            Components.paragraph("Each cycle gives everyone in its audience a yearly performance and development review: self-assessment, manager assessment, a review meeting, a development plan and sign-off by both."),
            H.el("p", H.cls("govuk-body"), H.link("Open a new review cycle", to: .newReviewCycle, class: "govuk-button")),
            rows.isEmpty ? Components.paragraph("No review cycles yet.")
                : Components.table(caption: "Review cycles", headers: ["Cycle", "Opens", "Closes", "Reviews", "Calibration"], rows: rows.map { row in
                    [H.link(row.title, to: .reviewCycle(row.id)), H.text(DisplayFormat.calendarDate(row.opensOn)), H.text(DisplayFormat.calendarDate(row.closesOn)),
                     H.text(String(row.reviews)), H.text(row.calibratedOn.map { "Finished \(DisplayFormat.calendarDate($0))" } ?? "Not finished")]
                }, numeric: [3]))
    }

    static func form(_ model: FormModel, context: PageContext) -> HTML {
        let form = model.form
        return Layout.page(PageFrame(title: "Open a review cycle", area: .reviews, breadcrumbs: crumbs + [("Review cycles", .reviewCycles)],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Open a review cycle"),
            Components.form(action: .reviewCycles, csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Title", hint: "For example, PDR 2027", value: form.title), errors: model.errors),
                Components.select(name: "framework", label: "Framework to assess against", options: [("", "Choose a framework")]
                                  + model.frameworks.map { ($0.id.uuidString.lowercased(), $0.title) },
                                  // The council's core framework is the usual choice, so it starts selected.
                                  selected: form.framework?.lowercased()
                                      ?? model.frameworks.first { $0.title.hasPrefix("Core Values") }?.id.uuidString.lowercased() ?? "",
                                  errors: model.errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Who the cycle is for")),
                Components.paragraph("Everyone in the audience on the day the cycle opens gets a review, with their line manager."),
                AudiencePage.ruleFields(form.audienceQuery, roles: model.roles, errors: model.errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Dates")),
                Components.input(.init(name: "opens_on", label: "Opens on", hint: "For example, 01/04/2027", value: form.opens_on, width: "10"), errors: model.errors),
                Components.input(.init(name: "self_due_on", label: "Self-assessments due by", value: form.self_due_on, width: "10"), errors: model.errors),
                Components.input(.init(name: "manager_due_on", label: "Manager assessments due by", value: form.manager_due_on, width: "10"), errors: model.errors),
                Components.input(.init(name: "closes_on", label: "Meetings, plans and sign-off due by", value: form.closes_on, width: "10"), errors: model.errors),
                Components.button("Open the cycle")))
    }

    static func show(_ model: ShowModel, context: PageContext) -> HTML {
        let total = model.units.reduce(0) { $0 + $1.people }
        let signed = model.units.reduce(0) { $0 + $1.signed }
        return Layout.page(PageFrame(title: model.title, area: .reviews, breadcrumbs: crumbs + [("Review cycles", .reviewCycles)]), context: context,
            Components.heading(model.title, caption: "Review cycle"),
            Components.summaryList([
                ("Framework", H.text(model.framework)), ("Audience", H.text(model.audience)),
                ("Opens", H.text(DisplayFormat.calendarDate(model.opensOn))),
                ("Self-assessments due", H.text(DisplayFormat.calendarDate(model.selfDueOn))),
                ("Manager assessments due", H.text(DisplayFormat.calendarDate(model.managerDueOn))),
                ("Closes", H.text(DisplayFormat.calendarDate(model.closesOn))),
                ("Calibration", model.calibratedOn.map { H.text("Finished \(DisplayFormat.calendarDate($0))") } ?? H.link("Calibrate manager ratings", to: .calibration(model.id))),
            ]),
            model.calibratedOn == nil ? .empty : H.el("p", H.cls("govuk-body"), H.link("Calibration: rating distributions and adjustments", to: .calibration(model.id))),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"), H.text("Signed off: \(DisplayFormat.fraction(signed, of: total)) of the reviews you look after.")),
            model.units.isEmpty ? Components.paragraph("Nobody you look after is in this cycle.")
                : Components.table(caption: "Completion by unit", headers: ["Unit", "People", "Self-assessment", "Manager assessment", "Meeting", "Plan agreed", "Signed off"],
                                   rows: model.units.map { row in
                    [H.text(row.unit_name ?? "No unit"), H.text(String(row.people)), H.text(DisplayFormat.fraction(row.self_done, of: row.people)),
                     H.text(DisplayFormat.fraction(row.manager_done, of: row.people)), H.text(DisplayFormat.fraction(row.meetings, of: row.people)),
                     H.text(DisplayFormat.fraction(row.plans, of: row.people)), H.text(DisplayFormat.fraction(row.signed, of: row.people))]
                }, numeric: [1, 2, 3, 4, 5, 6]))
    }
}
