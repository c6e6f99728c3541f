import CapableCore
import Foundation
import Plot

/// The framework library: every framework people can use, with search.
enum LibraryPage {
    struct Model: Encodable {
        var items: [Frameworks.Summary]
        var canAuthor: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let inUse = model.items.filter { $0.status != .retired }
        let retired = model.items.filter { $0.status == .retired }
        return Layout.page(PageFrame(title: "Capability frameworks", area: .framework, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Capability frameworks"),
            Components.paragraph("Our guiding principles and core values, the capabilities under them, and what they look like (and don’t look like) in everyday work. Reviews, learning, recruitment and risk all use these same elements."),
            SearchPage.form(query: ""),
            model.canAuthor
                ? H.el("div", H.cls("govuk-button-group"),
                       H.link("Create a framework", to: .newFramework, class: "govuk-button"),
                       H.link("Import a framework", to: .frameworkImport, class: "govuk-button govuk-button--secondary"))
                : .empty,
            inUse.isEmpty ? Components.paragraph("No frameworks yet.") : table("Frameworks in use", inUse),
            retired.isEmpty ? .empty : table("Retired frameworks", retired)
        )
    }

    private static func table(_ caption: String, _ items: [Frameworks.Summary]) -> BodyNode {
        Components.table(caption: caption, headers: ["Framework", "Kind", "Status", "Version", "Elements"], rows: items.map { item in
            [H.el("div", H.link(item.title, to: .framework(item.id)),
                  H.el("p", H.cls("govuk-body-s"), H.text(item.description))),
             H.text(FrameworkDisplay.kind(item.kind)),
             .group(FrameworkDisplay.status(item.status),
                    item.hasDraft && item.status != .draft ? H.el("p", H.cls("govuk-body-s"), H.text("A new version is being drafted")) : .empty),
             H.text(String(item.version)),
             H.text(String(item.elementCount))]
        }, numeric: [3, 4])
    }
}
