import CapableCore
import Foundation
import Plot

/// The whole framework on one page for printing: every element with its text and examples.
enum PrintPage {
    static func view(_ document: FrameworkDocument, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "\(document.title) (print)", area: .framework,
                              breadcrumbs: [("Home", .home), ("Framework", .frameworks), (document.title, .framework(document.id))]),
                    context: context,
            Components.heading(document.title, caption: "\(FrameworkDisplay.kind(document.kind)), version \(document.version)"),
            Components.paragraph(document.description),
            Components.summaryList([("Owner", H.text(document.owner)),
                                    ("Implemented", H.text(FrameworkDisplay.date(document.implementedOn))),
                                    ("Amended", H.text(FrameworkDisplay.date(document.amendedOn)))]),
            H.el("p", H.cls("govuk-body app-no-print"), H.text("Use your browser’s print command to print this page or save it as a PDF.")),
            .group(document.outline().map { entry in block(entry.element, depth: entry.depth) }),
            FrameworkPage.scale(document.ratingScale)
        )
    }

    private static func block(_ element: FrameworkDocument.Element, depth: Int) -> BodyNode {
        let heading = ["h2", "h3", "h4"][min(depth, 2)]
        let style = ["govuk-heading-m", "govuk-heading-s", "govuk-heading-s"][min(depth, 2)]
        return H.el("section", H.cls("app-print-element"),
            H.el(heading, H.cls(style), H.text("\(element.code) \(element.title)")),
            H.el("p", H.cls("govuk-body-s"), H.text("\(FrameworkDisplay.elementKind(element.kind)), \(FrameworkDisplay.audience(element.audience).lowercased())")),
            FrameworkDisplay.statement(element),
            .unwrap(element.whyItMatters) { H.el("p", H.cls("govuk-body"), H.el("strong", H.text("Why is this important? ")), H.text($0)) },
            .unwrap(element.whatItMeansForMe) { H.el("p", H.cls("govuk-body"), H.el("strong", H.text("What does it mean for me? ")), H.text($0)) },
            FrameworkDisplay.indicators(element.indicators, headingLevel: depth == 0 ? "h3" : "h4"))
    }
}
