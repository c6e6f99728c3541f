import CapableCore
import Fluent
import Foundation
import Plot

/// A series: its sessions in order and one action log across them all, with follow-through.
enum SeriesPage {
    struct Session: Encodable {
        var id: UUID
        var position: Int
        var title: String
        var heldOn: String
        var published: Bool
    }

    struct Model: Encodable {
        var id: UUID
        var title: String
        var purpose: String
        var canRun: Bool
        /// The sessions the viewer can open (all of them for those who run the series).
        var sessions: [Session]
        var actions: [WorkshopActions.Row]
        var done: Int, due: Int, overdue: Int, dropped: Int
    }

    static func query(_ series: WorkshopSeries, principal: Principal, today: CalendarDate, on db: any Database) async throws -> Model {
        let id = try series.requireID()
        let canRun = SeriesController.isOrganiser(series, principal: principal)
        var workshops = try await Workshop.query(on: db).filter(\.$series.$id == id).sort(\.$seriesPosition).sort(\.$heldOn).all()
        if !canRun {
            var visible: [Workshop] = []
            for workshop in workshops where try await WorkshopAccess.of(workshop, principal: principal, on: db).canSee { visible.append(workshop) }
            workshops = visible
        }
        let log = try await WorkshopActions.log(workshops: workshops.compactMap(\.id), principal: principal, today: today, on: db)
        let f = log.followThrough
        return Model(id: id, title: series.title, purpose: series.purpose, canRun: canRun,
                     sessions: try workshops.enumerated().map { index, w in
                         Session(id: try w.requireID(), position: w.seriesPosition ?? index + 1, title: w.title, heldOn: w.heldOn, published: w.isPublished)
                     },
                     actions: log.rows, done: f.done, due: f.due, overdue: f.overdue, dropped: f.dropped)
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let names = Dictionary(uniqueKeysWithValues: model.sessions.map { ($0.id, $0.title) })
        return Layout.page(PageFrame(title: model.title, area: .workshops, breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home))]), context: context,
            Components.heading(model.title, caption: "Series"),
            model.purpose.isEmpty ? .empty : Components.paragraph(model.purpose),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Sessions")),
            model.sessions.isEmpty ? Components.paragraph("No sessions yet.")
                : Components.table(caption: "Sessions in the series", headers: ["", "Session", "Date", "Write-up"], rows: model.sessions.map { s in
                    [H.text(String(s.position)), H.link(s.title, to: .workshops(.workshop(s.id))), H.text(DisplayFormat.calendarDate(s.heldOn)),
                     s.published ? Components.tag("Published", colour: "green") : Components.tag("Not published", colour: "grey")]
                }),
            model.canRun ? H.el("p", H.cls("govuk-body"), H.link("Add a session to the series", to: .workshops(.newInSeries(model.id)))) : .empty,
            H.el("h2", H.cls("govuk-heading-m"), H.text("Action log")),
            Components.paragraph("Every action agreed in the series, whichever session it came from."),
            CommitmentsView.summary(FollowThrough(done: model.done, due: model.due, overdue: model.overdue, dropped: model.dropped)),
            CommitmentsView.table(model.actions, sessions: names, csrf: context.csrfToken)
        )
    }
}

/// Starting a series.
enum SeriesFormPage {
    struct Model: Encodable {
        var form: SeriesController.Form
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let form = model.form, errors = model.errors
        return Layout.page(PageFrame(title: "Start a series", area: .workshops, breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home))],
                                     hasErrors: !errors.isEmpty), context: context,
            Components.errorSummary(errors),
            Components.heading("Start a series"),
            Components.form(action: .workshops(.createSeries), csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Components.radios(name: "template", legend: "Start from",
                                  choices: SeriesTemplate.all.map { ($0.key, "\($0.title) (\($0.sessions.count) sessions)") } + [("none", "An empty series: add sessions one by one")],
                                  selected: form.template ?? "", errors: errors),
                Components.input(.init(name: "first_on", label: "Date of the first session", hint: "For a template. For example, 03/06/2027", value: form.first_on, width: "10"), errors: errors),
                Components.input(.init(name: "weeks", label: "Weeks between sessions", value: form.weeks, width: "3"), errors: errors),
                Components.button("Start the series"))
        )
    }
}
