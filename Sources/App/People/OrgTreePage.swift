import Foundation
import Plot

/// The organisation as a tree: council, directorates, services, teams.
enum OrgTreePage {
    static let depthShown = 3

    struct Model: Encodable {
        var units: [OrgUnitsController.UnitRow]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let children = Dictionary(grouping: model.units, by: \.parent_id)
        let known = Set(model.units.map(\.id))
        // Units whose parent is missing are shown at the top rather than lost.
        let roots = model.units.filter { $0.parent_id.map { !known.contains($0) } ?? true }
        var visited: Set<UUID> = []
        // The top three levels (council, directorates, services); a large council has thousands
        // of teams, which are listed on each service's own page.
        func branch(_ units: [OrgUnitsController.UnitRow], depth: Int) -> BodyNode {
            let fresh = units.filter { visited.insert($0.id).inserted }
            guard !fresh.isEmpty, depth < OrgTreePage.depthShown else { return .empty }
            return H.el("ul", H.cls(depth == 0 ? "govuk-list" : "govuk-list app-tree"), .group(fresh.map { unit in
                let below = children[unit.id]?.count ?? 0
                let hidden = depth + 1 == OrgTreePage.depthShown && below > 0
                return H.el("li",
                     H.link(unit.name, to: .orgUnit(unit.id)),
                     H.text(" (\(unit.people) \(unit.people == 1 ? "person" : "people")\(hidden ? (below == 1 ? ", 1 sub-unit" : ", \(below) sub-units") : ""))"),
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
