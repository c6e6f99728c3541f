import CapableCore
import Foundation
import Plot

/// What changed between two versions of a framework: elements added, removed and changed.
enum ComparePage {
    struct Model: Encodable {
        var frameworkID: UUID
        var title: String
        var from: Int
        var to: Int
        var available: [Int]
        var comparison: FrameworkComparison
    }

    static func form(frameworkID: UUID, available: [Int], from: Int, to: Int) -> BodyNode {
        let options = available.map { (String($0), "Version \($0)") }
        return H.el("form", H.attr("action", SiteURL.frameworkCompare(frameworkID, from: nil, to: nil).path), H.attr("method", "get"),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Compare two versions")),
            H.el("div", H.cls("govuk-grid-row"),
                H.el("div", H.cls("govuk-grid-column-one-third"), Components.select(name: "from", label: "Older version", options: options, selected: String(from))),
                H.el("div", H.cls("govuk-grid-column-one-third"), Components.select(name: "to", label: "Newer version", options: options, selected: String(to)))),
            Components.button("Compare", style: "secondary"))
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let comparison = model.comparison
        return Layout.page(PageFrame(title: "Version \(model.from) and version \(model.to) of \(model.title)", area: .framework,
                                     breadcrumbs: [("Home", .home), ("Framework", .frameworks), (model.title, .framework(model.frameworkID)),
                                                   ("Versions", .frameworkVersions(model.frameworkID))]),
                           context: context,
            Components.heading("What changed from version \(model.from) to version \(model.to)", caption: model.title),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"), H.text(summary(comparison))),
            form(frameworkID: model.frameworkID, available: model.available, from: model.from, to: model.to),
            comparison.framework.isEmpty ? .empty : changeTable("The framework’s details", comparison.framework),
            list("Added", comparison.added),
            list("Removed", comparison.removed),
            comparison.changed.isEmpty ? .empty : .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Changed (\(comparison.changed.count))")),
                .group(comparison.changed.map { changed in
                    changeTable("\(changed.element.code) \(changed.element.title)", changed.changes)
                }))
        )
    }

    static func summary(_ comparison: FrameworkComparison) -> String {
        guard !comparison.isEmpty else { return "The two versions are the same." }
        return "\(comparison.added.count) added, \(comparison.removed.count) removed, \(comparison.changed.count) changed."
    }

    private static func list(_ title: String, _ elements: [FrameworkDocument.Element]) -> BodyNode {
        guard !elements.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("\(title) (\(elements.count))")),
            H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(elements.map { element in
                H.el("li", H.text("\(element.code) \(element.title)"))
            })))
    }

    private static func changeTable(_ caption: String, _ changes: [FieldChange]) -> BodyNode {
        Components.table(caption: caption, headers: ["What", "Before", "After"], rows: changes.map { change in
            [H.text(fieldName(change.field)), multiline(change.old), multiline(change.new)]
        })
    }

    private static func multiline(_ text: String?) -> BodyNode {
        guard let text, !text.isEmpty else { return H.el("span", H.cls("govuk-hint"), H.text("(none)")) }
        let lines = text.components(separatedBy: "\n")
        return lines.count == 1 ? H.text(text) : H.el("ul", H.cls("govuk-list"), .group(lines.map { H.el("li", H.text($0)) }))
    }

    static func fieldName(_ field: String) -> String {
        [
            "code": "Code", "kind": "Kind", "title": "Title", "statement": "Statement", "audience": "For",
            "why_it_matters": "Why it matters", "what_it_means_for_me": "What it means for me",
            "looks_like": "Looks like", "does_not_look_like": "Doesn’t look like", "links": "Links", "parent": "Sits under",
            "description": "Description", "owner": "Owner", "implemented_on": "Implemented", "amended_on": "Amended",
            "rating_scale": "Rating scale",
        ][field] ?? field
    }
}
