import CapableCore
import Fluent
import Plot
import Vapor

/// HR's view of probation: everyone on probation they look after whose outcome is not decided,
/// with the next review and whether it is overdue, overdue first.
enum ProbationDue {
    struct Row: Encodable {
        var personID: UUID
        var name: String
        var manager: String?
        var managerID: UUID?
        var endDate: String
        var next: Probation.Entry
    }

    static func query(viewer: Viewer, months: [Int], today: CalendarDate, on db: any Database) async throws -> [Row] {
        let people = try await Person.query(on: db).filter(\.$active == true).filter(\.$probationEndDate != nil).with(\.$lineManager).all()
        let ids = people.compactMap(\.id)
        let reviews = Dictionary(grouping: try await ProbationReview.query(on: db).filter(\.$person.$id ~~ ids).all(), by: { $0.$person.id })
        var rows: [Row] = []
        for person in people {
            let id = try person.requireID()
            let held = reviews[id] ?? []
            guard Probation.decided(held) == nil,
                  let next = Probation.entries(person: person, reviews: held, months: months, today: today).first(where: { $0.state != .done }),
                  try await LineManagement.allows(viewer, target: id, on: db)
            else { continue }
            rows.append(Row(personID: id, name: person.displayName, manager: person.lineManager?.displayName, managerID: person.$lineManager.id,
                            endDate: person.probationEndDate ?? "", next: next))
        }
        return rows.sorted { ($0.next.state == .overdue ? 0 : 1, $0.next.due) < ($1.next.state == .overdue ? 0 : 1, $1.next.due) }
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let rows = try await query(viewer: principal.viewer, months: req.application.config.probationMonths, today: .today, on: req.database)
        return view(rows, context: PageContext(req))
    }

    static func view(_ rows: [Row], context: PageContext) -> HTML {
        let overdue = rows.filter { $0.next.state == .overdue }.count
        return Layout.page(PageFrame(title: "Probation reviews due", area: .reviews, breadcrumbs: [("Home", .home), ("Reviews", .area(.reviews))]),
                           context: context,
            Components.heading("Probation reviews due"),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text(rows.isEmpty ? "Nobody you look after is on probation." : "\(rows.count) on probation, \(overdue) with a review overdue.")),
            rows.isEmpty ? .empty : Components.table(caption: "Next review for each person on probation", headers: ["Person", "Manager", "Next review", "Due", "State", "Probation ends"],
                                                     rows: rows.map { row in
                [H.link(row.name, to: .probation(row.personID)), H.text(row.manager ?? ""),
                 H.text(row.next.isFinal ? "Review \(row.next.number) (final)" : "Review \(row.next.number)"),
                 H.text(DisplayFormat.calendarDate(row.next.due)), Components.tag(row.next.state.label, colour: row.next.state.colour),
                 H.text(DisplayFormat.calendarDate(row.endDate))]
            })
        )
    }
}
