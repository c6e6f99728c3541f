import CapableCore
import Foundation
import Plot

/// One risk: what it is, its three ratings and whether it is within appetite (with a proposal
/// to escalate or de-escalate), its key risk indicator, the score over time, controls, actions,
/// response, reviews, and the history of every assessment and move.
enum RiskPage {
    struct Element { var id: UUID; var code: String; var title: String }
    struct History { var when: String; var who: String; var kind: String; var rating: RiskMatrix.Rating; var reason: String }
    struct Control { var id: UUID; var description: String; var owner: String; var effectiveness: RiskControl.Effectiveness }
    struct Action { var description: String; var owner: String; var due: String?; var status: ActionItem.Status; var overdue: Bool }
    struct Review { var on: String; var who: String; var rating: RiskMatrix.Rating; var note: String; var next: String }
    struct Move { var when: String; var who: String; var text: String; var reason: String }

    struct Model {
        var id: UUID
        var reference: String
        var title: String
        var cause: String
        var event: String
        var consequence: String
        var category: String
        var appetite: String
        var ceiling: Int
        var owner: String
        var home: (id: UUID, name: String)
        var escalatedTo: (id: UUID, name: String)?
        var closed: Bool
        var identifiedOn: String
        var closedOn: String?
        var response: Risk.Response?
        var acceptance: (approver: String, reason: String, expires: String, expired: Bool)?
        var inherent: RiskMatrix.Rating?
        var current: RiskMatrix.Rating?
        var target: RiskMatrix.Rating?
        var targetReason: String?
        var outside: Bool
        /// "Proposed for escalation to …" or "Proposed for de-escalation to …".
        var proposal: String?
        var reviewMonths: Int
        var nextReview: String?
        var lastReviewed: String?
        var reviewOverdue: Bool
        var elements: [Element]
        var indicator: RiskIndicators.Reading?
        var chart: [RiskChart.Point]
        var history: [History]
        var controls: [Control]
        var actions: [Action]
        var reviews: [Review]
        var moves: [Move]
        var matrix: RiskMatrix
        var canEdit: Bool
        var today: CalendarDate
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let csrf = context.csrfToken
        func edit(_ text: String, _ form: RiskURL.Form) -> BodyNode {
            model.canEdit && !model.closed ? H.el("p", H.cls("govuk-body"), H.link(text, to: .risk(.form(model.id, form)), class: "govuk-link")) : .empty
        }
        var crumbs: [(String, SiteURL)] = [("Home", .home), ("Risk", .risk(.home)), (model.home.name, .risk(.register(model.home.id)))]
        if let to = model.escalatedTo { crumbs.append((to.name, .risk(.register(to.id)))) }
        return Layout.page(PageFrame(title: "\(model.reference) \(model.title)", area: .risk, breadcrumbs: crumbs), context: context,
            Components.heading(model.title, caption: "\(model.reference), \(model.category) risk"),
            status(model),
            Components.summaryList([
                ("Cause", H.text(model.cause)), ("Event", H.text(model.event)), ("Consequence", H.text(model.consequence)),
                ("Owner", H.text(model.owner)), ("Register", H.link(model.home.name, to: .risk(.register(model.home.id)))),
                ("Identified", H.text(DisplayFormat.calendarDate(model.identifiedOn))),
                ("Managed by", model.elements.isEmpty ? H.text("No framework capability linked") : H.el("ul", H.cls("govuk-list"), .group(model.elements.map {
                    H.el("li", H.link("\($0.code) \($0.title)", to: .frameworkElement($0.id, version: nil)))
                }))),
            ]),
            edit("Change the risk's details", .edit),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Assessment")),
            Components.summaryList(RiskAssessment.Kind.allCases.map { kind in
                let rating: RiskMatrix.Rating? = kind == .inherent ? model.inherent : kind == .current ? model.current : model.target
                return (kind.label, .group(RiskViews.rating(rating, matrix: model.matrix),
                                           kind == .target ? .unwrap(model.targetReason) { H.el("span", H.cls("app-block"), H.text("Why above inherent: \($0)")) } : .empty))
            } + [("Appetite", H.text("\(model.appetite): current scores up to \(model.ceiling) are accepted for \(model.category.lowercased()) risks"))]),
            edit("Assess the risk", .assess),
            indicator(model),
            edit("Set a key risk indicator", .indicator),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Score over time")),
            RiskChart.view(model.chart, maxScore: model.matrix.maxScore, ceiling: model.ceiling, today: model.today, title: "\(model.reference) score over time"),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Response")),
            Components.summaryList([("Response", H.text(model.response.map { "\($0.label): \($0.hint.lowercased())" } ?? "Not decided yet"))]
                + (model.acceptance.map { acceptance in
                    [("Accepted by", H.text(acceptance.approver)), ("Why", H.text(acceptance.reason)),
                     ("Acceptance runs out", .group(H.text(DisplayFormat.calendarDate(acceptance.expires)),
                                                    acceptance.expired ? .group(H.text(" "), Components.tag("Expired: review it", colour: "red")) : .empty))]
                } ?? [])),
            edit("Change the response", .response),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Controls")),
            model.controls.isEmpty ? Components.paragraph("No controls are recorded.") :
                Components.table(caption: "Controls in place", headers: ["Control", "Owner", "Effectiveness"] + (model.canEdit ? ["Change"] : []),
                                 rows: model.controls.map { control in
                    [H.text(control.description), H.text(control.owner), H.text(control.effectiveness.label)]
                        + (model.canEdit ? [effectivenessForm(control, csrf: csrf)] : [])
                }),
            edit("Add a control", .control),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Actions")),
            model.actions.isEmpty ? Components.paragraph("No actions are planned.") :
                Components.table(caption: "Planned actions (each is in its owner's list of actions)", headers: ["Action", "Owner", "Due", "Status"],
                                 rows: model.actions.map { action in
                    [H.text(action.description), H.text(action.owner), H.text(action.due.map(DisplayFormat.calendarDate) ?? "No date"),
                     action.overdue ? Components.tag("Overdue", colour: "red")
                        : Components.tag(action.status == .done ? "Done" : action.status == .dropped ? "Dropped" : "Open",
                                         colour: action.status == .done ? "green" : action.status == .dropped ? "grey" : "blue")]
                }),
            edit("Add an action", .action),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Reviews")),
            Components.summaryList([
                ("Reviewed every", H.text(model.reviewMonths == 1 ? "month" : "\(model.reviewMonths) months")),
                ("Last review", H.text(model.lastReviewed.map(DisplayFormat.calendarDate) ?? "Not reviewed yet")),
                ("Next review", .group(H.text(model.nextReview.map(DisplayFormat.calendarDate) ?? "Not set"),
                                       model.reviewOverdue ? .group(H.text(" "), Components.tag("Overdue", colour: "red")) : .empty)),
            ]),
            model.reviews.isEmpty ? .empty : Components.table(caption: "Reviews", headers: ["Date", "By", "Current rating", "What the review found"],
                rows: model.reviews.map { [H.text(DisplayFormat.calendarDate($0.on)), H.text($0.who), RiskViews.rating($0.rating, matrix: model.matrix), H.text($0.note)] }),
            edit("Record a review", .review),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Escalation")),
            model.moves.isEmpty ? Components.paragraph("This risk has not been escalated.") :
                Components.table(caption: "Escalation and de-escalation", headers: ["When", "By", "Move", "Why"],
                                 rows: model.moves.map { [H.text($0.when), H.text($0.who), H.text($0.text), H.text($0.reason)] }),
            edit(model.escalatedTo == nil ? "Escalate the risk" : "Escalate further or de-escalate", .escalate),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Assessment history")),
            model.history.isEmpty ? Components.paragraph("No assessments yet.") :
                Components.table(caption: "Every assessment, oldest first", headers: ["When", "By", "Rating", "Score", "Why"],
                                 rows: model.history.map { [H.text($0.when), H.text($0.who), H.text($0.kind), RiskViews.rating($0.rating, matrix: model.matrix), H.text($0.reason)] }),
            model.canEdit ? Components.form(action: .risk(.status(model.id)), csrf: csrf,
                H.void("input", [("type", "hidden"), ("name", "status"), ("value", model.closed ? "open" : "closed")]),
                Components.button(model.closed ? "Reopen the risk" : "Close the risk", style: "warning")) : .empty)
    }

