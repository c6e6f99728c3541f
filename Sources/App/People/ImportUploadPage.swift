import CapableCore
import Plot

/// Upload the HR system's export.
enum ImportUploadPage {
    struct Model: Encodable {
        var errors: [FieldError]
        var deactivateMissing: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let error = model.errors.first { $0.field == "file" }
        return Layout.page(PageFrame(title: "Import people", area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Import people from the HR system"),
            Components.paragraph("Upload the staff list exported from your HR system (iTrent, Oracle, SAP, Unit4, CoreHR or any other) as a CSV file. Nothing changes until you have checked what the import will do and chosen to apply it."),
            H.el("details", H.cls("govuk-details"),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Columns Capable reads"))),
                H.el("div", H.cls("govuk-details__text"),
                    Components.paragraph("Capable recognises these headings, and common variants such as \"Payroll ID\" or \"Surname\". You can match other headings to them after uploading."),
                    H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(HRColumn.allCases.map { column in
                        H.el("li", H.el("code", H.text(column.rawValue)), H.text(" (\(column.label)\(column.isRequired ? ", required" : ""))"))
                    })),
                    Components.paragraph("Dates may be dd/mm/yyyy or yyyy-mm-dd."))),
            H.el("form", H.attr("action", SiteURL.peopleImport.path), H.attr("method", "post"), H.attr("enctype", "multipart/form-data"), H.flag("novalidate"),
                H.void("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", context.csrfToken ?? "")]),
                H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
                    H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", "file"), H.text("CSV file")),
                    H.el("div", H.cls("govuk-hint"), H.attr("id", "file-hint"), H.text("Up to 50 MB")),
                    .unwrap(error) { error in
                        H.el("p", H.cls("govuk-error-message"), H.attr("id", "file-error"),
                             H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
                    },
                    H.void("input", [("class", "govuk-file-upload"), ("id", "file"), ("name", "file"), ("type", "file"), ("accept", ".csv,text/csv"),
                                     ("aria-describedby", error == nil ? "file-hint" : "file-hint file-error")])),
                Components.checkboxes(name: "deactivate_missing", legend: "People missing from the file",
                    hint: "Only tick this when the file lists everyone who works here: anyone not in it will be marked as a leaver.",
                    choices: [.init(value: "yes", label: "Mark people who are not in the file as leavers", checked: model.deactivateMissing)],
                    errors: [], singleField: true),
                Components.button("Upload and check"))
        )
    }
}
