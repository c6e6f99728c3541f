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
            Components.uploadForm(action: .peopleImport, csrf: context.csrfToken,
                Components.fileUpload(name: "file", label: "CSV file", hint: "Up to 50 MB", accept: ".csv,text/csv", errors: error.map { [$0] } ?? []),
                Components.checkboxes(name: "deactivate_missing", legend: "People missing from the file",
                    hint: "Only tick this when the file lists everyone who works here: anyone not in it will be marked as a leaver.",
                    choices: [.init(value: "yes", label: "Mark people who are not in the file as leavers", checked: model.deactivateMissing)],
                    errors: [], singleField: true),
                Components.button("Upload and check"))
        )
    }
}
