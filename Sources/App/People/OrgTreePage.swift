import Foundation
import Plot

/// The organisation as a tree: council, directorates, services, teams.
enum OrgTreePage {
    struct Model: Encodable {
        var units: [OrgUnitsController.UnitRow]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let children = Dictionary(grouping: model.units, by: \.parent_id)
        let known = Set(model.units.map(\.id))
        // Units whose parent is missing are shown at the top rather than lost.
        let roots = model.units.filter { $0.parent_id.map { !known.contains($0) } ?? true }
        var visited: Set<UUID> = []
        func branch(_ units: [OrgUnitsController.UnitRow], depth: Int) -> BodyNode {
            let fresh = units.filter { visited.insert($0.id).inserted }
            guard !fresh.isEmpty, depth < 30 else { return .empty }
            return H.el("ul", H.cls(depth == 0 ? "govuk-list" : "govuk-list app-tree"), .group(fresh.map { unit in
                H.el("li",
                     H.link(unit.name, to: .orgUnit(unit.id)),
                     H.text(" (\(unit.people) \(unit.people == 1 ? "person" : "people"))"),
                     branch(children[unit.id] ?? [], depth: depth + 1))
            }))
        }
        return Layout.page(PageFrame(title: "Organisation structure", area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))]),
                           context: context,
            Components.heading("Organisation structure"),
            model.units.isEmpty ? Components.paragraph("No organisation units yet. HR can import them with the staff list.")
                : branch(roots, depth: 0)
        )
    }
}
