import Foundation
import Plot

/// The audience preview page.
enum AudiencePage {
    static let shown = 100

    struct Result {
        var description: String
        var count: Int
        var people: [PeopleQueries.Row]
        var hiddenFromViewer: Int
    }

    struct Model {
        var query: AudiencesController.Query
        var roles: [(UUID, String)]
        var errors: [FieldError]
        var result: Result?
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let query = model.query
        return Layout.page(PageFrame(title: "Audiences", area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Who is in an audience"),
            Components.paragraph("Mandatory training, review cycles and surveys are aimed at audiences. Check who a group contains today."),
            H.el("form", H.attr("method", "get"), H.attr("action", SiteURL.audiences.path), H.flag("novalidate"),
                ruleFields(query, roles: model.roles, errors: model.errors),
                Components.button("Show who is in it", style: "secondary")),
            .unwrap(model.result) { result in
                .group(
                    H.el("h2", H.cls("govuk-heading-m"), H.attr("role", "status"),
                         H.text("\(result.description): \(result.count) \(result.count == 1 ? "person" : "people")")),
                    result.hiddenFromViewer > 0 ? Components.paragraph("\(result.hiddenFromViewer) of them are outside the units you look after, so they are counted but not listed.") : .empty,
                    result.people.isEmpty ? .empty : Components.table(caption: "People in the audience", headers: ["Name", "Job title", "Unit"],
                        rows: result.people.map { [H.link($0.displayName, to: .person($0.id)), H.text($0.job_title ?? ""), H.text($0.unit_name ?? "")] }),
                    result.people.count == shown ? Components.paragraph("Showing the first \(shown).") : .empty)
            }
        )
    }

    /// The fields that describe one audience rule, shared by every form that aims at an audience
    /// (this preview, review cycles) and read back by `AudiencesController.rule(from:on:)`.
    static func ruleFields(_ query: AudiencesController.Query, roles: [(UUID, String)], errors: [FieldError]) -> BodyNode {
        let choices: [(String, String)] = [
            ("allStaff", "All staff"), ("allManagers", "All managers (people with at least one report)"),
            ("unit", "A unit"), ("jobRole", "A job role"), ("gradeRange", "A range of grades"), ("newStarters", "New starters"),
        ]
        return .group(
            Components.radios(name: "rule", legend: "Who", choices: choices, selected: query.rule ?? "allStaff", errors: errors),
            Components.input(.init(name: "unit", label: "Unit code", hint: "For a unit", value: query.unit, width: "10", spellcheck: false), errors: errors),
            Components.checkboxes(name: "subunits", legend: "Sub-units", choices: [.init(value: "yes", label: "Include its sub-units", checked: query.subunits == "yes")],
                                  errors: [], singleField: true),
            Components.select(name: "role", label: "Job role", options: [("", "Choose a job role")] + roles.map { ($0.0.uuidString, $0.1) },
                              selected: query.role?.uuidString ?? "", errors: errors),
            Components.input(.init(name: "grade_low", label: "Lowest grade", value: query.grade_low, width: "10"), errors: errors),
            Components.input(.init(name: "grade_high", label: "Highest grade", value: query.grade_high, width: "10"), errors: errors),
            Components.input(.init(name: "days", label: "Started within this many days", hint: "For new starters", value: query.days, width: "10"), errors: errors))
    }
}
