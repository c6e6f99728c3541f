import CapableCore
import Foundation
import Plot

/// A person specification: the role, then a table per value or principle (criterion, essential or
/// desirable, assessed at), then experience and knowledge. Also printable.
enum PersonSpecificationPage {
    struct Model: Encodable {
        var roleID: UUID
        var roleTitle: String
        var grades: String
        var purpose: String
        /// nil when the role has no specification yet (only HR and administrators see that).
        var status: String?
        var publishedAt: String?
        var groups: [CriterionGroups.Group]
        var experience: [CriterionGroups.Criterion]
        var canEdit: Bool

        var isPublished: Bool { status == PersonSpecification.Status.published.rawValue }
    }

    static func crumbs(_ model: Model) -> [(String, SiteURL)] {
        [("Home", .home), ("People", .area(.people)), ("Job roles", .jobRoles), (model.roleTitle, .jobRole(model.roleID))]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Person specification: \(model.roleTitle)", area: .people, breadcrumbs: crumbs(model)), context: context,
            Components.heading("Person specification", caption: model.roleTitle),
            model.status == nil ? missing(model, context: context) : .group(
                Components.summaryList([
                    ("Status", model.isPublished ? Components.tag("Published", colour: "green") : Components.tag("Draft", colour: "grey")),
                    ("Published", H.text(model.publishedAt ?? "Not published")),
                ]),
                actions(model, context: context),
                body(model, links: true),
                H.el("p", H.cls("govuk-body"), H.link("Printable version", to: .personSpecification(model.roleID, print: true)))
            )
        )
    }

    static func print(_ model: Model) -> HTML {
        Layout.printPage(title: "Person specification: \(model.roleTitle)", back: .personSpecification(model.roleID, print: false),
            Components.heading("Person specification: \(model.roleTitle)"),
            model.isPublished ? .empty : Components.paragraph("Draft: not yet published."),
            body(model, links: false))
    }

    private static func missing(_ model: Model, context: PageContext) -> BodyNode {
        .group(
            Components.paragraph("This job role has no person specification yet. Generating one builds a draft from the role's framework requirements, grouped under each value or principle, with an experience and knowledge section to complete."),
            Components.form(action: .personSpecificationGenerate(model.roleID), csrf: context.csrfToken,
                            Components.button("Generate a person specification")))
    }

    private static func actions(_ model: Model, context: PageContext) -> BodyNode {
        guard model.canEdit else { return .empty }
        if model.isPublished {
            return Components.form(action: .personSpecificationReopen(model.roleID), csrf: context.csrfToken,
                confirm: "Make this person specification a draft again? Staff will not see it until it is published again.",
                Components.paragraph("A published specification cannot be changed. To change it, make it a draft again."),
                Components.button("Make a draft again to change it", style: "secondary"))
        }
        return H.el("div", H.cls("govuk-button-group"),
            H.link("Change the specification", to: .personSpecificationEdit(model.roleID), class: "govuk-button govuk-button--secondary"),
            Components.form(action: .personSpecificationGenerate(model.roleID), csrf: context.csrfToken,
                Components.button("Generate again from the role's requirements", style: "secondary")),
            Components.form(action: .personSpecificationPublish(model.roleID), csrf: context.csrfToken,
                Components.button("Publish")))
    }

    /// The tables, shared by the page and the print view.
    static func body(_ model: Model, links: Bool) -> BodyNode {
        .group(
            Components.summaryList([
                ("Job role", H.text(model.roleTitle)),
                ("Grades", H.text(model.grades)),
                ("Purpose", H.text(model.purpose.isEmpty ? "Not recorded" : model.purpose)),
            ]),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Behaviours and skills")),
            model.groups.isEmpty ? Components.paragraph("No framework criteria: the role has no framework requirements.")
                : .group(model.groups.map { group in
                    Components.table(caption: group.heading, headers: ["Criterion", "Essential or desirable", "Assessed at"],
                                     rows: group.criteria.map { row($0, links: links) })
                }),
            model.experience.isEmpty
                ? .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Experience and knowledge")), Components.paragraph("None."))
                : Components.table(caption: "Experience and knowledge", headers: ["Criterion", "Essential or desirable", "Assessed at"],
                                   rows: model.experience.map { row($0, links: links) })
        )
    }

    static func row(_ criterion: CriterionGroups.Criterion, links: Bool) -> [BodyNode] {
        [criterionCell(criterion, links: links), H.text(criterion.essentialWord), H.text(criterion.assessedWords)]
    }

    /// The criterion's text, after its element code (a link to the element when `links`).
    static func criterionCell(_ criterion: CriterionGroups.Criterion, links: Bool) -> BodyNode {
        guard let code = criterion.code, let elementID = criterion.elementID else { return H.text(criterion.text) }
        return .group(
            links ? H.link(code, to: .frameworkElement(elementID, version: nil)) : H.el("span", H.text(code)),
            H.text(" " + criterion.text))
    }
}
