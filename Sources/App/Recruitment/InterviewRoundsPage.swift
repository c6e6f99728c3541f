import Foundation
import Plot

/// Lists of interview rounds: the viewer's panels (`/recruitment`) and a role's rounds with the
/// form to set one up.
enum InterviewRoundsPage {
    struct Summary: Encodable {
        var id: UUID
        var title: String
        var heldOn: String
        var roleTitle: String

        init?(_ round: InterviewRound) {
            guard let id = round.id else { return nil }
            self.id = id
            title = round.title
            heldOn = DisplayFormat.calendarDate(round.heldOn)
            roleTitle = round.$jobRole.value?.title ?? ""
        }
    }

    struct RoleModel: Encodable {
        var roleID: UUID
        var roleTitle: String
        var rounds: [Summary]
        var hasPublishedSpecification: Bool
        var title: String
        var heldOn: String
        var errors: [FieldError]
    }

    static func index(_ rounds: [Summary], everything: Bool, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Interviews", area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))]), context: context,
            Components.heading("Interviews", caption: "Recruitment"),
            Components.paragraph(everything ? "Every interview round. Set one up from a job role's page."
                                            : "The interview panels you sit on."),
            table(rounds, caption: everything ? "\(rounds.count) interview rounds" : "Your interview panels"))
    }

    static func role(_ model: RoleModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Interviews: \(model.roleTitle)", area: .people,
                              breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Job roles", .jobRoles),
                                            (model.roleTitle, .jobRole(model.roleID))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Interviews", caption: model.roleTitle),
            table(model.rounds, caption: "Interview rounds for this role"),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Set up an interview round")),
            model.hasPublishedSpecification
                ? Components.form(action: .interviewRounds(model.roleID), csrf: context.csrfToken,
                    Components.input(.init(name: "title", label: "Title", hint: "For example: First interviews, March", value: model.title), errors: model.errors),
                    Components.input(.init(name: "held_on", label: "Interview date", hint: "For example 2026-03-14 or 14/03/2026",
                                           value: model.heldOn, width: "10"), errors: model.errors),
                    Components.button("Set up interview round"))
                : .group(Components.paragraph("The score sheet is made from the published person specification. Publish it first."),
                         H.el("p", H.cls("govuk-body"), H.link("Go to the person specification", to: .personSpecification(model.roleID, print: false))))
        )
    }

    private static func table(_ rounds: [Summary], caption: String) -> BodyNode {
        rounds.isEmpty ? Components.paragraph("No interview rounds yet.")
            : Components.table(caption: caption, headers: ["Round", "Job role", "Date"], rows: rounds.map { round in
                [H.link(round.title, to: .interviewRound(round.id)), H.text(round.roleTitle), H.text(round.heldOn)]
            })
    }
}
