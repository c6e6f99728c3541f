import CapableCore
import Fluent
import Plot
import Vapor

/// The Reviews area's start page: the signed-in person's own objectives and actions, and their
/// team for managers. The rest of continuous review (check-ins, assessments, feedback,
/// probation, the yearly review) joins this page as it is built.
enum ReviewsHome {
    struct Model {
        var personID: UUID?
        var hasReports: Bool
        var isHR: Bool
        var reviews: [ReviewRow] = []
    }

    /// A yearly review the caller takes part in: their own, or a report's as their manager.
    struct ReviewRow { var personID: UUID; var reviewID: UUID; var person: String; var cycle: String; var stage: String; var own: Bool }

    @Sendable static func page(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        var hasReports = false
        if let me = principal.personID {
            hasReports = try await Person.query(on: req.database).filter(\.$lineManager.$id == me).filter(\.$active == true).count() > 0
        }
        var model = Model(personID: principal.personID, hasReports: hasReports, isHR: !principal.roles.isDisjoint(with: [.hr, .admin]))
        if let me = principal.personID {
            let reviews = try await ReviewCycles.visibleReviews(for: me, on: req.database)
            let assessments = try await ReviewCycles.assessments(of: reviews, on: req.database)
            model.reviews = try reviews.map { review in
                ReviewRow(personID: review.$person.id, reviewID: try review.requireID(), person: review.person.displayName, cycle: review.cycle.title,
                          stage: PDRTasks.stage(ReviewCycles.progress(review, assessments: assessments)), own: review.$person.id == me)
            }
        }
        return view(model, context: PageContext(req))
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
                H.el("li", H.link("Notifications", to: .notifications)),
                model.isHR ? H.el("li", H.link("Probation reviews due", to: .probationDue)) : .empty,
                model.isHR ? H.el("li", H.link("Review cycles (PDR)", to: .reviewCycles)) : .empty),
            model.reviews.isEmpty ? .empty : Components.table(caption: "Yearly reviews", headers: ["Review", "Cycle", "Next step"], rows: model.reviews.map { row in
                [H.link(row.own ? "My review" : row.person, to: .review(row.personID, row.reviewID)), H.text(row.cycle), H.text(row.stage)]
            }),
            model.personID == nil
                ? H.el("div", H.cls("govuk-inset-text"), H.text("Your account is not linked to a staff record, so it has no objectives or actions of its own."))
                : .empty
        )
    }
}
