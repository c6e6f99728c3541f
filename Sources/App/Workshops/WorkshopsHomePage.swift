import CapableCore
import Fluent
import Foundation
import Plot

/// The workshops area: sessions the viewer runs or takes part in, series, and published
/// write-ups open to everyone.
enum WorkshopsHomePage {
    struct Row: Encodable {
        var id: UUID
        var title: String
        var format: String
        var heldOn: String
        var published: Bool
    }

    struct SeriesRow: Encodable {
        var id: UUID
        var title: String
        var sessions: Int
    }

    struct Model: Encodable {
        var upcoming: [Row]
        var past: [Row]
        var series: [SeriesRow]
        /// Write-ups published to the whole organisation, newest first.
        var writeUps: [Row]
    }

    static func query(_ principal: Principal, today: CalendarDate, on db: any Database) async throws -> Model {
        let mine = try await WorkshopAccess.visible(to: principal, on: db)
        func row(_ w: Workshop) throws -> Row {
            Row(id: try w.requireID(), title: w.title, format: w.formatValue.label, heldOn: w.heldOn, published: w.isPublished)
        }
        let seriesIDs = Set(mine.compactMap { $0.$series.id })
        let organiser = principal.roles.contains(.hr) || principal.roles.contains(.admin)
        let series = try await WorkshopSeries.query(on: db).with(\.$workshops).sort(\.$createdAt, .descending).all()
            .filter { organiser || $0.createdBy == principal.accountID || seriesIDs.contains($0.id ?? UUID()) }
        let open = try await Workshop.query(on: db).filter(\.$writeUpAudience == Workshop.Audience.organisation.rawValue)
            .filter(\.$writeUpPublishedAt != nil).sort(\.$writeUpPublishedAt, .descending).limit(20).all()
        return Model(upcoming: try mine.filter { $0.heldOn >= today.description }.reversed().map(row),
                     past: try mine.filter { $0.heldOn < today.description }.map(row),
                     series: try series.map { SeriesRow(id: try $0.requireID(), title: $0.title, sessions: $0.workshops.count) },
                     writeUps: try open.map(row))
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Workshops", area: .workshops, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Workshops"),
            Components.paragraph("Open-space sessions, workshops, action learning sets and team meetings: questions, breakout groups, post-its, themes, votes and the actions agreed."),
            H.el("div", H.cls("app-actions"),
                 H.link("Set up a workshop", to: .workshops(.new), class: "govuk-button"),
                 H.link("Start a series", to: .workshops(.newSeries), class: "govuk-button govuk-button--secondary"),
                 H.link("Pulse surveys", to: .surveys(.home), class: "govuk-button govuk-button--secondary")),
            table("Coming up", model.upcoming, empty: "No sessions coming up."),
            table("Held", model.past, empty: "No sessions held yet."),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Series")),
            model.series.isEmpty ? Components.paragraph("No series yet.")
                : Components.table(caption: "Series", headers: ["Series", "Sessions"], rows: model.series.map { s in
                    [H.link(s.title, to: .workshops(.series(s.id))), H.text(String(s.sessions))]
                }, numeric: [1]),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Published write-ups")),
            model.writeUps.isEmpty ? Components.paragraph("No write-ups have been published to everyone yet.")
                : Components.table(caption: "Write-ups open to everyone", headers: ["Session", "Held on"], rows: model.writeUps.map { w in
                    [H.link(w.title, to: .workshops(.writeUp(w.id))), H.text(DisplayFormat.calendarDate(w.heldOn))]
                })
        )
    }

    private static func table(_ caption: String, _ rows: [Row], empty: String) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text(caption)),
            rows.isEmpty ? Components.paragraph(empty) : Components.table(caption: caption, headers: ["Session", "Format", "Date", "Write-up"], rows: rows.map { w in
                [H.link(w.title, to: .workshops(.workshop(w.id))), H.text(w.format), H.text(DisplayFormat.calendarDate(w.heldOn)),
                 w.published ? Components.tag("Published", colour: "green") : Components.tag("Not published", colour: "grey")]
            }))
    }
}
