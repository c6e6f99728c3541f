import CapableCore
import Foundation
import Plot

/// A framework's versions, with a form to compare any two.
enum VersionsPage {
    struct Row: Encodable {
        var number: Int
        var title: String
        var status: FrameworkDocument.Status
        var implementedOn: String?
        var amendedOn: String?
        var publishedAt: Date?

        init(_ version: FrameworkVersion) {
            number = version.version
            title = version.title
            status = version.statusValue
            implementedOn = version.implementedOn
            amendedOn = version.amendedOn
            publishedAt = version.publishedAt
        }
    }

    struct Model: Encodable {
        var frameworkID: UUID
        var title: String
        var versions: [Row]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Versions of \(model.title)", area: .framework,
                              breadcrumbs: [("Home", .home), ("Framework", .frameworks), (model.title, .framework(model.frameworkID))]),
                    context: context,
            Components.heading("Versions", caption: model.title),
            Components.table(caption: "\(model.versions.count) versions", headers: ["Version", "Status", "Implemented", "Amended", "Published"],
                             rows: model.versions.reversed().map { row in
                [H.link("Version \(row.number)", to: row.status == .draft ? .frameworkDraft(model.frameworkID) : .frameworkVersion(model.frameworkID, row.number)),
                 FrameworkDisplay.status(row.status), H.text(FrameworkDisplay.date(row.implementedOn)),
                 H.text(FrameworkDisplay.date(row.amendedOn)), H.text(row.publishedAt.map(DisplayFormat.dateTime) ?? "Not published")]
            }),
            model.versions.count < 2 ? Components.paragraph("There is only one version, so there is nothing to compare yet.")
                : ComparePage.form(frameworkID: model.frameworkID, available: model.versions.map(\.number),
                                   from: model.versions[model.versions.count - 2].number, to: model.versions[model.versions.count - 1].number)
        )
    }
}
