import CapableCore
import Foundation
import Plot

/// Upload an LMS export, check its dry run, and see what applying did.
enum CompletionImportPage {
    struct Review {
        var id: UUID
        var filename: String
        var rows: Int
        var plan: CompletionImport.Plan
    }

    private static let crumbs: [(String, SiteURL)] = [("Home", .home), ("Learning", .learning(.myLearning))]

    static func upload(errors: [FieldError], context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Import completions", area: .learning, breadcrumbs: crumbs, hasErrors: !errors.isEmpty), context: context,
            Components.errorSummary(errors),
            Components.heading("Import completions from the learning system"),
            Components.paragraph("Upload a CSV export with the columns employee_ref, course_code and completed_on (yyyy-mm-dd or dd/mm/yyyy). Nothing is recorded until you have checked every row and chosen to apply; a completion already on record is left as it is."),
            Components.uploadForm(action: .learning(.completionsImport), csrf: context.csrfToken,
                Components.fileUpload(name: "file", label: "CSV file", hint: "Up to 50 MB", accept: ".csv,text/csv", errors: errors),
                Components.button("Upload and check")))
    }

    static func review(_ model: Review, context: PageContext) -> HTML {
        let plan = model.plan
        return Layout.page(PageFrame(title: "Check the import", area: .learning, breadcrumbs: crumbs + [("Import completions", .learning(.completionsImport))],
                                     hasErrors: !plan.errors.isEmpty), context: context,
            Components.heading("Check the import", caption: model.filename),
            Components.summaryList([
                ("Rows in the file", H.text(String(model.rows))),
                ("Completions to record", H.text(String(plan.rows.count))),
                ("Rows repeated in the file", H.text(String(plan.repeated))),
                ("Rows with problems", H.text(String(Set(plan.errors.map(\.line)).count))),
            ]),
            plan.errors.isEmpty
                ? Components.form(action: .learning(.completionsImportApply(model.id)), csrf: context.csrfToken,
                                  Components.paragraph("Every row is correct."), Components.button("Apply the import"))
                : .group(
                    H.el("div", H.cls("govuk-error-summary"), H.attr("tabindex", "-1"), H.attr("role", "alert"), H.attr("aria-labelledby", "import-problems"),
                         H.attr("data-module", "error-summary"),
                         H.el("h2", H.cls("govuk-error-summary__title"), H.attr("id", "import-problems"), H.text("There is a problem")),
                         H.el("div", H.cls("govuk-error-summary__body"),
                              Components.paragraph("Nothing can be imported until every row is correct. Fix the file and upload it again."))),
                    Components.table(caption: "Problems", headers: ["Line", "Column", "Problem"], rows: plan.errors.prefix(500).map { error in
                        [H.text(error.line > 0 ? String(error.line) : "Heading"), H.text(error.column?.rawValue ?? ""), H.text(error.message)]
                    }),
                    plan.errors.count > 500 ? Components.paragraph("… and \(plan.errors.count - 500) more.") : .empty,
                    H.el("p", H.cls("govuk-body"), H.link("Upload a corrected file", to: .learning(.completionsImport)))))
    }

    static func applied(_ record: CompletionImportFile, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Completions imported", area: .learning, breadcrumbs: crumbs), context: context,
            Components.successBanner(title: "Success", heading: "Completions imported"),
            Components.heading("Completions imported", caption: record.filename),
            Components.paragraph(record.outcome ?? ""),
            H.el("p", H.cls("govuk-body"), H.link("See organisation compliance", to: .learning(.compliance(unit: nil, requirement: nil)))))
    }
}
