import CapableCore
import Fluent
import Plot
import Vapor

extension JobRolesController {
    /// The requirements form, filled in from the role's current requirements.
    @Sendable static func requirementsForm(req: Request) async throws -> HTML {
        let role = try await find(req)
        let current = Dictionary(uniqueKeysWithValues: role.requirements.map { ($0.elementID, $0) })
        let chosen = current.mapValues { (need: $0.essential ? "essential" : "desirable", level: $0.level.map(String.init) ?? "") }
        let model = try await requirementsQuery(role: role, chosen: chosen, errors: [], on: req.database)
        return JobRoleRequirementsPage.view(model, context: PageContext(req))
    }

    /// Saves the requirements; every problem is shown at its control and nothing is written.
    @Sendable static func saveRequirements(req: Request) async throws -> Response {
        let role = try await find(req)
        let form = try req.content.decode(JobRoleRequirementsForm.Form.self)
        let listed = try await requirementsQuery(role: role, chosen: [:], errors: [], on: req.database)
        let (requirements, formErrors) = JobRoleRequirementsForm.requirements(form, order: listed.order)
        let apiErrors = try await JobRoles.requirementProblems(requirements, on: req.database)
        let errors = formErrors + apiErrors.map {
            FieldError(field: JobRoleRequirementsForm.formField($0.field, requirements: requirements), message: $0.message)
        }
        guard errors.isEmpty else {
            var chosen: [UUID: (need: String, level: String)] = [:]
            for (key, need) in form.need ?? [:] {
                if let id = UUID(uuidString: key) { chosen[id] = (need, form.level?[key] ?? "") }
            }
            let model = try await requirementsQuery(role: role, chosen: chosen, errors: errors, on: req.database)
            return JobRoleRequirementsPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        try await JobRoles.setRequirements(requirements, of: role, on: req)
        return req.redirect(to: SiteURL.jobRole(try role.requireID()).path, redirectType: .normal)
    }

    /// Every element of each framework's current published version, grouped by framework and
    /// top-level element, with what is chosen for each; elements chosen but not listed there
    /// (only in an older version, or in none) come last so they can be seen and removed.
    static func requirementsQuery(role: JobRole, chosen: [UUID: (need: String, level: String)], errors: [FieldError],
                                  on db: any Database) async throws -> JobRoleRequirementsPage.Model {
        typealias Page = JobRoleRequirementsPage
        var frameworks: [Page.Framework] = []
        var order: [UUID] = []
        for (version, _) in try await Frameworks.library(includeDrafts: false, on: db) where version.statusValue == .published {
            let document = try await FrameworkStore.document(version, on: db)
            let levels = JobRoles.scale(of: version).map { Page.Level(value: $0.value, label: $0.label) }
            let groups = document.elements.map { top in
                let elements = flatten(top, depth: 0).map { element, depth in
                    Page.Option(id: element.id, code: element.code, title: element.title, audience: audienceWords(element.audience),
                                depth: depth, need: chosen[element.id]?.need ?? "", level: chosen[element.id]?.level ?? "")
                }
                return Page.Group(code: top.code, title: top.title, kind: top.kind.rawValue, options: elements)
            }
            order += groups.flatMap { $0.options.map(\.id) }
            frameworks.append(.init(title: document.title, levels: levels, groups: groups))
        }
        let unlisted = chosen.keys.filter { !order.contains($0) }.sorted { $0.uuidString < $1.uuidString }
        let known = try await Frameworks.latestElements(unlisted, on: db)
        let others = unlisted.map { id in
            Page.Option(id: id, code: known[id]?.row.code ?? id.uuidString.lowercased(), title: known[id]?.row.title ?? "Not in any published framework",
                        audience: "", depth: 0, need: chosen[id]?.need ?? "", level: chosen[id]?.level ?? "")
        }
        return Page.Model(roleID: try role.requireID(), roleTitle: role.title, frameworks: frameworks, others: others,
                          order: order, errors: errors)
    }

    private static func flatten(_ element: FrameworkDocument.Element, depth: Int) -> [(FrameworkDocument.Element, Int)] {
        [(element, depth)] + element.children.flatMap { flatten($0, depth: depth + 1) }
    }

    static func audienceWords(_ audience: FrameworkDocument.Element.Audience) -> String {
        switch audience {
        case .allStaff: "All staff"
        case .managers: "Managers"
        case .leaders: "Leaders"
        }
    }
}
