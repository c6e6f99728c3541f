import CapableCore
import Foundation
import Plot

/// Uploading a framework as CASE JSON or CSV. Every problem in the file is listed; nothing is
/// written unless the whole file is good.
enum ImportFrameworkPage {
    struct Choice: Encodable { var id: UUID; var title: String }

    struct Model: Encodable {
        var frameworks: [Choice]
        var target: String
        var title: String
        var kind: String
        var owner: String
        var problems: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let errors = model.problems
        let fileError = errors.filter { $0.field == "file" }
        return Layout.page(PageFrame(title: "Import a framework", area: .framework, breadcrumbs: [("Home", .home), ("Framework", .frameworks)],
                                     hasErrors: !errors.isEmpty),
                           context: context,
            Components.errorSummary(fileError.count > 1 ? [.init(field: "file", message: "The file has \(fileError.count) problems, listed below")] + errors.filter { $0.field != "file" } : errors),
            Components.heading("Import a framework"),
            Components.paragraph("Upload a framework as 1EdTech CASE v1.1 JSON (as another council or Capable exports it) or as CSV, one row per element with its parent’s code. The file is checked first; if anything is wrong, every problem is listed and nothing is imported."),
            fileError.count > 1 ? .group(H.el("h2", H.cls("govuk-heading-m"), H.text("\(fileError.count) problems in the file")),
                                         H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(fileError.map { H.el("li", H.text($0.message)) })))
                : .empty,
            Components.uploadForm(action: .frameworkImport, csrf: context.csrfToken,
                Components.fileUpload(name: "file", label: "Framework file", hint: "A .json (CASE) or .csv file",
                                      accept: ".json,.csv,application/json,text/csv", errors: errors),
                H.el("h2", H.cls("govuk-heading-m"), H.text("For a CSV file")),
                Components.paragraph("A CASE file carries the framework’s details. A CSV file has only elements, so say where they go. A file for a framework that is already here becomes its next draft version."),
                Components.select(name: "target", label: "Import the CSV as",
                                  options: [("new", "A new framework")] + model.frameworks.map { ($0.id.uuidString.lowercased(), "A new version of \($0.title)") },
                                  selected: model.target),
                Components.input(.init(name: "title", label: "New framework’s title", value: model.title), errors: errors),
                Components.input(.init(name: "owner", label: "New framework’s owner", hint: "The organisation that owns it", value: model.owner), errors: errors),
                Components.select(name: "kind", label: "New framework’s kind",
                                  options: FrameworkDocument.Kind.allCases.map { ($0.rawValue, FrameworkDisplay.kind($0)) }, selected: model.kind),
                Components.button("Check and import"))
        )
    }
}
