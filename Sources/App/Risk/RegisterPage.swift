import CapableCore
import Foundation
import Plot

/// A register: its heat map (inherent, current or target, or the change since a date), then its
/// risks a page at a time by current score, each with its appetite and review status in words.
enum RegisterPage {
    struct Row {
        var id: UUID
        var reference: String
        var title: String
        var category: String
        var owner: String
        var inherent: RiskMatrix.Rating?
        var current: RiskMatrix.Rating?
        var target: RiskMatrix.Rating?
        var outside: Bool
        var overdue: Bool
        var closed: Bool
        /// "Escalated to Corporate risk register" or "From Housing risk register".
        var movement: String?
    }

    struct Since {
        var date: String
        var map: RiskHeatMap
        var increased: Int
        var reduced: Int
        var unchanged: Int
        var new: Int
    }

    struct Model {
        var id: UUID
        var name: String
        var unit: String?
        var matrix: RiskMatrix
        var view: RiskURL.View
        var map: RiskHeatMap
        var unrated: Int
        var since: Since?
        var sinceError: FieldError?
        var rows: [Row]
        var hasNext: Bool
        var canExport: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let view = model.view
        let cell = view.likelihood.flatMap { l in view.impact.map { (l, $0) } }
        return Layout.page(PageFrame(title: model.name, area: .risk, breadcrumbs: [("Home", .home), ("Risk", .risk(.home))],
                                     hasErrors: model.sinceError != nil), context: context,
            Components.errorSummary(model.sinceError.map { [$0] } ?? []),
            Components.heading(model.name, caption: model.unit ?? "Whole council: the Corporate Management Team's register"),
            H.el("p", H.cls("govuk-body"),
                 H.link("Add a risk", to: .risk(.newRisk(model.id)), class: "govuk-button govuk-button--secondary"), H.text(" "),
                 model.canExport ? H.link("Download the register (CSV)", to: .risk(.registerExport(model.id))) : .empty),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Heat map")),
            H.el("nav", H.attr("aria-label", "Which ratings"), H.el("ul", H.cls("govuk-list app-inline-list"), .group(RiskAssessment.Kind.allCases.map { kind in
                H.el("li", kind == view.kind ? H.el("strong", H.attr("aria-current", "page"), H.text(kind.label))
                     : H.link(kind.label, to: .risk(.register(model.id, .init(kind: kind, closed: view.closed)))))
            }))),
            RiskViews.heatMap(model.map, matrix: model.matrix,
                              caption: "\(view.kind.label) ratings of \(model.map.total) \(view.closed ? "" : "open ")risks. \(RiskViews.bandSummary(model.map, matrix: model.matrix)).\(model.unrated > 0 ? " \(model.unrated) not yet rated." : "")",
                              link: { l, i in .risk(.register(model.id, .init(kind: view.kind, likelihood: l, impact: i, closed: view.closed))) }),
            sinceSection(model),
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "risks"), H.text("Risks")),
            cell.map { l, i in
                H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                     H.text("Showing risks with \(view.kind.rawValue) likelihood \(l) (\(model.matrix.likelihood[safe: l - 1] ?? "")) and impact \(i) (\(model.matrix.impact[safe: i - 1] ?? "")). "),
                     H.link("Show every risk", to: .risk(.register(model.id, .init(kind: view.kind, closed: view.closed)))))
            } ?? .empty,
            H.el("p", H.cls("govuk-body"), view.closed
                 ? H.link("Show open risks only", to: .risk(.register(model.id, .init(kind: view.kind))))
                 : H.link("Include closed risks", to: .risk(.register(model.id, .init(kind: view.kind, closed: true))))),
            model.rows.isEmpty ? Components.paragraph("There are no risks to show.") :
                Components.table(caption: "Risks by current score, highest first (page \(view.page))",
                                 headers: ["Reference", "Risk", "Category", "Owner", "Inherent", "Current", "Target", "Status"],
                                 rows: model.rows.map { row(_: $0, matrix: model.matrix) }),
            Components.pagination(page: view.page, hasNext: model.hasNext) { page in
                var next = view
                next.page = page
                return SiteURL.risk(.register(model.id, next)).path
            })
    }

    private static func row(_ row: Row, matrix: RiskMatrix) -> [BodyNode] {
        var status: [BodyNode] = []
        if row.closed { status.append(Components.tag("Closed", colour: "grey")) }
        if row.outside { status.append(Components.tag("Outside appetite", colour: "red")) }
        if row.overdue { status.append(Components.tag("Review overdue", colour: "orange")) }
        if status.isEmpty { status.append(H.text("Within appetite")) }
        if let movement = row.movement { status.append(H.el("span", H.cls("govuk-body-s app-block"), H.text(movement))) }
        return [H.link(row.reference, to: .risk(.risk(row.id))), H.text(row.title), H.text(row.category), H.text(row.owner),
                RiskViews.rating(row.inherent, matrix: matrix, detail: false), RiskViews.rating(row.current, matrix: matrix, detail: false),
                RiskViews.rating(row.target, matrix: matrix, detail: false),
                .group(status.flatMap { [$0, H.text(" ")] })]
    }

    private static func sinceSection(_ model: Model) -> BodyNode {
        H.el("div",
            H.el("h2", H.cls("govuk-heading-m"), H.text("Change since a date")),
            H.el("form", H.attr("method", "get"), H.attr("action", SiteURL.risk(.register(model.id)).path), H.cls("app-inline-form"),
                Components.input(.init(name: "since", label: "Compare current ratings with those on", hint: "For example, 1/4/2026",
                                       value: model.since.map { DisplayFormat.ukDate($0.date) } ?? model.view.since, width: "10"),
                                 errors: model.sinceError.map { [$0] } ?? []),
                Components.button("Compare", style: "secondary")),
            .unwrap(model.since) { since in
                .group(
                    H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                         H.text("Since \(DisplayFormat.calendarDate(since.date)): \(since.increased) increased, \(since.reduced) reduced, \(since.unchanged) unchanged, \(since.new) new or first assessed.")),
                    RiskViews.heatMap(since.map, matrix: model.matrix,
                                      caption: "Current ratings as they stood on \(DisplayFormat.calendarDate(since.date)): \(since.map.total) risks. \(RiskViews.bandSummary(since.map, matrix: model.matrix)).",
                                      link: nil))
            })
    }
}
