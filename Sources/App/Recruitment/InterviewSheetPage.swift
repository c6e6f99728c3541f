import CapableCore
import Foundation
import Plot

/// A score sheet: the criteria assessed at interview, grouped as the specification groups them,
/// each with a score from 0 to 4 and a note. Also a blank version to print.
enum InterviewSheetPage {
    struct Entry: Encodable {
        var score: String
        var note: String
    }

    struct Model: Encodable {
        var roundID: UUID
        var roundTitle: String
        var heldOn: String
        var roleTitle: String
        var candidateID: UUID
        var candidate: String
        var memberID: UUID
        var memberName: String
        var groups: [CriterionGroups.Group]
        var experience: [CriterionGroups.Criterion]
        var entries: [UUID: Entry]
        var editable: Bool
        var submittedAt: String?
        var errors: [FieldError]

        var criteria: [CriterionGroups.Criterion] { groups.flatMap(\.criteria) + experience }
    }

    struct BlankModel: Encodable {
        var roundID: UUID
        var roundTitle: String
        var heldOn: String
        var roleTitle: String
        var groups: [CriterionGroups.Group]
        var experience: [CriterionGroups.Criterion]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Score sheet: \(model.candidate)", area: .people,
                              breadcrumbs: [("Home", .home), ("Interviews", .recruitment), (model.roundTitle, .interviewRound(model.roundID))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Score sheet: \(model.candidate)", caption: "\(model.roleTitle), \(model.roundTitle)"),
            Components.summaryList([
                ("Panel member", H.text(model.memberName)),
                ("Interview date", H.text(model.heldOn)),
                ("Status", model.submittedAt.map { _ in Components.tag("Submitted", colour: "green") }
                    ?? Components.tag(model.entries.isEmpty ? "Not started" : "In progress", colour: "blue")),
            ]),
            anchors(),
            model.editable ? form(model, context: context) : readOnly(model))
    }

    /// What each score means, so every panel member scores on the same scale.
    static func anchors() -> BodyNode {
        Components.table(caption: "How to score", headers: ["Score", "Meaning"], rows: InterviewScoring.anchors.map { anchor in
            [H.text("\(anchor.score) – \(anchor.label)"), H.text(anchor.meaning)]
        })
    }

    private static func form(_ model: Model, context: PageContext) -> BodyNode {
        Components.form(action: .interviewSheet(model.roundID, candidate: model.candidateID, member: model.memberID), csrf: context.csrfToken,
            .group(sections(model).map { heading, criteria in
                .group(H.el("h2", H.cls("govuk-heading-m"), H.text(heading)), .group(criteria.map { criterion($0, model: model) }))
            }),
            Components.paragraph("Scores are saved as you go; you can come back. Once submitted, the sheet can no longer be changed and counts towards the panel's averages."),
            H.el("div", H.cls("govuk-button-group"),
                 Components.button("Save scores"),
                 H.el("button", H.cls("govuk-button govuk-button--secondary"), H.attr("type", "submit"), H.attr("name", "submit"),
                      H.attr("value", "1"), H.attr("data-module", "govuk-button"), H.text("Save and submit"))))
    }

    static func sections(_ model: Model) -> [(String, [CriterionGroups.Criterion])] {
        model.groups.map { ($0.heading, $0.criteria) } + (model.experience.isEmpty ? [] : [("Experience and knowledge", model.experience)])
    }

    private static func criterion(_ criterion: CriterionGroups.Criterion, model: Model) -> BodyNode {
        let key = criterion.id.uuidString.lowercased()
        let entry = model.entries[criterion.id] ?? Entry(score: "", note: "")
        let scoreID = InterviewSheets.field("score", criterion.id), noteID = InterviewSheets.field("note", criterion.id)
        let options = [("", "Not scored yet")] + InterviewScoring.anchors.map { (String($0.score), "\($0.score) – \($0.label)") }
        // A score sent that is not on the list is offered back, so the error is visible next to it.
        let shown = options.contains { $0.0 == entry.score } ? options : options + [(entry.score, entry.score)]
        return H.el("div", H.cls("app-criterion"),
            H.el("h3", H.cls("govuk-heading-s"), PersonSpecificationPage.criterionCell(criterion, links: false)),
            H.el("p", H.cls("govuk-body-s"), H.text(criterion.essentialWord)),
            JobRoleRequirementsPage.select(id: scoreID, name: "score[\(key)]", label: "Score for \(criterion.name)",
                                           options: shown, selected: entry.score, errors: model.errors, visibleLabel: true),
            PersonSpecificationEditPage.textarea(id: noteID, name: "note[\(key)]", label: "Evidence and notes on \(criterion.name)",
                                                 value: entry.note, errors: model.errors))
    }

    private static func readOnly(_ model: Model) -> BodyNode {
        .group(sections(model).map { heading, criteria in
            Components.table(caption: heading, headers: ["Criterion", "Score", "Notes"], rows: criteria.map { criterion in
                let entry = model.entries[criterion.id]
                return [PersonSpecificationPage.criterionCell(criterion, links: false),
                        H.text(entry.flatMap { Int($0.score) }.map(InterviewScoring.label) ?? "Not scored"),
                        H.text(entry?.note ?? "")]
            })
        })
    }

    static func blank(_ model: BlankModel) -> HTML {
        let sections = model.groups.map { ($0.heading, $0.criteria) } + (model.experience.isEmpty ? [] : [("Experience and knowledge", model.experience)])
        return Layout.printPage(title: "Score sheet: \(model.roleTitle)", back: .interviewRound(model.roundID),
            Components.heading("Interview score sheet: \(model.roleTitle)", caption: "\(model.roundTitle), \(model.heldOn)"),
            Components.summaryList([("Candidate", H.text(" ")), ("Panel member", H.text(" "))]),
            anchors(),
            .group(sections.map { heading, criteria in
                Components.table(caption: heading, headers: ["Criterion", "Essential or desirable", "Score (0 to 4)", "Evidence and notes"],
                                 rows: criteria.map { [PersonSpecificationPage.criterionCell($0, links: false), H.text($0.essentialWord), H.text(""), H.text("")] })
            }))
    }
}
