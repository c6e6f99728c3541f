import CapableCore
import Foundation
import Plot

/// A round's results: a summary of each candidate's overall average, then per candidate a table of
/// each criterion's scores by panel member with the criterion average. Averages to one decimal place.
enum InterviewResultsPage {
    static func view(_ model: InterviewResults.Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Results: \(model.roundTitle)", area: .people,
                              breadcrumbs: [("Home", .home), ("Interviews", .recruitment), (model.roundTitle, .interviewRound(model.roundID))]),
                    context: context,
            Components.heading("Interview results", caption: "\(model.roleTitle), \(model.roundTitle)"),
            body(model),
            H.el("p", H.cls("govuk-body"), H.link("Printable version", to: .interviewResults(model.roundID, print: true))))
    }

    static func print(_ model: InterviewResults.Model) -> HTML {
        Layout.printPage(title: "Results: \(model.roundTitle)", back: .interviewResults(model.roundID, print: false),
            Components.heading("Interview results: \(model.roleTitle)", caption: "\(model.roundTitle), \(DisplayFormat.calendarDate(model.heldOn))"),
            body(model))
    }

    static func body(_ model: InterviewResults.Model) -> BodyNode {
        guard !model.candidates.isEmpty else { return Components.paragraph("No candidates yet.") }
        return .group(
            Components.paragraph("Only submitted score sheets count. A criterion's average is the mean of the panel's scores; a candidate's overall average is the mean of their criterion averages, so each criterion counts the same."),
            Components.table(caption: "Overall averages", headers: ["Candidate", "Sheets submitted", "Overall average (0 to 4)"],
                             rows: model.candidates.map { candidate in
                [H.text(candidate.reference), H.text("\(candidate.submitted.filter { $0 }.count) of \(model.members.count)"),
                 H.text(InterviewScoring.format(candidate.overall))]
            }, numeric: [2]),
            .group(model.candidates.map { candidate(model, $0) }))
    }

    private static func candidate(_ model: InterviewResults.Model, _ candidate: InterviewResults.Candidate) -> BodyNode {
        let memberHeaders = zip(model.members, candidate.submitted).map { member, submitted in
            member.name + (member.chair ? " (chair)" : "") + (submitted ? "" : " – not submitted")
        }
        let numeric = Set(1...(model.members.count + 1))
        return H.el("table", H.cls("govuk-table"),
            H.el("caption", H.cls("govuk-table__caption govuk-table__caption--m"), H.text("Scores for \(candidate.reference)")),
            H.el("thead", H.cls("govuk-table__head"), H.el("tr", H.cls("govuk-table__row"),
                .group((["Criterion"] + memberHeaders + ["Average"]).enumerated().map { index, header in
                    H.el("th", H.cls(numeric.contains(index) ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header"),
                         H.attr("scope", "col"), H.text(header))
                }))),
            H.el("tbody", H.cls("govuk-table__body"),
                .group(candidate.rows.map { row in
                    H.el("tr", H.cls("govuk-table__row"),
                        H.el("th", H.cls("govuk-table__header"), H.attr("scope", "row"), PersonSpecificationPage.criterionCell(row.criterion, links: false)),
                        .group(row.scores.map { H.el("td", H.cls("govuk-table__cell govuk-table__cell--numeric"), H.text($0.map(String.init) ?? "–")) }),
                        H.el("td", H.cls("govuk-table__cell govuk-table__cell--numeric"), H.text(InterviewScoring.format(row.average))))
                }),
                H.el("tr", H.cls("govuk-table__row"),
                    H.el("th", H.cls("govuk-table__header"), H.attr("scope", "row"), H.text("Overall average")),
                    .group(model.members.map { _ in H.el("td", H.cls("govuk-table__cell")) }),
                    H.el("td", H.cls("govuk-table__cell govuk-table__cell--numeric"), H.el("strong", H.text(InterviewScoring.format(candidate.overall)))))))
    }
}
