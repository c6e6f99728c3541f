import Foundation
import Plot

/// One interview round: its candidates with the viewer's sheet for each, the panel, and for HR
/// and administrators the forms to add candidates and panel members.
enum InterviewRoundPage {
    struct Candidate: Encodable {
        var id: UUID
        var reference: String
        /// The viewer's own sheet status, when they are on the panel.
        var myStatus: String?
    }

    struct Member: Encodable {
        var id: UUID
        var name: String
        var chair: Bool
        var submitted: Int
    }

    struct Model: Encodable {
        var roundID: UUID
        var title: String
        var heldOn: String
        var roleID: UUID
        var roleTitle: String
        var criteria: Int
        var candidates: [Candidate]
        var members: [Member]
        var myMemberID: UUID?
        var canManage: Bool
        var canSeeResults: Bool
        var errors: [FieldError]
        var reference: String
        var email: String
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "\(model.title): \(model.roleTitle)", area: .people,
                              breadcrumbs: [("Home", .home), ("Interviews", .recruitment)], hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.title, caption: "Interviews for \(model.roleTitle)"),
            Components.summaryList([
                ("Job role", H.link(model.roleTitle, to: .jobRole(model.roleID))),
                ("Date", H.text(model.heldOn)),
                ("Criteria scored", H.text("\(model.criteria), from the person specification's criteria assessed at interview")),
            ]),
            H.el("ul", H.cls("govuk-list"),
                H.el("li", H.link("Blank score sheet to print", to: .interviewBlankSheet(model.roundID))),
                model.canSeeResults ? H.el("li", H.link("Results: scores and averages", to: .interviewResults(model.roundID, print: false))) : .empty),
            candidates(model),
            panel(model),
            model.canManage ? forms(model, context: context) : .empty)
    }

    private static func candidates(_ model: Model) -> BodyNode {
        guard !model.candidates.isEmpty else { return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Candidates")), Components.paragraph("No candidates yet.")) }
        let headers = model.myMemberID == nil ? ["Candidate"] : ["Candidate", "Your score sheet", "Status"]
        return Components.table(caption: "Candidates", headers: headers, rows: model.candidates.map { candidate in
            guard let me = model.myMemberID, let status = candidate.myStatus else { return [H.text(candidate.reference)] }
            return [H.text(candidate.reference),
                    H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.interviewSheet(model.roundID, candidate: candidate.id, member: me).path),
                         H.text(status == "Submitted" ? "View" : "Score"),
                         H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(candidate.reference)"))),
                    Components.tag(status, colour: status == "Submitted" ? "green" : status == "In progress" ? "blue" : "grey")]
        })
    }

    private static func panel(_ model: Model) -> BodyNode {
        model.members.isEmpty ? .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Panel")), Components.paragraph("No panel members yet."))
            : Components.table(caption: "Panel", headers: ["Panel member", "Role on the panel", "Sheets submitted"], rows: model.members.map { member in
                [H.text(member.name), H.text(member.chair ? "Chair" : "Member"), H.text("\(member.submitted) of \(model.candidates.count)")]
            }, numeric: [2])
    }

    private static func forms(_ model: Model, context: PageContext) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add a candidate")),
            Components.form(action: .interviewCandidates(model.roundID), csrf: context.csrfToken,
                Components.input(.init(name: "reference", label: "Name or candidate reference",
                                       hint: "Keep it to what the panel needs: a candidate number is enough", value: model.reference), errors: model.errors),
                Components.button("Add candidate", style: "secondary")),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add a panel member")),
            Components.form(action: .interviewPanel(model.roundID), csrf: context.csrfToken,
                Components.input(.init(name: "email", label: "Email address of their Capable account", value: model.email,
                                       type: "email", autocomplete: "off", spellcheck: false), errors: model.errors),
                Components.checkboxes(name: "chair", legend: "Chair", choices: [.init(value: "yes", label: "Chairs the panel (sees everyone's scores)",
                                                                                      checked: false)],
                                      errors: model.errors, singleField: true),
                Components.button("Add panel member", style: "secondary")))
    }
}
