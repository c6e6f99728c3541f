import CapableCore
import Plot
import Vapor

/// What the page chrome needs to know about the request, taken once per page.
struct PageContext: Sendable {
    var signedInName: String?
    var csrfToken: String?
    var roles: Set<Role>

    init(signedInName: String?, csrfToken: String?, roles: Set<Role>) {
        self.signedInName = signedInName
        self.csrfToken = csrfToken
        self.roles = roles
    }

    init(_ req: Request) {
        signedInName = req.principal?.displayName
        csrfToken = req.authSession?.csrfToken ?? req.anonymousCSRFToken
        roles = req.principal?.roles ?? []
    }
}

/// One page's place in the site.
struct PageFrame {
    var title: String
    var area: SiteURL.Area? = nil
    var breadcrumbs: [(String, SiteURL)] = []
    /// Prefixes the title with "Error: " so screen reader users hear at once that the form failed.
    var hasErrors = false
}

/// The page chrome: skip link, header, service navigation, breadcrumbs, main, footer.
enum Layout {
    static let serviceName = "Capable"

    static func page(_ frame: PageFrame, context: PageContext, _ content: BodyNode...) -> HTML {
        let title = "\(frame.hasErrors ? "Error: " : "")\(frame.title) - \(serviceName)"
        return HTML(
            .lang(.english),
            .attribute(named: "class", value: "govuk-template"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: title),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .link(.rel(.icon), .href("/favicon.svg"), .type("image/svg+xml")),
                .script(.src(SiteURL.script.path), .attribute(named: "defer"))
            ),
            .body(
                .class("govuk-template__body"),
                H.el("a", H.cls("govuk-skip-link"), H.attr("href", "#main-content"), H.text("Skip to main content")),
                header(context),
                navigation(current: frame.area, context: context),
                H.el("div", H.cls("govuk-width-container"),
                    breadcrumbs(frame.breadcrumbs),
                    H.el("main", H.cls("govuk-main-wrapper"), H.attr("id", "main-content"), H.attr("tabindex", "-1"), .group(content))
                ),
                footer()
            )
        )
    }

    private static func header(_ context: PageContext) -> BodyNode {
        H.el("header", H.cls("govuk-header"),
            H.el("div", H.cls("govuk-header__container govuk-width-container"),
                H.el("a", H.cls("govuk-header__logo govuk-header__service-name"), H.attr("href", SiteURL.home.path), H.text(serviceName)),
                .unwrap(context.signedInName) { name in
                    H.el("div", H.cls("govuk-header__account"),
                        H.el("a", H.cls("govuk-header__link"), H.attr("href", SiteURL.account.path),
                             H.el("span", H.cls("govuk-visually-hidden"), H.text("Your account: ")), H.text(name)),
                        Components.form(action: .logout, csrf: context.csrfToken,
                            H.el("button", H.cls("govuk-header__link-button"), H.attr("type", "submit"), H.text("Sign out")))
                    )
                }
            )
        )
    }

    private static func navigation(current: SiteURL.Area?, context: PageContext) -> BodyNode {
        guard context.signedInName != nil else { return .empty }
        let areas = SiteURL.Area.allCases.filter { $0 != .admin || context.roles.contains(.admin) }
        return H.el("nav", H.cls("govuk-service-navigation"), H.attr("aria-label", "Areas"),
            H.el("div", H.cls("govuk-width-container"),
                H.el("ul", H.cls("govuk-service-navigation__list"), .group(areas.map { area in
                    let active = area == current
                    return H.el("li", H.cls(active ? "govuk-service-navigation__item govuk-service-navigation__item--active" : "govuk-service-navigation__item"),
                        H.el("a", H.cls("govuk-service-navigation__link"), H.attr("href", SiteURL.area(area).path),
                             H.attr("aria-current", active ? "page" : nil), H.text(area.title)))
                }))
            )
        )
    }

    private static func breadcrumbs(_ trail: [(String, SiteURL)]) -> BodyNode {
        guard !trail.isEmpty else { return .empty }
        return H.el("nav", H.cls("govuk-breadcrumbs"), H.attr("aria-label", "Breadcrumb"),
            H.el("ol", H.cls("govuk-breadcrumbs__list"), .group(trail.map { label, url in
                H.el("li", H.cls("govuk-breadcrumbs__list-item"),
                     H.el("a", H.cls("govuk-breadcrumbs__link"), H.attr("href", url.path), H.text(label)))
            }))
        )
    }

    private static func footer() -> BodyNode {
        H.el("footer", H.cls("govuk-footer"),
            H.el("div", H.cls("govuk-width-container"),
                H.el("div", H.cls("govuk-footer__meta"),
                    H.el("p", H.cls("govuk-body-s"), H.text("Capable: people development on one capability framework. Open source."))
                )
            )
        )
    }
}
