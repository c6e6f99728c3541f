import CapableCore
import Foundation
import Plot

/// One element, laid out like the source page: why it matters, what it means for me, looks like
/// and doesn't look like side by side, then how to develop it and where it is used.
enum ElementPage {
    struct LinkedElement: Encodable { var code: String; var title: String }
    struct RoleNeed: Encodable { var id: UUID; var title: String; var essential: Bool }
    struct VersionRef: Encodable { var number: Int; var status: FrameworkDocument.Status }
    struct CourseRef: Encodable { var id: UUID; var title: String; var mode: String }
    struct RiskRef: Encodable { var id: UUID; var reference: String; var title: String }

    struct Model: Encodable {
        var document: FrameworkDocument
        /// From the top level down to the element itself.
        var path: [FrameworkDocument.Element]
        /// The nearest ancestor whose examples apply, when the element has none of its own.
        var inheritedIndicators: FrameworkDocument.Element?
        var linkedElements: [UUID: LinkedElement]
        var jobRoles: [RoleNeed]
        /// Courses that develop it, from the learning catalogue.
        var courses: [CourseRef] = []
        /// Open risks this element manages that the viewer may see.
        var risks: [RiskRef] = []
        var versions: [VersionRef]
        var isCurrent: Bool

        var element: FrameworkDocument.Element? { path.last }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        guard let element = model.element else { return Layout.page(PageFrame(title: "Not found"), context: context) }
        let document = model.document
        let version: Int? = model.isCurrent ? nil : document.version
        let crumbs: [(String, SiteURL)] = [("Home", .home), ("Framework", .frameworks),
                                           (document.title, model.isCurrent ? .framework(document.id) : .frameworkVersion(document.id, document.version))]
            + model.path.dropLast().map { ($0.code, SiteURL.frameworkElement($0.id, version: version)) }
        return Layout.page(PageFrame(title: "\(element.code) \(element.title)", area: .framework, breadcrumbs: crumbs), context: context,
            Components.heading(element.title, caption: "\(document.title): \(FrameworkDisplay.elementKind(element.kind)) \(element.code)"),
            model.isCurrent ? .empty : H.el("div", H.cls("govuk-inset-text"),
                H.text("From version \(document.version) of this framework ("), H.text(document.status.rawValue), H.text(").")),
            H.el("p", H.cls("govuk-body-l"), H.text(element.statement)),
            Components.summaryList([("For", H.text(FrameworkDisplay.audience(element.audience))),
                                    ("Identifier", H.el("code", H.cls("govuk-code"), H.text(element.id.uuidString.lowercased())))]),
            section("Why is this important?", element.whyItMatters),
            section("What does it mean for me?", element.whatItMeansForMe),
            indicators(model, element),
            children(element, version: version),
            links(model, element),
            H.el("h2", H.cls("govuk-heading-m"), H.text("How to develop this")),
            Components.paragraph("Talk about it at your next check-in, ask colleagues for feedback tagged to it, and add it to your development plan. Courses that develop it will be listed here."),
            roles(model.jobRoles),
            courses(model.courses),
            risks(model.risks),
            versions(model, element)
        )
    }

    private static func courses(_ courses: [CourseRef]) -> BodyNode {
        guard !courses.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Courses that develop it")),
                      H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(courses.map { course in
                          H.el("li", H.link(course.title, to: .learning(.course(course.id))), H.text(" (\(course.mode.lowercased()))"))
                      })))
    }

    private static func risks(_ risks: [RiskRef]) -> BodyNode {
        guard !risks.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Risks it helps manage")),
                      H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(risks.map { risk in
                          H.el("li", H.link("\(risk.reference) \(risk.title)", to: .risk(.risk(risk.id))))
                      })))
    }

    private static func section(_ title: String, _ text: String?) -> BodyNode {
        guard let text, !text.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text(title)),
                      .group(text.components(separatedBy: "\n\n").map { Components.paragraph($0) }))
    }

    private static func indicators(_ model: Model, _ element: FrameworkDocument.Element) -> BodyNode {
        if !element.indicators.isEmpty {
            return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("What it looks like")), FrameworkDisplay.indicators(element.indicators, headingLevel: "h3"))
        }
        guard let source = model.inheritedIndicators else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("What it looks like")),
                      Components.paragraph("These examples are given for \(source.code) \(source.title), which this is part of."),
                      FrameworkDisplay.indicators(source.indicators, headingLevel: "h3"))
    }

    private static func children(_ element: FrameworkDocument.Element, version: Int?) -> BodyNode {
        guard !element.children.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Under this \(FrameworkDisplay.elementKind(element.kind).lowercased())")),
                      FrameworkPage.outlineChildren(element, version: version))
    }

    private static func links(_ model: Model, _ element: FrameworkDocument.Element) -> BodyNode {
        guard !element.links.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Links")),
            H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(element.links.map { link in
                let verb = link.type == .supports ? "Supports" : "Related to"
                if let name = link.organisationalCapability {
                    return H.el("li", H.text("\(verb) the organisational capability “\(name)”"))
                }
                if let id = link.elementID, let target = model.linkedElements[id] {
                    return H.el("li", H.text("\(verb) "), H.link("\(target.code) \(target.title)", to: .frameworkElement(id, version: nil)))
                }
                return H.el("li", H.text("\(verb) an element that is not in any published framework (\(link.target))"))
            })))
    }

    private static func roles(_ roles: [RoleNeed]) -> BodyNode {
        guard !roles.isEmpty else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Job roles that need this")),
            H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(roles.map { role in
                H.el("li", H.link(role.title, to: .jobRole(role.id)), H.text(role.essential ? " (essential)" : " (desirable)"))
            })))
    }

    private static func versions(_ model: Model, _ element: FrameworkDocument.Element) -> BodyNode {
        guard model.versions.count > 1 else { return .empty }
        return .group(H.el("h2", H.cls("govuk-heading-m"), H.text("In other versions")),
            H.el("ul", H.cls("govuk-list"), .group(model.versions.map { ref in
                H.el("li", ref.number == model.document.version ? H.text("Version \(ref.number) (this page)")
                               : H.link("Version \(ref.number)", to: .frameworkElement(element.id, version: ref.number)),
                     H.text(" "), FrameworkDisplay.status(ref.status))
            })))
    }
}
