import CapableCore
import Foundation
import Plot

/// A manager's matrix of their team against each requirement that applies to any of them.
enum TeamTrainingPage {
    struct Column { var id: UUID; var title: String }
    struct Row {
        var personID: UUID
        var name: String
        var employeeRef: String
        /// One per column, in order; `.notRequired` where it does not apply to them.
        var statuses: [Compliance.Status]
    }
    struct Pending { var id: UUID; var person: String; var course: String; var completedOn: String; var evidence: String }

    struct Model {
        var indirect: Bool
        var requirements: [Column]
        var rows: [Row]
        var pending: [Pending]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let current = model.rows.reduce(0) { $0 + $1.statuses.filter(\.isCurrent).count }
        let required = model.rows.reduce(0) { $0 + $1.statuses.filter { $0 != .notRequired }.count }
        return Layout.page(PageFrame(title: "Your team's training", area: .learning, breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning))]), context: context,
            Components.heading("Your team's training"),
            H.el("p", H.cls("govuk-body"),
                 model.indirect ? H.link("Show direct reports only", to: .learning(.team(all: false))) : H.link("Include everyone below you", to: .learning(.team(all: true))),
                 H.text(" · "), H.link("Download as CSV", to: .learning(.teamExport(all: model.indirect)))),
            model.rows.isEmpty ? Components.paragraph("Nobody reports to you.") : .group(
                Components.paragraph("Mandatory training currently completed: \(DisplayFormat.fraction(current, of: required))."),
                H.el("div", H.cls("app-table-scroll"), H.attr("tabindex", "0"), H.attr("role", "region"), H.attr("aria-label", "Team training matrix"),
                    Components.table(caption: "Mandatory training by person (\(model.rows.count) people)", headers: ["Name"] + model.requirements.map(\.title),
                        rows: model.rows.map { row in
                            [H.link(row.name, to: .person(row.personID))] + row.statuses.map { status in
                                status == .notRequired ? H.text("Not required") : MyLearningPage.tag(status)
                            }
                        }))),
            model.pending.isEmpty ? .empty : .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Learning to confirm")),
                Components.table(caption: "Completions your team recorded themselves", headers: ["Who", "Course", "Completed", "Evidence", "Confirm"],
                    rows: model.pending.map { item in
                        [H.text(item.person), H.text(item.course), H.text(DisplayFormat.calendarDate(item.completedOn)), H.text(item.evidence),
                         Components.form(action: .learning(.confirmCompletion(item.id)), csrf: context.csrfToken,
                                         Components.button("Confirm \(item.person)'s \(item.course)", style: "secondary"))]
                    })))
    }
}
