import CapableCore
import Foundation
import Plot

/// "My team": the people who report to the signed-in manager, directly or all the way down.
enum TeamPage {
    static let pageSize = 100

    struct Model: Encodable {
        var indirect: Bool
        var page: Int
        var rows: [PeopleQueries.TeamRow]
        var total: Int
        var linkedToPerson: Bool
        /// `yyyy-mm-dd`, so check-ins can be marked overdue.
        var today: String = CalendarDate.today.description
        var sort: PeopleQueries.TeamSort = .name
        /// Each report's latest yearly review and its next step.
        var pdr: [UUID: ReviewCycles.Stage] = [:]
    }

    static func sortLabel(_ sort: PeopleQueries.TeamSort) -> String {
        switch sort {
        case .name: "Name"
        case .checkIn: "Longest since a check-in"
        case .risk: "Most objectives at risk"
        }
    }

    /// The orders as links, the current one marked in words and for screen readers.
    static func sortLinks(_ model: Model) -> BodyNode {
        H.el("nav", H.attr("aria-label", "Sort the team"),
            H.el("p", H.cls("govuk-body"), H.text("Sort by: "),
                .group(PeopleQueries.TeamSort.allCases.enumerated().map { index, sort in
                    .group(index == 0 ? .empty : H.text(" · "),
                           sort == model.sort
                               ? H.el("strong", H.attr("aria-current", "true"), H.text(sortLabel(sort)))
                               : H.link(sortLabel(sort), to: .myTeamPage(indirect: model.indirect, sort: sort.rawValue, page: 1)))
                })))
    }

    /// The check-in cells: when the last was, and when the next is due (overdue in words).
    static func checkInCells(_ row: PeopleQueries.TeamRow, today: CalendarDate) -> [BodyNode] {
        let next = CheckInSchedule.nextDue(last: row.last_check_in, startDate: row.start_date, weeks: row.cadence_weeks, today: today)
        return [
            H.text(row.last_check_in.map(DisplayFormat.calendarDate) ?? "None yet"),
            .group(H.text(DisplayFormat.calendarDate(next.description)),
                   next < today ? .group(H.text(" "), Components.tag("Overdue", colour: "red")) : .empty),
            row.objectives_at_risk == 0 ? H.text("None") : H.link("\(row.objectives_at_risk)", to: .objectives(row.id)),
        ]
    }

    static func pdrCell(_ row: PeopleQueries.TeamRow, _ model: Model) -> BodyNode {
        guard let stage = model.pdr[row.id] else { return H.text("No review open") }
        return H.link(stage.stage, to: .review(row.id, stage.reviewID))
    }

    static func summary(total: Int, indirect: Bool) -> String {
        let people = total == 1 ? "1 person" : "\(total) people"
        if indirect { return "\(people) in your reporting line" }
        return total == 1 ? "1 person reports to you directly" : "\(people) report to you directly"
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "My team", area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))]), context: context,
            Components.heading("My team"),
            model.linkedToPerson ? .empty : Components.paragraph("Your account is not linked to a staff record, so Capable cannot tell who reports to you."),
            H.el("nav", H.attr("aria-label", "Which reports"), H.el("ul", H.cls("govuk-list"),
                H.el("li", model.indirect ? H.link("Direct reports only", to: .myTeam(indirect: false)) : H.el("strong", H.text("Direct reports only"))),
                H.el("li", model.indirect ? H.el("strong", H.text("Everyone below me")) : H.link("Everyone below me", to: .myTeam(indirect: true))))),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text(summary(total: model.total, indirect: model.indirect))),
            model.rows.isEmpty ? .empty : H.el("p", H.cls("govuk-body"), H.link("Download as CSV", to: .myTeamExport(indirect: model.indirect))),
            model.rows.isEmpty ? .empty : sortLinks(model),
            model.rows.isEmpty ? .empty : Components.table(caption: model.indirect ? "Your reporting line" : "Your direct reports",
                headers: (model.indirect ? ["Name", "Job title", "Unit", "Line manager", "Levels below you"] : ["Name", "Job title", "Unit", "Probation ends"])
                    + ["Last check-in", "Next check-in", "Objectives at risk", "PDR stage"],
                rows: model.rows.map { row in
                    let today = CalendarDate(model.today) ?? .today
                    let cells: [BodyNode] = [H.link(row.displayName, to: .person(row.id)), H.text(row.job_title ?? ""), H.text(row.unit_name ?? "")]
                    guard model.indirect else {
                        return cells + [H.text(row.probation_end_date.map(DisplayFormat.calendarDate) ?? "")] + checkInCells(row, today: today) + [pdrCell(row, model)]
                    }
                    return cells + [H.text([row.manager_given_name, row.manager_family_name].compactMap { $0 }.joined(separator: " ")), H.text(String(row.depth))]
                        + checkInCells(row, today: today) + [pdrCell(row, model)]
                }, numeric: model.indirect ? [4, 7] : [6]),
            Components.pagination(page: model.page, hasNext: model.page * pageSize < model.total) { page in
                SiteURL.myTeamPage(indirect: model.indirect, sort: model.sort.rawValue, page: page).path
            }
        )
    }
}
