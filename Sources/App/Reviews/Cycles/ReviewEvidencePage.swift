import Foundation
import Plot

/// The year's evidence on a review page, one section per source, each saying plainly when
/// there is nothing.
enum ReviewEvidencePage {
    static func sections(_ evidence: ReviewEvidence, personID: UUID) -> BodyNode {
        let period = "\(DisplayFormat.calendarDate(evidence.from)) to \(DisplayFormat.calendarDate(evidence.to))"
        return H.el("section", H.attr("aria-labelledby", "evidence-heading"),
            H.el("h2", H.cls("govuk-heading-l"), H.attr("id", "evidence-heading"), H.text("The year on record")),
            Components.paragraph("Gathered from \(period), so nothing is written from memory."),
            evidence.observations.isEmpty ? section("Behaviours observed at check-ins", Components.paragraph("No observations recorded at check-ins in this period."))
                : Components.table(caption: "Behaviours observed at check-ins", headers: ["Check-in", "Element", "Example"], rows: evidence.observations.map { row in
                    [H.link(DisplayFormat.calendarDate(row.heldOn), to: .checkIn(personID, row.checkInID)), H.text(row.element), H.text(row.example)]
                }),
            evidence.objectives.isEmpty ? section("Objectives and outcomes", Components.paragraph("No objectives due in this period."))
                : Components.table(caption: "Objectives and outcomes", headers: ["Objective", "Outcome that shows success", "Due", "Status"],
                                   rows: evidence.objectives.map { row in
                    [H.link(row.title, to: .objective(personID, row.id)), H.text(row.outcome), H.text(DisplayFormat.calendarDate(row.dueOn)),
                     Components.tag(row.status.label, colour: row.status.colour)]
                }),
            evidence.feedback.isEmpty ? section("Feedback received", Components.paragraph("No named feedback received in this period."))
                : Components.table(caption: "Feedback received", headers: ["From", "Date", "Feedback"], rows: evidence.feedback.map { row in
                    [H.text(row.from ?? ""), H.text(row.on.map(DisplayFormat.calendarDate) ?? ""), H.text(row.text)]
                }),
            evidence.anonymousFeedback.isEmpty ? .empty
                : Components.table(caption: "Anonymous feedback (from requests with enough answers)", headers: ["Feedback"],
                                   rows: evidence.anonymousFeedback.map { [H.text($0.text)] }),
            evidence.peerAssessments.isEmpty ? .empty
                : Components.table(caption: "Peer assessments", headers: ["By", "Submitted"], rows: evidence.peerAssessments.map { row in
                    [H.link("Peer assessment by \(row.assessor)", to: .assessment(personID, row.id)), H.text(DisplayFormat.calendarDate(row.submittedOn))]
                }),
            evidence.training.isEmpty ? section("Training completed", Components.paragraph("No training completed in this period."))
                : Components.table(caption: "Training completed", headers: ["Course", "Completed", "How it was recorded"], rows: evidence.training.map { row in
                    [H.link(row.course, to: .learning(.course(row.courseID))), H.text(DisplayFormat.calendarDate(row.completedOn)), H.text(row.source)]
                }))
    }

    private static func section(_ title: String, _ body: BodyNode) -> BodyNode {
        .group(H.el("h3", H.cls("govuk-heading-m"), H.text(title)), body)
    }
}
