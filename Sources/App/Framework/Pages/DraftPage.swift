import CapableCore
import Foundation
import Plot

/// The draft being written: its details, every element with its actions, and publish or discard.
enum DraftPage {
    struct Model: Encodable {
        var document: FrameworkDocument
        /// The version the draft will replace, for comparison.
        var previousVersion: Int?
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let document = model.document
        let id = document.id
        return Layout.page(PageFrame(title: "Draft version \(document.version) of \(document.title)", area: .framework,
                                     breadcrumbs: [("Home", .home), ("Framework", .frameworks), (document.title, .framework(id))]),
                           context: context,
            Components.heading("Draft version \(document.version)", caption: document.title),
            H.el("p", H.cls("govuk-body"), FrameworkDisplay.status(.draft),
                 H.text(" Only HR and administrators see this draft. Publishing it makes it the version everyone uses.")),
            Components.summaryList([
                ("Title", H.text(document.title)), ("Kind", H.text(FrameworkDisplay.kind(document.kind))), ("Owner", H.text(document.owner)),
                ("Implemented", H.text(FrameworkDisplay.date(document.implementedOn))), ("Amended", H.text(FrameworkDisplay.date(document.amendedOn))),
                ("Rating scale", H.text(document.ratingScale.map(\.label).joined(separator: ", "))),
            ]),
            H.el("div", H.cls("govuk-button-group"),
                H.link("Change the details", to: .frameworkDraftDetails(id), class: "govuk-button govuk-button--secondary"),
                H.link("Add a top-level element", to: .frameworkDraftNewElement(id, parent: nil), class: "govuk-button govuk-button--secondary"),
                .unwrap(model.previousVersion) { H.link("Compare with version \($0)", to: .frameworkCompare(id, from: $0, to: document.version)) }),
            H.el("h2", H.cls("govuk-heading-l"), H.text("Elements")),
            document.elements.isEmpty ? Components.paragraph("No elements yet. Start with a principle, a value or a capability.")
                : elements(document, csrf: context.csrfToken),
            H.el("h2", H.cls("govuk-heading-l"), H.text("Publish or discard")),
            H.el("div", H.cls("govuk-button-group"),
                Components.form(action: .frameworkPublish(id), csrf: context.csrfToken,
                                confirm: "Publish version \(document.version)? It becomes read-only and replaces the current version.",
                                Components.button("Publish version \(document.version)")),
                Components.form(action: .frameworkDiscard(id), csrf: context.csrfToken,
                                confirm: "Discard this draft? Its changes are lost; published versions are not affected.",
                                Components.button("Discard this draft", style: "warning")))
        )
    }

    private static func elements(_ document: FrameworkDocument, csrf: String?) -> BodyNode {
        let id = document.id
        return Components.table(caption: "\(document.allElements().count) elements, in order", headers: ["Code", "Element", "Actions"],
                                rows: document.outline().map { entry in
            let element = entry.element
            let hidden = { (text: String) in H.el("span", H.cls("govuk-visually-hidden"), H.text(text)) }
            return [
                H.el("span", H.attr("id", "element-\(element.code)"), H.text(element.code)),
                H.el("div", H.cls("app-depth-\(min(entry.depth, 3))"),
                     H.text(element.title),
                     H.el("p", H.cls("govuk-body-s"), H.text("\(FrameworkDisplay.elementKind(element.kind)), \(FrameworkDisplay.audience(element.audience).lowercased()), \(element.indicators.count) examples"))),
                H.el("div", H.cls("app-actions"),
                    H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.frameworkDraftElement(id, element.id).path), H.text("Edit"), hidden(" \(element.code)")),
                    element.kind.allowedChildren.isEmpty ? .empty
                        : H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.frameworkDraftNewElement(id, parent: element.id).path),
                               H.text("Add under"), hidden(" \(element.code)")),
                    moveButton(document, element, "up", csrf: csrf),
                    moveButton(document, element, "down", csrf: csrf),
                    Components.form(action: .frameworkDraftElementDelete(id, element.id), csrf: csrf,
                                    confirm: "Delete \(element.code) and everything under it from this draft?",
                                    H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Delete"), hidden(" \(element.code)"))))
            ]
        })
    }

    private static func moveButton(_ document: FrameworkDocument, _ element: FrameworkDocument.Element, _ direction: String, csrf: String?) -> BodyNode {
        let siblings = document.parent(of: element.id)?.children ?? document.elements
        guard let index = siblings.firstIndex(where: { $0.id == element.id }) else { return .empty }
        if direction == "up" ? index == 0 : index == siblings.count - 1 { return .empty }
        return Components.form(action: .frameworkDraftElementMove(document.id, element.id), csrf: csrf,
            H.void("input", [("type", "hidden"), ("name", "direction"), ("value", direction)]),
            H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Move \(direction)"),
                 H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(element.code)"))))
    }
}
