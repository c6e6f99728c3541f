import Foundation
import Plot

/// One course: what it is, what it develops, who must do it and why, and its sessions.
enum CoursePage {
    struct Element: Encodable { var id: UUID; var code: String; var title: String }
    struct Requirement: Encodable { var audience: String; var reason: String }
    struct SessionRow: Encodable {
        var id: UUID
        var when: String
        var location: String
        var trainer: String?
        var placesLeft: Int
        var capacity: Int
    }

    struct Model: Encodable {
        var id: UUID
        var code: String
        var title: String
        var summary: String
        var mode: String
        var provider: String
        var duration: String
        var validity: String
        var url: String?
        var elements: [Element]
        var requirements: [Requirement]
        var sessions: [SessionRow]
        var canManage: Bool
        var isFaceToFace: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: model.title, area: .learning,
                              breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning)), ("Courses", .learning(.courses))]), context: context,
            Components.heading(model.title, caption: model.code),
            Components.paragraph(model.summary),
            Components.summaryList([
                ("Mode", H.text(model.mode)), ("Provider", H.text(model.provider)), ("Duration", H.text(model.duration)),
                ("A completion counts for", H.text(model.validity)),
            ] + (model.url.map { url in [("Online", H.el("a", H.cls("govuk-link"), H.attr("href", url), H.attr("rel", "noopener noreferrer"), H.text("Start this course online")))] } ?? [])),
            model.canManage ? H.el("p", H.cls("govuk-body"), H.link("Edit this course", to: .learning(.editCourse(model.id)))) : .empty,
            H.el("h2", H.cls("govuk-heading-m"), H.text("Mandatory for")),
            model.requirements.isEmpty ? Components.paragraph("This course is not mandatory for anyone.") :
                .group(model.requirements.map { requirement in
                    H.el("div", H.cls("govuk-inset-text"),
                         H.el("p", H.cls("govuk-body govuk-!-font-weight-bold"), H.text(requirement.audience)),
                         H.el("p", H.cls("govuk-body"), H.text("Why: " + requirement.reason)))
                }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("What it develops")),
            model.elements.isEmpty ? Components.paragraph("No framework elements are linked to this course.") :
                H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.elements.map { element in
                    H.el("li", H.link("\(element.code) \(element.title)", to: .frameworkElement(element.id, version: nil)))
                })),
            model.isFaceToFace ? sessions(model) : .empty)
    }

    private static func sessions(_ model: Model) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Sessions")),
            model.canManage ? H.el("p", H.cls("govuk-body"), H.link("Add a session", to: .learning(.newSession(model.id)), class: "govuk-button govuk-button--secondary")) : .empty,
            model.sessions.isEmpty ? Components.paragraph("No sessions are planned.") :
                Components.table(caption: "Upcoming sessions", headers: ["When", "Where", "Trainer", "Places left"], rows: model.sessions.map { session in
                    [H.link(session.when, to: .learning(.session(session.id))), H.text(session.location), H.text(session.trainer ?? "To be confirmed"),
                     H.text(session.placesLeft == 0 ? "Full: waiting list" : "\(session.placesLeft) of \(session.capacity)")]
                }, numeric: []))
    }
}
