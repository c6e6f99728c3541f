import Plot

extension Layout {
    /// A page for printing (`?print=1`): no header, navigation or footer, just a link back (which
    /// the print stylesheet hides) and the content. Person specifications go out with job adverts
    /// and score sheets go into interview rooms, so both need a clean paper version.
    static func printPage(title: String, back: SiteURL, _ content: BodyNode...) -> HTML {
        HTML(
            .lang(.english),
            .attribute(named: "class", value: "govuk-template"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "\(title) - \(serviceName)"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(
                .class("govuk-template__body app-print"),
                H.el("div", H.cls("govuk-width-container"),
                    H.el("nav", H.cls("govuk-breadcrumbs"), H.attr("aria-label", "Back"),
                         H.el("p", H.cls("govuk-body"), H.link("Back to the full page", to: back))),
                    H.el("main", H.cls("govuk-main-wrapper"), H.attr("id", "main-content"), .group(content))
                )
            )
        )
    }
}
