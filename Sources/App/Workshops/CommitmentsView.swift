import CapableCore
import Foundation
import Plot

/// Done / due / overdue and the follow-through rate, then the actions themselves: the same
/// block on a session's actions page and on a series' action log.
enum CommitmentsView {
    static func summary(_ followThrough: FollowThrough) -> BodyNode {
        .group(
            H.el("p", H.cls("govuk-body-l"), H.attr("id", "follow-through"), H.text(followThrough.summary)),
            Components.summaryList([
                ("Done", H.text(String(followThrough.done))),
                ("Due (open, not yet late)", H.text(String(followThrough.due))),
                ("Overdue", H.text(String(followThrough.overdue))),
                ("Dropped", H.text(String(followThrough.dropped))),
            ]))
    }

    /// The actions table; `sessions` names the session of each action on a series' log.
    static func table(_ rows: [WorkshopActions.Row], sessions: [UUID: String]? = nil, csrf: String?) -> BodyNode {
        guard !rows.isEmpty else { return Components.paragraph("No actions have been agreed yet.") }
        var headers = ["Action", "Owner", "Due", "Status"]
        if sessions != nil { headers.insert("Session", at: 1) }
        return Components.table(caption: "Actions agreed", headers: headers + ["Change"], rows: rows.map { row in
            var cells: [BodyNode] = [H.text(row.description), H.text(row.owner), H.text(row.dueOn.map(DisplayFormat.calendarDate) ?? "No date"), status(row)]
            if let sessions { cells.insert(H.text(row.workshopId.flatMap { sessions[$0] } ?? ""), at: 1) }
            cells.append(row.canChange && row.status == .open ? H.el("div", H.cls("app-actions"),
                statusButton(row, "done", "Mark as done", csrf: csrf), statusButton(row, "dropped", "Drop", csrf: csrf)) : .empty)
            return cells
        })
    }

    /// Status in words, with a tag; colour is never the only signal.
    private static func status(_ row: WorkshopActions.Row) -> BodyNode {
        switch row.status {
        case .done: Components.tag("Done" + (row.completedOn.map { " \(DisplayFormat.calendarDate($0))" } ?? ""), colour: "green")
        case .dropped: Components.tag("Dropped", colour: "grey")
        case .open: row.overdue ? Components.tag("Overdue", colour: "red") : Components.tag("Due", colour: "blue")
        }
    }

    private static func statusButton(_ row: WorkshopActions.Row, _ status: String, _ label: String, csrf: String?) -> BodyNode {
        Components.form(action: .actionStatus(row.id), csrf: csrf,
            H.void("input", [("type", "hidden"), ("name", "status"), ("value", status)]),
            H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text(label),
                 H.el("span", H.cls("govuk-visually-hidden"), H.text(": \(row.description)"))))
    }
}
