import Fluent
import Plot
import Vapor

/// The Reviews area's start page: the signed-in person's own objectives and actions, and their
/// team for managers. The rest of continuous review (check-ins, assessments, feedback,
/// probation, the yearly review) joins this page as it is built.
enum ReviewsHome {
    struct Model: Encodable {
        var personID: UUID?
        var hasReports: Bool
        var isHR: Bool
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        var hasReports = false
        if let me = principal.personID {
            hasReports = try await Person.query(on: req.database).filter(\.$lineManager.$id == me).filter(\.$active == true).count() > 0
        }
        return view(.init(personID: principal.personID, hasReports: hasReports, isHR: !principal.roles.isDisjoint(with: [.hr, .admin])),
                    context: PageContext(req))
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Reviews", area: .reviews, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Reviews"),
            Components.paragraph("We’re all accountable for our own performance: objectives agreed with our manager, regular catch-ups, and the actions we agree, kept as one record that rolls up into the yearly review."),
            H.el("ul", H.cls("govuk-list"),
                .unwrap(model.personID) { me in
                    .group(H.el("li", H.link("My objectives", to: .objectives(me))), H.el("li", H.link("My check-ins", to: .checkIns(me))),
                           H.el("li", H.link("My assessments", to: .assessments(me))),
                           H.el("li", H.link("My development plan", to: .developmentPlan(me))))
                },
                H.el("li", H.link("My actions", to: .myActions)),
                H.el("li", H.link("Feedback", to: .feedback)),
                model.hasReports ? H.el("li", H.link("My team", to: .myTeam(indirect: false))) : .empty,
                model.isHR ? H.el("li", H.link("Probation reviews due", to: .probationDue)) : .empty),
            model.personID == nil
                ? H.el("div", H.cls("govuk-inset-text"), H.text("Your account is not linked to a staff record, so it has no objectives or actions of its own."))
                : .empty
        )
    }
}
