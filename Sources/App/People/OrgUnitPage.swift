import Foundation
import Plot

/// One organisation unit: where it sits, its sub-units and its people.
enum OrgUnitPage {
    struct Model: Encodable {
        var id: UUID
        var code: String
        var name: String
        var head: String?
        var trail: [(UUID, String)]
        var children: [(UUID, String)]
        var people: [PeopleQueries.Row]
        var total: Int

        enum CodingKeys: String, CodingKey { case id, code, name, head, people, total }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let crumbs: [(String, SiteURL)] = [("Home", .home), ("Organisation", .orgTree)] + model.trail.map { ($0.1, SiteURL.orgUnit($0.0)) }
        return Layout.page(PageFrame(title: model.name, area: .people, breadcrumbs: crumbs), context: context,
            Components.heading(model.name, caption: model.code),
            Components.summaryList([
                ("Head", H.text(model.head ?? "Not recorded")),
                ("People", H.text("\(model.total) active")),
            ]),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Sub-units")),
            model.children.isEmpty ? Components.paragraph("None.")
                : H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.children.map { H.el("li", H.link($0.1, to: .orgUnit($0.0))) })),
            H.el("h2", H.cls("govuk-heading-m"), H.text("People you can see in this unit")),
            model.people.isEmpty ? Components.paragraph("None.")
                : Components.table(caption: "People in \(model.name)", headers: ["Name", "Job title", "Grade"], rows: model.people.map { row in
                    [H.link(row.displayName, to: .person(row.id)), H.text(row.job_title ?? ""), H.text(row.grade ?? "")]
                })
        )
    }
}
