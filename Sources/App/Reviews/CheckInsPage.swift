import CapableCore
import Foundation
import Plot

/// A person's check-ins: the list with the next one due, the form, and one check-in.
enum CheckInsPage {
    struct Row: Encodable { var id: UUID; var heldOn: String; var with: String }
    struct Choice: Encodable { var id: UUID; var title: String }
    struct Observation: Encodable { var elementID: UUID; var code: String; var title: String; var example: String }
    struct ActionRow: Encodable { var description: String; var owner: String; var dueOn: String?; var status: ActionItem.Status }

    struct ListModel: Encodable {
        var personID: UUID
        var personName: String
        var canWrite: Bool
        var weeks: Int
        var nextDue: String
        var overdue: Bool
        var rows: [Row]
    }

    struct FormModel: Encodable {
        var personID: UUID
        var personName: String
        var managerName: String?
        var objectives: [Choice]
        var form: CheckInsController.Form
        var errors: [FieldError]
    }

    struct ShowModel: Encodable {
        var personID: UUID
        var personName: String
        var managerName: String
        var heldOn: String
        var participant: Bool
        /// Nil unless the viewer took part.
        var sharedNotes: String?
        var wellbeingScore: Int?
        var wellbeingNote: String?
        /// The viewer's own private note, if they wrote one.
        var privateNote: String?
        var objectives: [Choice]
        var observations: [Observation]
        var actions: [ActionRow]
    }

    private static func crumbs(_ personID: UUID, _ name: String) -> [(String, SiteURL)] {
        [("Home", .home), ("People", .area(.people)), (name, .person(personID))]
    }

