import CapableCore
import Foundation
import Plot

/// Search results across all published frameworks.
enum SearchPage {
    struct Model: Encodable {
        var query: String
        var hits: [FrameworkSearch.Hit]
        var limited: Bool
    }

    /// The search box, a GET form so results can be bookmarked and work without scripts.
    static func form(query: String) -> BodyNode {
        H.el("form", H.attr("action", SiteURL.frameworkSearch(query: nil).path), H.attr("method", "get"), H.attr("role", "search"),
            H.el("div", H.cls("govuk-form-group"),
                H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", "q"), H.text("Search the frameworks")),
                H.el("div", H.cls("govuk-hint"), H.attr("id", "q-hint"),
                     H.text("Words from a title, a statement or an example, or a code such as TR.2")),
                H.void("input", [("class", "govuk-input govuk-input--width-20"), ("id", "q"), ("name", "q"), ("type", "search"),
                                 ("value", query), ("aria-describedby", "q-hint")])),
            Components.button("Search", style: "secondary"))
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = model.query.isEmpty ? "Search the frameworks" : "Search results for “\(model.query)”"
        return Layout.page(PageFrame(title: title, area: .framework, breadcrumbs: [("Home", .home), ("Framework", .frameworks)]),
                           context: context,
            Components.heading(title),
            form(query: model.query),
            model.query.isEmpty ? .empty : results(model)
        )
    }

    private static func results(_ model: Model) -> BodyNode {
        guard !model.hits.isEmpty else {
            return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("No elements match")),
                          Components.paragraph("Check the spelling, or use fewer or shorter words."))
        }
        let count = model.limited ? "The first \(model.hits.count) elements" : model.hits.count == 1 ? "1 element" : "\(model.hits.count) elements"
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.attr("role", "status"), H.text("\(count) found")),
            H.el("ol", H.cls("govuk-list app-results"), .group(model.hits.map { hit in
                H.el("li",
                    H.el("h3", H.cls("govuk-heading-s"), H.link("\(hit.code) \(hit.title)", to: .frameworkElement(hit.elementID, version: nil))),
                    H.el("p", H.cls("govuk-body-s"),
                         H.text("\(FrameworkDisplay.elementKind(.init(rawValue: hit.kind) ?? .behaviour)) in "),
                         H.link(hit.frameworkTitle, to: .framework(hit.frameworkID))),
                    hit.statement == hit.title ? .empty : Components.paragraph(hit.statement),
                    .unwrap(hit.matchedExample) { H.el("p", H.cls("govuk-body-s"), H.text("Example: “\($0)”")) })
            }))
        )
    }
}
