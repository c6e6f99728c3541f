import Foundation
import Plot

/// Find people: by name, employee reference, job title or unit, within what the viewer may see.
enum PeopleSearchPage {
    struct Model: Encodable {
        var text: String
        var includeLeavers: Bool
        var page: Int
        var rows: [PeopleQueries.Row]
        var hasNext: Bool
        var myPersonID: UUID?
        var managesPeople: Bool
        var seesOthers: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "People", area: .people, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("People"),
            H.el("ul", H.cls("govuk-list"),
                .unwrap(model.myPersonID) { H.el("li", H.link("Your record", to: .person($0))) },
                model.managesPeople ? H.el("li", H.link("My team", to: .myTeam(indirect: false))) : .empty,
                H.el("li", H.link("Organisation structure", to: .orgTree)),
                H.el("li", H.link("Job roles", to: .jobRoles)),
                context.roles.isDisjoint(with: [.hr, .admin]) ? .empty : .group(
                    H.el("li", H.link("Import people from the HR system", to: .peopleImport)),
                    H.el("li", H.link("Audiences", to: .audiences)),
                    H.el("li", H.link("Export people (CSV)", to: .peopleExport)),
                    H.el("li", H.link("Export organisation units (CSV)", to: .unitsExport)))),
            model.seesOthers ? .empty : Components.paragraph("You can see your own record. Managers also see the people who report to them, and HR the people in their units."),
            H.el("form", H.attr("method", "get"), H.attr("action", SiteURL.area(.people).path), H.flag("novalidate"),
                Components.input(.init(name: "q", label: "Search", hint: "Name, employee reference, job title or unit", value: model.text,
                                       type: "search", width: "20", spellcheck: false), errors: []),
                Components.checkboxes(name: "leavers", legend: "Leavers", choices: [.init(value: "1", label: "Include people who have left", checked: model.includeLeavers)], errors: [], singleField: true),
                Components.button("Search", style: "secondary")),
            results(model)
        )
    }

    private static func results(_ model: Model) -> BodyNode {
        guard !model.rows.isEmpty else { return Components.paragraph(model.text.isEmpty ? "No people to show." : "No people match your search.") }
        return .group(
            Components.table(caption: "People", headers: ["Name", "Job title", "Unit", "Employee reference", "Status"], rows: model.rows.map { row in
                [
                    H.link(row.displayName, to: .person(row.id)), H.text(row.job_title ?? ""), H.text(row.unit_name ?? ""),
                    H.text(row.assignment_no == "1" ? row.employee_ref : "\(row.employee_ref) / \(row.assignment_no)"),
                    row.active ? Components.tag("Active", colour: "green") : Components.tag("Left", colour: "grey"),
                ]
            }),
            Components.pagination(page: model.page, hasNext: model.hasNext) { page in
                SiteURL.area(.people).path + "?" + Query.encode(["q": model.text, "leavers": model.includeLeavers ? "1" : nil, "page": String(page)])
            }
        )
    }
}