    private static func status(_ model: Model) -> BodyNode {
        var tags: [BodyNode] = []
        if model.closed { tags.append(Components.tag("Closed on \(model.closedOn.map(DisplayFormat.calendarDate) ?? "")", colour: "grey")) }
        if model.outside { tags.append(Components.tag("Outside appetite", colour: "red")) } else if model.current != nil { tags.append(Components.tag("Within appetite", colour: "green")) }
        if model.reviewOverdue { tags.append(Components.tag("Review overdue", colour: "orange")) }
        if let to = model.escalatedTo { tags.append(Components.tag("Escalated to \(to.name)", colour: "blue")) }
        return .group(
            H.el("p", H.cls("govuk-body"), .group(tags.flatMap { [$0, H.text(" ")] })),
            .unwrap(model.proposal) { proposal in
                H.el("div", H.cls("govuk-inset-text"), H.attr("id", "proposal"), H.text(proposal),
                     model.canEdit ? .group(H.text(" "), H.link("Decide now", to: .risk(.form(model.id, .escalate)))) : .empty)
            })
    }

    private static func indicator(_ model: Model) -> BodyNode {
        guard let reading = model.indicator else { return .empty }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Key risk indicator")),
            H.el("div", H.cls(reading.below ? "govuk-warning-text" : "govuk-inset-text"),
                 reading.below ? H.el("span", H.cls("govuk-warning-text__icon"), H.attr("aria-hidden", "true"), H.text("!")) : .empty,
                 H.el("p", H.cls(reading.below ? "govuk-warning-text__text" : "govuk-body"),
                      reading.below ? H.el("span", H.cls("govuk-visually-hidden"), H.text("Warning: ")) : .empty,
                      H.text("\(reading.label): \(reading.summary)."),
                      H.text(reading.below ? " This is below the threshold: the risk may be rising." : " This meets the threshold."))))
    }

    /// One small form per control; ids carry the control's id so several controls never share one.
    private static func effectivenessForm(_ control: Control, csrf: String?) -> BodyNode {
        let id = "effectiveness-\(control.id.uuidString.lowercased())"
        return Components.form(action: .risk(.controlEffectiveness(control.id)), csrf: csrf,
            H.el("div", H.cls("govuk-form-group"),
                H.el("label", H.cls("govuk-label govuk-visually-hidden"), H.attr("for", id), H.text("Effectiveness of \(control.description)")),
                H.el("select", H.cls("govuk-select"), H.attr("id", id), H.attr("name", "effectiveness"), .group(RiskControl.Effectiveness.allCases.map { value in
                    H.el("option", H.attr("value", value.rawValue), H.flag("selected", value == control.effectiveness), H.text(value.label))
                }))),
            H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Save"),
                 H.el("span", H.cls("govuk-visually-hidden"), H.text(" the effectiveness of \(control.description)"))))
    }
}
