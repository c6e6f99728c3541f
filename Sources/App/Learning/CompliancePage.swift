import CapableCore
import Foundation
import Plot

/// The organisation view of mandatory training.
enum CompliancePage {
    static let peopleLimit = 500

    struct Column { var id: UUID; var title: String }
    struct UnitRow {
        /// Nil for the people with no unit on record.
        var id: UUID?
        var name: String
        /// Whether the unit has sub-units to open.
        var drill: Bool
        var counts: [UUID: ComplianceQueries.Counts]
    }
    struct PersonRow { var personID: UUID; var name: String; var employeeRef: String; var unit: String; var status: Compliance.Status }

    struct Model {
        var unit: UUID?
        var path: [(UUID, String)]
        var requirements: [Column]
        var selected: UUID?
        var rows: [UnitRow]
        var total: [UUID: ComplianceQueries.Counts]
        var people: [PersonRow]
    }

    static func cell(_ counts: ComplianceQueries.Counts?) -> BodyNode {
        guard let counts, counts.total > 0 else { return H.text("Not required") }
        return H.el("span", H.text(DisplayFormat.fraction(counts.current, of: counts.total)),
                    counts.overdue > 0 ? H.el("span", H.cls("app-tag-detail"), H.text("; \(counts.overdue) overdue")) : .empty,
                    counts.dueSoon > 0 ? H.el("span", H.cls("app-tag-detail"), H.text("; \(counts.dueSoon) due soon")) : .empty)
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let here = model.path.last?.1 ?? "The organisation"
        var crumbs: [(String, SiteURL)] = [("Home", .home), ("Learning", .learning(.myLearning)), ("Compliance", .learning(.compliance(unit: nil, requirement: nil)))]
        crumbs += model.path.dropLast().map { ($0.1, SiteURL.learning(.compliance(unit: $0.0, requirement: nil))) }
        let selectedTitle = model.requirements.first { $0.id == model.selected }?.title
        return Layout.page(PageFrame(title: "Mandatory training compliance: \(here)", area: .learning, breadcrumbs: crumbs), context: context,
            Components.heading(selectedTitle.map { "\($0): \(here)" } ?? here, caption: "Mandatory training compliance"),
            Components.paragraph("Each figure counts the people under a requirement whose completion counts today. Open a unit to see its teams, or a course to see the people."),
            H.el("p", H.cls("govuk-body"), H.link("Download as CSV", to: .learning(.complianceExport(unit: model.unit, requirement: model.selected))),
                 model.selected == nil ? .empty : .group(H.text(" · "), H.link("Show every requirement", to: .learning(.compliance(unit: model.unit, requirement: nil))))),
            model.rows.isEmpty ? Components.paragraph("Nobody here is under a mandatory requirement.") :
            H.el("div", H.cls("app-table-scroll"), H.attr("tabindex", "0"), H.attr("role", "region"), H.attr("aria-label", "Compliance by unit"),
                Components.table(caption: "Completed and current, by unit", headers: ["Unit"] + model.requirements.map(\.title),
                    rows: model.rows.map { row in
                        [row.drill ? H.link(row.name, to: .learning(.compliance(unit: row.id, requirement: model.selected))) : H.text(row.name)]
                            + model.requirements.map { cell(row.counts[$0.id]) }
                    } + [[H.el("strong", H.text("Total"))] + model.requirements.map { cell(model.total[$0.id]) }])),
            model.selected == nil ? H.el("ul", H.cls("govuk-list"), .group(model.requirements.map { requirement in
                H.el("li", H.link("People: \(requirement.title)", to: .learning(.compliance(unit: model.unit, requirement: requirement.id))))
            })) : people(model))
    }

    private static func people(_ model: Model) -> BodyNode {
        let shown = model.people.prefix(peopleLimit)
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("People")),
            model.people.count > peopleLimit ? Components.paragraph("Showing the first \(peopleLimit) by name; download the CSV for everyone.") : .empty,
            Components.table(caption: "People under the requirement (\(shown.count))", headers: ["Name", "Employee number", "Unit", "Status"], rows: shown.map { person in
                [H.link(person.name, to: .person(person.personID)), H.text(person.employeeRef), H.text(person.unit), MyLearningPage.tag(person.status)]
            }))
    }
}
