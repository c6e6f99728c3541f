import CapableCore
import Foundation
import Plot

/// A person's probation: the schedule with each review's state in words, the reviews held, and
/// the form for the next one (with the outcome at the final review).
enum ProbationPage {
    struct Review: Encodable {
        var id: UUID
        var dueOn: String
        var heldOn: String
        var manager: String
        var notes: String
        var outcome: ProbationReview.Outcome?
        var newEndDate: String?
        var assessment: UUID?
    }

    struct Choice: Encodable { var id: UUID; var label: String }

    struct Model: Encodable {
        var personID: UUID
        var personName: String
        var startDate: String?
        var endDate: String?
        var entries: [Probation.Entry]
        var decided: ProbationReview.Outcome?
        var reviews: [Review]
        var next: Probation.Entry?
        var canRecord: Bool
        var assessments: [Choice]
        var form: ProbationController.Form
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Probation: \(model.personName)", area: .reviews,
                              breadcrumbs: [("Home", .home), ("People", .area(.people)), (model.personName, .person(model.personID))],
                              hasErrors: !model.errors.isEmpty),
                    context: context,
            Components.errorSummary(model.errors),
            Components.heading("Probation", caption: model.personName),
            model.entries.isEmpty ? Components.paragraph("No probation is recorded: it needs a start date and a probation end date from the HR system.")
                : content(model, csrf: context.csrfToken)
        )
    }

    private static func content(_ model: Model, csrf: String?) -> BodyNode {
        .group(
            Components.summaryList([
                ("Started", H.text(model.startDate.map(DisplayFormat.calendarDate) ?? "")),
                ("Probation ends", H.text(model.endDate.map(DisplayFormat.calendarDate) ?? "")),
                ("Outcome", H.text(model.decided?.label ?? "Not decided yet")),
            ]),
            Components.table(caption: "Reviews", headers: ["Review", "Due", "State"], rows: model.entries.map { entry in
                [H.text(entry.isFinal ? "Review \(entry.number) (final)" : "Review \(entry.number)"), H.text(DisplayFormat.calendarDate(entry.due)),
                 Components.tag(entry.state.label, colour: entry.state.colour)]
            }),
            model.reviews.isEmpty ? .empty : Components.table(caption: "Reviews held", headers: ["Held", "By", "Notes", "Outcome"], rows: model.reviews.map { review in
                [H.text(DisplayFormat.calendarDate(review.heldOn)), H.text(review.manager),
                 .group(H.text(review.notes),
                        .unwrap(review.assessment) { H.el("p", H.cls("govuk-body-s"), H.link("The manager assessment", to: .assessment(model.personID, $0))) }),
                 H.text(review.outcome.map { outcome in
                     outcome == .extend ? "Extended to \(review.newEndDate.map(DisplayFormat.calendarDate) ?? "")" : outcome.label
                 } ?? "")]
            }),
            (model.canRecord ? model.next : nil).map { next in form(model, next: next, csrf: csrf) } ?? .empty
        )
    }

    private static func form(_ model: Model, next: Probation.Entry, csrf: String?) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Record review \(next.number)\(next.isFinal ? " (final)" : "")")),
            Components.paragraph("Assess the core behaviours (start a manager assessment on the Assessments page) and go through the objectives."),
            Components.form(action: .probation(model.personID), csrf: csrf,
                Components.input(.init(name: "held_on", label: "Date of the review", hint: "For example, 28/02/2027", value: model.form.held_on, width: "10"),
                                 errors: model.errors),
                Components.textarea(name: "notes", label: "How the core behaviours and objectives are going", value: model.form.notes ?? "", rows: 5,
                                    errors: model.errors),
                model.assessments.isEmpty ? .empty
                    : Components.select(name: "assessment", label: "The manager assessment it rests on (optional)",
                                        options: [("", "None")] + model.assessments.map { ($0.id.uuidString.lowercased(), $0.label) },
                                        selected: model.form.assessment ?? "", errors: model.errors),
                next.isFinal ? .group(
                    Components.radios(name: "outcome", legend: "Outcome",
                                      choices: ProbationReview.Outcome.allCases.map { ($0.rawValue, $0.label) },
                                      selected: model.form.outcome ?? "", errors: model.errors),
                    Components.input(.init(name: "new_end_date", label: "New end date, if extending", hint: "For example, 31/10/2027",
                                           value: model.form.new_end_date, width: "10"), errors: model.errors)) : .empty,
                Components.button("Record the review")))
    }
}
