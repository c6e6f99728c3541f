import CapableCore
import Foundation
import Plot

/// A survey's results: response rate, the whole survey where it can be shown, each group of at
/// least the minimum, where smaller units' answers went, comments and the trend. Everything is
/// a table, so the figures are there in words for everyone.
enum SurveyResultsPage {
    static func view(_ model: SurveyResults.Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Results: \(model.title)", area: .workshops,
                              breadcrumbs: [("Home", .home), ("Pulse surveys", .surveys(.home)), (model.title, .surveys(.survey(model.surveyId)))]),
                    context: context,
            Components.heading("Results", caption: model.title),
            H.el("p", H.cls("govuk-body-l"), H.attr("id", "response-rate"),
                 H.text("\(model.respondents) of \(model.asked) people asked have answered" +
                        (model.asked > 0 ? " (\(Int((Double(model.respondents) * 100 / Double(model.asked)).rounded()))%)." : "."))),
            model.unitsOnly ? Components.paragraph("You see the groups in the units you lead. The whole survey, the comments and the trend are for HR.") : .empty,
            model.unitsOnly ? .empty : H.el("h2", H.cls("govuk-heading-m"), H.text("Everyone who answered")),
            model.unitsOnly ? .empty : model.overall.map { table("Everyone who answered", questions: model.questions, scores: $0, detailed: true) }
                ?? Components.paragraph(model.respondents < model.minimumGroup
                    ? "Fewer than \(model.minimumGroup) people have answered, so no results are shown yet."
                    : "Not shown: \(model.unshown) answers are in no group of \(model.minimumGroup) or more, and the whole would give them away."),
            H.el("h2", H.cls("govuk-heading-m"), H.text("By unit")),
            model.groups.isEmpty ? Components.paragraph("No unit has \(model.minimumGroup) or more answers yet.") : .group(model.groups.map { group in
                H.el("section", H.attr("aria-labelledby", "unit-\(group.unitId.uuidString.lowercased())"),
                    H.el("h3", H.cls("govuk-heading-s"), H.attr("id", "unit-\(group.unitId.uuidString.lowercased())"),
                         H.text("\(group.unit): \(group.respondents) answered")),
                    group.includes.isEmpty ? .empty : Components.paragraph("Includes the answers of \(group.includes.joined(separator: ", ")), which had fewer than \(model.minimumGroup)."),
                    table("\(group.unit)", questions: model.questions, scores: group.scores, detailed: false))
            }),
            model.folded.isEmpty ? .empty : .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Units with fewer than \(model.minimumGroup) answers")),
                Components.table(caption: "Units not shown on their own", headers: ["Unit", "Their answers are counted in"], rows: model.folded.map { f in
                    [H.text(f.unit), H.text(f.countedIn ?? "No group shown (too few further up)")]
                })),
            model.unitsOnly ? .empty : H.el("h2", H.cls("govuk-heading-m"), H.text("Comments")),
            model.unitsOnly ? .empty : model.comments.isEmpty ? Components.paragraph(model.overall == nil ? "Comments are shown with the whole survey's results." : "No comments.")
                : H.el("ul", H.cls("govuk-list"), .group(model.comments.map { H.el("li", H.el("blockquote", H.cls("app-quote"), H.text($0))) })),
            trend(model)
        )
    }

    private static func table(_ caption: String, questions: [SurveyResults.Question], scores: [SurveyResults.Score], detailed: Bool) -> BodyNode {
        let byKey = Dictionary(scores.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let headers = ["Statement", "Average (1 to 5)", "Agree"] + (detailed ? BuiltInQuestions.scale : [])
        return Components.table(caption: caption, headers: headers, rows: questions.map { q in
            let s = byKey[q.key]
            return [H.text(q.text), H.text(s?.average.map { String(format: "%.1f", $0) } ?? "No answers"),
                    H.text(s?.agreePercent.map { "\($0)%" } ?? "")] + (detailed ? (s?.counts ?? []).map { H.text(String($0)) } : [])
        }, numeric: Set(1..<(detailed ? 8 : 3)))
    }

    private static func trend(_ model: SurveyResults.Model) -> BodyNode {
        let keys = model.questions.map(\.key).filter { !$0.hasPrefix("own.") }
        guard model.trend.count > 1, !keys.isEmpty else { return .empty }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Trend")),
            Components.paragraph("The average for each built-in statement in every survey that asked it, oldest first. A blank means too few answered to show it."),
            Components.table(caption: "Trend across surveys", headers: ["Survey", "Answered"] + keys.map { key in model.questions.first { $0.key == key }?.text ?? key },
                             rows: model.trend.map { point in
                [H.text("\(point.title) (\(DisplayFormat.calendarDate(point.opensOn)))"), H.text(String(point.respondents))]
                    + keys.map { key in H.text(point.averages[key].map { String(format: "%.1f", $0) } ?? "") }
            }, numeric: Set(1...(keys.count + 1))))
    }
}
