import CapableCore
import Foundation
import Plot

/// One framework (one version of it): its details, its elements as an outline, and its rating scale.
enum FrameworkPage {
    struct Model: Encodable {
        var document: FrameworkDocument
        var versions: [Int]
        var draftVersion: Int?
        /// Whether this is the version people currently see.
        var isCurrent: Bool
        var canAuthor: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let document = model.document
        let version: Int? = model.isCurrent ? nil : document.version
        return Layout.page(PageFrame(title: document.title, area: .framework, breadcrumbs: [("Home", .home), ("Framework", .frameworks)]),
                           context: context,
            Components.heading(document.title, caption: FrameworkDisplay.kind(document.kind)),
            H.el("p", H.cls("govuk-body"), FrameworkDisplay.status(document.status), H.text(" Version \(document.version)")),
            model.isCurrent ? .empty : H.el("div", H.cls("govuk-inset-text"),
                H.text("This is version \(document.version). "), H.link("See the current version", to: .framework(document.id))),
            Components.paragraph(document.description),
            details(document),
            H.el("ul", H.cls("govuk-list"),
                 H.el("li", H.link("Print this framework", to: .frameworkPrint(document.id, version: version))),
                 H.el("li", H.link("Rating form: rate against the examples", to: .frameworkRatingForm(document.id, version: version))),
                 H.el("li", H.link("Versions and what changed (\(model.versions.count))", to: .frameworkVersions(document.id))),
                 H.el("li", H.link("Download as 1EdTech CASE (JSON)", to: .frameworkCASE(document.id, version: version))),
                 H.el("li", H.link("Download as CSV", to: .frameworkCSV(document.id, version: version)))),
            model.canAuthor ? authoring(model, csrf: context.csrfToken) : .empty,
            H.el("h2", H.cls("govuk-heading-l"), H.text("Contents")),
            document.elements.isEmpty ? Components.paragraph("This framework has no elements yet.") : .group(document.elements.map { outline($0, version: version) }),
            scale(document.ratingScale)
        )
    }

    private static func details(_ document: FrameworkDocument) -> BodyNode {
        var rows: [(key: String, value: BodyNode)] = [
            ("Owner", H.text(document.owner)),
            ("Implemented", H.text(FrameworkDisplay.date(document.implementedOn))),
            ("Amended", H.text(FrameworkDisplay.date(document.amendedOn))),
        ]
        if let written = document.datesAsWritten { rows.append(("Dates in the source", H.text(written))) }
        return Components.summaryList(rows)
    }

    private static func authoring(_ model: Model, csrf: String?) -> BodyNode {
        let id = model.document.id
        let status = model.document.status
        return H.el("div", H.cls("govuk-button-group"),
            model.draftVersion.map { H.link("Edit the draft (version \($0))", to: .frameworkDraft(id), class: "govuk-button") }
                ?? (status == .published || status == .superseded
                    ? Components.form(action: .frameworkDrafts(id), csrf: csrf, Components.button("Start a new version"))
                    : .empty),
            status == .published
                ? Components.form(action: .frameworkRetire(id), csrf: csrf,
                                  confirm: "Retire this framework? It stays readable, but is no longer offered for new work.",
                                  Components.button("Retire this framework", style: "warning"))
                : .empty)
    }

    /// A top-level element and what sits under it, grouped as the source groups them:
    /// behaviours for all staff, then for managers, then the standards expected of managers.
    static func outline(_ element: FrameworkDocument.Element, version: Int?) -> BodyNode {
        H.el("section", H.cls("app-outline"),
            H.el("h2", H.cls("govuk-heading-m"), H.link(FrameworkDisplay.label(element), to: .frameworkElement(element.id, version: version))),
            FrameworkDisplay.statement(element),
            outlineChildren(element, version: version))
    }

    /// An element's children, under a heading per kind and audience when there is more than one.
    static func outlineChildren(_ element: FrameworkDocument.Element, version: Int?) -> BodyNode {
        let groups = Dictionary(grouping: element.children) { GroupKey(kind: $0.kind, audience: $0.audience) }
        let order = element.children.map { GroupKey(kind: $0.kind, audience: $0.audience) }.reduce(into: [GroupKey]()) { keys, key in
            if !keys.contains(key) { keys.append(key) }
        }
        return .group(order.map { key in
            .group(order.count > 1 ? H.el("h3", H.cls("govuk-heading-s"), H.text(key.heading(of: groups[key]?.count ?? 0))) : .empty,
                   list(groups[key] ?? [], version: version))
        })
    }

    private static func list(_ elements: [FrameworkDocument.Element], version: Int?) -> BodyNode {
        H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(elements.map { element in
            H.el("li", H.link(FrameworkDisplay.label(element), to: .frameworkElement(element.id, version: version)),
                 element.children.isEmpty ? .empty : list(element.children, version: version))
        }))
    }

    struct GroupKey: Hashable {
        var kind: FrameworkDocument.Element.Kind
        var audience: FrameworkDocument.Element.Audience

        func heading(of count: Int) -> String {
            let plural = count == 1 ? "" : "s"
            let noun: String = switch kind {
            case .standard: "Standard\(plural) expected"
            case .capability: count == 1 ? "Capability" : "Capabilities"
            case .knowledge: "Knowledge"
            default: "\(FrameworkDisplay.elementKind(kind))\(plural)"
            }
            return "\(noun): \(FrameworkDisplay.audience(audience).lowercased())"
        }
    }

    /// The rating scale, so everyone rates on the same words.
    static func scale(_ levels: [ScaleLevel]) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-l"), H.text("Rating scale")),
            Components.paragraph("People are rated against each element’s own “looks like” and “doesn’t look like” examples, on these levels."),
            Components.table(caption: "Rating levels", headers: ["Level", "Name", "What it means"], rows: levels.map { level in
                [H.text(String(level.value)), H.text(level.label), H.text(level.description)]
            }))
    }
}