    static func list(_ model: ListModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Check-ins: \(model.personName)", area: .reviews, breadcrumbs: crumbs(model.personID, model.personName)),
                    context: context,
            Components.heading("Check-ins", caption: model.personName),
            H.el("p", H.cls("govuk-body"), H.text("Every \(model.weeks) weeks. Next due \(DisplayFormat.calendarDate(model.nextDue)). "),
                 model.overdue ? Components.tag("Overdue", colour: "red") : .empty),
            model.canWrite ? H.el("p", H.cls("govuk-body"), H.link("Record a check-in", to: .newCheckIn(model.personID), class: "govuk-button")) : .empty,
            model.rows.isEmpty ? Components.paragraph("No check-ins recorded yet.")
                : Components.table(caption: "\(model.rows.count) check-ins", headers: ["Date", "With"], rows: model.rows.map { row in
                    [H.link(DisplayFormat.calendarDate(row.heldOn), to: .checkIn(model.personID, row.id)), H.text(row.with)]
                })
        )
    }

    static func form(_ model: FormModel, context: PageContext) -> HTML {
        let form = model.form
        let errors = model.errors
        return Layout.page(PageFrame(title: "Record a check-in", area: .reviews,
                                     breadcrumbs: crumbs(model.personID, model.personName) + [("Check-ins", .checkIns(model.personID))],
                                     hasErrors: !errors.isEmpty),
                           context: context,
            Components.errorSummary(errors),
            Components.heading("Record a check-in", caption: "\(model.personName)\(model.managerName.map { " with \($0)" } ?? "")"),
            Components.form(action: .checkIns(model.personID), csrf: context.csrfToken,
                Components.input(.init(name: "held_on", label: "Date of the check-in", hint: "For example, 14/03/2027", value: form.held_on, width: "10"), errors: errors),
                Components.textarea(name: "shared_notes", label: "Shared notes", hint: "You both see these", value: form.shared_notes ?? "", rows: 5, errors: errors),
                Components.textarea(name: "private_note", label: "Private note (optional)",
                                    hint: "Only you will ever see this: not the other person, not HR, not an administrator",
                                    value: form.private_note ?? "", rows: 3, errors: errors),
                model.objectives.isEmpty ? .empty
                    : Components.checkboxes(name: "objectives", legend: "Objectives discussed",
                                            choices: model.objectives.map { .init(value: $0.id.uuidString, label: $0.title,
                                                                                   checked: (form.objectives ?? []).contains($0.id.uuidString)) },
                                            errors: errors),
                H.el("fieldset", H.cls("govuk-fieldset"),
                    H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--m"), H.text("Behaviours observed (optional)")),
                    H.el("div", H.cls("govuk-hint"), H.text("A framework element’s code and a short example of what was seen: this is the evidence for the yearly review.")),
                    .group(CheckInsController.rows.map { row in
                        let (code, example) = form.observation(row)
                        return H.el("div", H.cls("app-criterion"),
                            Components.input(.init(name: "obs\(row)_code", label: "Behaviour \(row): code", value: code, width: "10", spellcheck: false), errors: errors),
                            Components.textarea(name: "obs\(row)_example", label: "Behaviour \(row): example", value: example, rows: 2, errors: errors))
                    })),
                H.el("fieldset", H.cls("govuk-fieldset"),
                    H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--m"), H.text("Actions agreed (optional)")),
                    H.el("div", H.cls("govuk-hint"), H.text("They go on the owner’s “My actions” list.")),
                    .group(CheckInsController.rows.map { row in
                        let (text, owner, due) = form.action(row)
                        return H.el("div", H.cls("app-criterion"),
                            Components.input(.init(name: "act\(row)_description", label: "Action \(row)", value: text), errors: errors),
                            Components.select(name: "act\(row)_owner", label: "Action \(row): who will do it",
                                              options: [("person", model.personName), ("manager", model.managerName ?? "The manager")], selected: owner),
                            Components.input(.init(name: "act\(row)_due", label: "Action \(row): due date (optional)", value: due, width: "10"), errors: errors))
                    })),
                Components.radios(name: "wellbeing_score", legend: "Wellbeing (optional): how safe do you feel at work, psychologically and physically?",
                                  choices: [("", "Not asked")] + (1...5).map { (String($0), "\($0)\($0 == 1 ? ": not at all safe" : $0 == 5 ? ": completely safe" : "")") },
                                  selected: form.wellbeing_score ?? "", errors: errors),
                Components.textarea(name: "wellbeing_note", label: "Wellbeing note (optional)", hint: "Only the two of you see the wellbeing answer and note",
                                    value: form.wellbeing_note ?? "", rows: 2, errors: errors),
                Components.button("Save the check-in"))
        )
    }

    static func show(_ model: ShowModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Check-in, \(DisplayFormat.calendarDate(model.heldOn))", area: .reviews,
                              breadcrumbs: crumbs(model.personID, model.personName) + [("Check-ins", .checkIns(model.personID))]),
                    context: context,
            Components.heading("Check-in, \(DisplayFormat.calendarDate(model.heldOn))", caption: "\(model.personName) with \(model.managerName)"),
            model.participant ? .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Shared notes")),
                Components.paragraph((model.sharedNotes ?? "").isEmpty ? "None." : model.sharedNotes ?? ""),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Wellbeing")),
                Components.paragraph(model.wellbeingScore.map { "\($0) out of 5\(model.wellbeingNote.map { ": \($0)" } ?? "")" } ?? "Not asked."))
                : H.el("div", H.cls("govuk-inset-text"), H.text("The shared notes and the wellbeing answer are seen only by the two people who met.")),
            .unwrap(model.privateNote) { note in
                .group(H.el("h2", H.cls("govuk-heading-m"), H.text("Your private note")),
                       H.el("p", H.cls("govuk-hint"), H.text("Only you can see this.")), Components.paragraph(note))
            },
            H.el("h2", H.cls("govuk-heading-m"), H.text("Objectives discussed")),
            model.objectives.isEmpty ? Components.paragraph("None recorded.")
                : H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.objectives.map { objective in
                    H.el("li", H.link(objective.title, to: .objective(model.personID, objective.id)))
                })),
            model.observations.isEmpty ? .empty
                : Components.table(caption: "Behaviours observed", headers: ["Behaviour", "Example"], rows: model.observations.map { observation in
                    [H.link("\(observation.code) \(observation.title)", to: .frameworkElement(observation.elementID, version: nil)), H.text(observation.example)]
                }),
            model.actions.isEmpty ? .empty
                : Components.table(caption: "Actions agreed", headers: ["Action", "Who", "Due", "Status"], rows: model.actions.map { action in
                    [H.text(action.description), H.text(action.owner), H.text(action.dueOn.map(DisplayFormat.calendarDate) ?? "No date"),
                     H.text(action.status.rawValue.capitalized)]
                })
        )
    }
}
