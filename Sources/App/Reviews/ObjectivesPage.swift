import CapableCore
import Foundation
import Plot

/// A person's objectives: the list, the form, and one objective with its history.
enum ObjectivesPage {
    struct Row: Encodable {
        var id: UUID
        var title: String
        var dueOn: String
        var status: Objective.Status
        var agreedOn: String?

        init(_ objective: Objective) throws {
            id = try objective.requireID()
            title = objective.title
            dueOn = objective.dueOn
            status = objective.statusValue
            agreedOn = objective.agreedOn
        }

        var agreement: String { agreedOn.map { "Agreed \(DisplayFormat.calendarDate($0))" } ?? "Proposed, waiting to be agreed" }
    }

    struct ListModel: Encodable {
        var personID: UUID
        var personName: String
        var canWrite: Bool
        var rows: [Row]
    }

    struct FormModel: Encodable {
        var personID: UUID
        var personName: String
        var objectiveID: UUID?
        var form: ObjectivesController.Form
        var errors: [FieldError]
    }

    struct ElementLink: Encodable { var id: UUID; var code: String; var title: String }
    struct HistoryRow: Encodable { var writtenOn: String; var author: String; var status: Objective.Status; var note: String }

    struct ShowModel: Encodable {
        var personID: UUID
        var personName: String
        var row: Row
        var outcome: String
        var elements: [ElementLink]
        var history: [HistoryRow]
        var canWrite: Bool
        var canAgree: Bool
        var progress: ObjectivesController.ProgressForm
        var errors: [FieldError]
    }

    private static func crumbs(_ personID: UUID, _ name: String) -> [(String, SiteURL)] {
        [("Home", .home), ("People", .area(.people)), (name, .person(personID))]
    }

    static func list(_ model: ListModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Objectives: \(model.personName)", area: .reviews, breadcrumbs: crumbs(model.personID, model.personName)),
                    context: context,
            Components.heading("Objectives", caption: model.personName),
            Components.paragraph("Outcomes agreed between a person and their manager. Either can propose one; it counts once the other has agreed it."),
            model.canWrite ? H.el("p", H.cls("govuk-body"), H.link("Propose an objective", to: .newObjective(model.personID), class: "govuk-button")) : .empty,
            model.rows.isEmpty ? Components.paragraph("No objectives yet.")
                : Components.table(caption: "\(model.rows.count) objectives", headers: ["Objective", "Due", "Status", "Agreement"], rows: model.rows.map { row in
                    [H.link(row.title, to: .objective(model.personID, row.id)), H.text(DisplayFormat.calendarDate(row.dueOn)),
                     Components.tag(row.status.label, colour: row.status.colour), H.text(row.agreement)]
                })
        )
    }

    static func form(_ model: FormModel, context: PageContext) -> HTML {
        let title = model.objectiveID == nil ? "Propose an objective" : "Change the objective"
        let action: SiteURL = model.objectiveID.map { .objective(model.personID, $0) } ?? .objectives(model.personID)
        return Layout.page(PageFrame(title: title, area: .reviews, breadcrumbs: crumbs(model.personID, model.personName) + [("Objectives", .objectives(model.personID))],
                                     hasErrors: !model.errors.isEmpty),
                           context: context,
            Components.errorSummary(model.errors),
            Components.heading(title, caption: model.personName),
            Components.form(action: action, csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Objective", value: model.form.title), errors: model.errors),
                Components.textarea(name: "outcome", label: "What outcome will show it has been achieved?",
                                    hint: "The result for the people we serve or the team, not the activity", value: model.form.outcome ?? "",
                                    rows: 4, errors: model.errors),
                Components.input(.init(name: "due_on", label: "Due date", hint: "For example, 31/03/2027", value: model.form.due_on, width: "10"),
                                 errors: model.errors),
                Components.input(.init(name: "elements", label: "Framework elements it develops or shows (optional)",
                                       hint: "Codes separated by commas, for example CV.1.1, TR.2", value: model.form.elements, spellcheck: false),
                                 errors: model.errors),
                Components.button(model.objectiveID == nil ? "Propose the objective" : "Save the objective"))
        )
    }

    static func show(_ model: ShowModel, context: PageContext) -> HTML {
        let row = model.row
        return Layout.page(PageFrame(title: row.title, area: .reviews,
                                     breadcrumbs: crumbs(model.personID, model.personName) + [("Objectives", .objectives(model.personID))],
                                     hasErrors: !model.errors.isEmpty),
                           context: context,
            Components.errorSummary(model.errors),
            Components.heading(row.title, caption: "Objective for \(model.personName)"),
            Components.summaryList([
                ("Outcome", H.text(model.outcome)),
                ("Due", H.text(DisplayFormat.calendarDate(row.dueOn))),
                ("Status", Components.tag(row.status.label, colour: row.status.colour)),
                ("Agreement", H.text(row.agreement)),
                ("Framework", model.elements.isEmpty ? H.text("None linked")
                    : H.el("ul", H.cls("govuk-list"), .group(model.elements.map { element in
                        H.el("li", H.link("\(element.code) \(element.title)", to: .frameworkElement(element.id, version: nil)))
                    }))),
            ]),
            H.el("div", H.cls("govuk-button-group"),
                model.canAgree ? Components.form(action: .objectiveAgree(model.personID, row.id), csrf: context.csrfToken,
                                                 Components.button("Agree this objective")) : .empty,
                model.canWrite ? H.link("Change the objective", to: .objectiveEdit(model.personID, row.id), class: "govuk-button govuk-button--secondary") : .empty),
            model.canWrite ? progressForm(model, csrf: context.csrfToken) : .empty,
            model.history.isEmpty ? Components.paragraph("No progress updates yet.")
                : Components.table(caption: "Progress", headers: ["Date", "By", "Status", "Note"], rows: model.history.map { entry in
                    [H.text(DisplayFormat.calendarDate(entry.writtenOn)), H.text(entry.author),
                     Components.tag(entry.status.label, colour: entry.status.colour), H.text(entry.note)]
                })
        )
    }

    private static func progressForm(_ model: ShowModel, csrf: String?) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add a progress update")),
            Components.form(action: .objectiveProgress(model.personID, model.row.id), csrf: csrf,
                Components.radios(name: "status", legend: "How is it going?",
                                  choices: Objective.Status.allCases.map { ($0.rawValue, $0.label) },
                                  selected: model.progress.status ?? model.row.status.rawValue, errors: model.errors),
                Components.textarea(name: "note", label: "Progress note", value: model.progress.note ?? "", rows: 3, errors: model.errors),
                Components.button("Add the update", style: "secondary")))
    }
}
