import CapableCore
import Foundation
import Plot

/// The dry run: what the import would do, every problem by line and column, and the column mapping.
enum ImportReviewPage {
    struct Model {
        var record: PeopleImportFile
        var table: CSVTable
        var mapping: ColumnMapping
        var plan: HRImportPlan
    }

    static let shownRows = 200

    static func view(_ model: Model, context: PageContext) -> HTML {
        let plan = model.plan
        let id = model.record.id ?? UUID()
        return Layout.page(PageFrame(title: "Check the import", area: .people,
                                     breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Import", .peopleImport)]), context: context,
            Components.heading("Check the import", caption: model.record.filename),
            .unwrap(model.record.failure) { failure in
                H.el("div", H.cls("govuk-warning-text"),
                    H.el("span", H.cls("govuk-warning-text__icon"), H.attr("aria-hidden", "true"), H.text("!")),
                    H.el("strong", H.cls("govuk-warning-text__text"), H.el("span", H.cls("govuk-visually-hidden"), H.text("Warning")), H.text(failure)))
            },
            Components.summaryList([
                ("Rows in the file", H.text(String(model.table.rows.count))),
                ("People to add", H.text(String(plan.created))),
                ("People to change", H.text(String(plan.updated))),
                ("People unchanged", H.text(String(plan.unchanged))),
                ("People to mark as leavers", H.text(String(plan.deactivated))),
                ("Units to add or change", H.text("\(plan.unitsCreated) to add, \(plan.unitsUpdated) to change")),
                ("Problems", plan.errors.isEmpty ? Components.tag("None", colour: "green") : Components.tag("\(plan.errors.count) to fix", colour: "red")),
            ]),
            plan.canApply
                ? Components.form(action: .peopleImportApply(id), csrf: context.csrfToken,
                    confirm: "Apply this import? \(plan.created) people will be added, \(plan.updated) changed and \(plan.deactivated) marked as leavers.",
                    Components.paragraph("Nothing has been changed yet. Applying makes every change above at once, or none if anything fails."),
                    Components.button("Apply the import"))
                : H.el("div", H.cls("govuk-warning-text"),
                    H.el("span", H.cls("govuk-warning-text__icon"), H.attr("aria-hidden", "true"), H.text("!")),
                    H.el("strong", H.cls("govuk-warning-text__text"), H.el("span", H.cls("govuk-visually-hidden"), H.text("Warning")),
                         H.text("Nothing can be imported until every problem is fixed. Correct the file and upload it again, or match the columns below."))),
            errors(plan),
            changes(plan),
            mappingForm(model, id: id, csrf: context.csrfToken)
        )
    }

    private static func errors(_ plan: HRImportPlan) -> BodyNode {
        guard !plan.errors.isEmpty else { return .empty }
        return .group(
            Components.table(caption: "Problems (\(plan.errors.count))", headers: ["Line", "Column", "Problem"],
                             rows: plan.errors.prefix(shownRows * 2).map { error in
                [H.text(String(error.line)), H.text(error.header ?? error.column?.rawValue ?? ""), H.text(error.message)]
            }, numeric: [0]),
            plan.errors.count > shownRows * 2 ? Components.paragraph("Showing the first \(shownRows * 2).") : .empty)
    }

    private static func changes(_ plan: HRImportPlan) -> BodyNode {
        let interesting = plan.rows.filter { row in
            switch row.action { case .create, .update, .deactivate: true; case .unchanged, .error: false }
        }
        guard !interesting.isEmpty else { return .empty }
        return .group(
            Components.table(caption: "Changes", headers: ["Line", "Person", "What happens"], rows: interesting.prefix(shownRows).map { row in
                let name = row.record.map { "\($0.givenName) \($0.familyName) (\($0.employeeRef))" } ?? ""
                let what: String = switch row.action {
                case .create: row.active ? "Added" : "Added as a leaver"
                case .update(let changes): "Changed: " + describe(changes)
                case .deactivate(let reason, _): "Marked as a leaver: \(reason)"
                case .unchanged, .error: ""
                }
                return [H.text(String(row.line)), H.text(name), H.text(what)]
            }, numeric: [0]),
            interesting.count > shownRows ? Components.paragraph("Showing the first \(shownRows) of \(interesting.count) changes.") : .empty)
    }

    static func describe(_ changes: [FieldChange]) -> String {
        changes.map { "\($0.field.replacingOccurrences(of: "_", with: " ")) \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: "; ")
    }

    private static func mappingForm(_ model: Model, id: UUID, csrf: String?) -> BodyNode {
        H.el("form", H.attr("action", SiteURL.peopleImportMapping(id).path), H.attr("method", "post"), H.flag("novalidate"),
            H.void("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrf ?? "")]),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Columns")),
            Components.paragraph("Which heading in your file holds each field. Change any that Capable matched wrongly, then check again."),
            .group(HRColumn.allCases.map { column in
                let chosen = model.mapping.columns[column].flatMap { $0 < model.table.header.count ? model.table.header[$0] : nil }
                return Components.select(name: column.rawValue, label: column.label + (column.isRequired ? " (required)" : ""),
                                         options: [("", "Not in the file")] + model.table.header.map { ($0, $0) }, selected: chosen ?? "")
            }),
            Components.button("Check again with these columns", style: "secondary"))
    }

    /// A large import running in the background. The page works without scripts (the link
    /// checks again); app.js polls the status and reloads when it is done.
    static func applying(record: PeopleImportFile, step: ImportProgress.Step?, rows: Int, context: PageContext) -> HTML {
        let id = record.id ?? UUID()
        let where_ = step.map { "\($0.done) of \($0.total) rows written" } ?? "Started"
        return Layout.page(PageFrame(title: "Applying the import", area: .people,
                                     breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Import", .peopleImport)]), context: context,
            Components.heading("Applying the import", caption: record.filename),
            Components.paragraph("\(rows) rows are being imported. Nothing changes for anyone until every row is written; if anything fails, nothing is imported."),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"), H.attr("aria-live", "polite"),
                 H.attr("data-import-status", SiteURL.peopleImportFile(id).path + "/status"), H.text(where_)),
            H.el("p", H.cls("govuk-body"), H.link("Check progress", to: .peopleImportFile(id)))
        )
    }

    static func applied(record: PeopleImportFile, outcome: PeopleImport.Outcome, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Import applied", area: .people,
                              breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Import", .peopleImport)]), context: context,
            Components.successBanner(title: "Success", heading: "The import has been applied"),
            Components.heading("Import applied", caption: record.filename),
            Components.summaryList([
                ("People added", H.text(String(outcome.created))), ("People changed", H.text(String(outcome.updated))),
                ("People unchanged", H.text(String(outcome.unchanged))), ("People marked as leavers", H.text(String(outcome.deactivated))),
                ("Units added", H.text(String(outcome.unitsCreated))), ("Units changed", H.text(String(outcome.unitsUpdated))),
            ]),
            H.el("p", H.cls("govuk-body"), H.link("Import another file", to: .peopleImport))
        )
    }
}
