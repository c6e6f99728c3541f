import CapableCore
import Foundation
import Plot

/// "My actions": open actions with overdue ones first, a form for a personal action, and what
/// was recently done or dropped.
enum ActionsPage {
    struct Row: Encodable {
        var id: UUID
        var description: String
        var dueOn: String?
        var overdue: Bool
        var status: ActionItem.Status
        var from: String

        init(_ action: ActionItem, today: CalendarDate) throws {
            id = try action.requireID()
            description = action.summary
            dueOn = action.dueOn
            status = action.statusValue
            overdue = action.isOverdue(today: today)
            from = action.sourceLabel
        }
    }

    struct Model: Encodable {
        /// False when the account has no staff record, so no list.
        var linked: Bool
        var today: String
        var open: [Row]
        var closed: [Row]
        var form: ActionsController.Form
        var errors: [FieldError]

        static let unlinked = Model(linked: false, today: "", open: [], closed: [], form: .init(), errors: [])
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "My actions", area: .reviews, breadcrumbs: [("Home", .home), ("Reviews", .area(.reviews))],
                              hasErrors: !model.errors.isEmpty),
                    context: context,
            Components.errorSummary(model.errors),
            Components.heading("My actions"),
            model.linked ? content(model, csrf: context.csrfToken)
                : Components.paragraph("Your account is not linked to a staff record, so it has no action list. An administrator can link it.")
        )
    }

    private static func content(_ model: Model, csrf: String?) -> BodyNode {
        let overdue = model.open.filter(\.overdue).count
        return .group(
            Components.paragraph("What you have agreed to do, from check-ins, objectives, risks and workshops. Overdue actions come first."),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text(model.open.isEmpty ? "You have no open actions." : "\(model.open.count) open, \(overdue) overdue.")),
            model.open.isEmpty ? .empty : Components.table(caption: "Open actions", headers: ["Action", "From", "Due", "Change"], rows: model.open.map { row in
                [H.text(row.description), H.text(row.from),
                 .group(H.text(row.dueOn.map(DisplayFormat.calendarDate) ?? "No date"),
                        row.overdue ? .group(H.text(" "), Components.tag("Overdue", colour: "red")) : .empty),
                 H.el("div", H.cls("app-actions"),
                      statusButton(row, "done", "Mark as done", csrf: csrf), statusButton(row, "dropped", "Drop", csrf: csrf))]
            }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add an action for yourself")),
            Components.form(action: .myActions, csrf: csrf,
                Components.input(.init(name: "description", label: "What will you do?", value: model.form.description), errors: model.errors),
                Components.input(.init(name: "due_on", label: "Due date (optional)", hint: "For example, 31/03/2027",
                                       value: model.form.due_on, width: "10"), errors: model.errors),
                Components.button("Add the action", style: "secondary")),
            model.closed.isEmpty ? .empty : Components.table(caption: "Recently done or dropped", headers: ["Action", "From", "Status"], rows: model.closed.map { row in
                [H.text(row.description), H.text(row.from), Components.tag(row.status == .done ? "Done" : "Dropped", colour: row.status == .done ? "green" : "grey")]
            })
        )
    }

    private static func statusButton(_ row: Row, _ status: String, _ label: String, csrf: String?) -> BodyNode {
        Components.form(action: .actionStatus(row.id), csrf: csrf,
            H.void("input", [("type", "hidden"), ("name", "status"), ("value", status)]),
            H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text(label),
                 H.el("span", H.cls("govuk-visually-hidden"), H.text(": \(row.description)"))))
    }
}
