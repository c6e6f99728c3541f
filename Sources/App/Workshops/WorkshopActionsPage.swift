import CapableCore
import Fluent
import Foundation
import Plot

/// A session's actions: who agreed to do what by when, how many are done, due and overdue, and
/// (for facilitators) a form to record another.
enum WorkshopActionsPage {
    struct Model: Encodable {
        var id: UUID
        var title: String
        var heldOn: String
        var canFacilitate: Bool
        var rows: [WorkshopActions.Row]
        var done: Int, due: Int, overdue: Int, dropped: Int
        /// People taking part who have a staff record: (person id, name).
        var owners: [Owner]
        var form: WorkshopActionsController.Form
        var errors: [FieldError]

        struct Owner: Encodable { var id: UUID; var name: String }

        var followThrough: FollowThrough { FollowThrough(done: done, due: due, overdue: overdue, dropped: dropped) }
    }

    static func query(_ workshop: Workshop, access: WorkshopAccess, today: CalendarDate, on db: any Database) async throws -> Model {
        let id = try workshop.requireID()
        let log = try await WorkshopActions.log(workshops: [id], principal: access.principal, today: today, on: db)
        let people = try await WorkshopParticipant.query(on: db).filter(\.$workshop.$id == id).with(\.$person).all()
        let f = log.followThrough
        return Model(id: id, title: workshop.title, heldOn: workshop.heldOn, canFacilitate: access.canFacilitate, rows: log.rows,
                     done: f.done, due: f.due, overdue: f.overdue, dropped: f.dropped,
                     owners: try people.compactMap { p in try p.person.map { Model.Owner(id: try $0.requireID(), name: $0.displayName) } }
                        .sorted { $0.name < $1.name },
                     form: .init(), errors: [])
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Actions: \(model.title)", area: .workshops,
                              breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home)), (model.title, .workshops(.workshop(model.id)))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Actions and follow-through", caption: "\(model.title), \(DisplayFormat.calendarDate(model.heldOn))"),
            Components.paragraph("We do what we say we'll do: each action is on its owner's list in My actions, overdue ones first."),
            CommitmentsView.summary(model.followThrough),
            CommitmentsView.table(model.rows, csrf: context.csrfToken),
            model.canFacilitate ? addForm(model, csrf: context.csrfToken) : .empty
        )
    }

    private static func addForm(_ model: Model, csrf: String?) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Record an action")),
            Components.form(action: .workshops(.actions(model.id)), csrf: csrf,
                Components.input(.init(name: "description", label: "What will be done", value: model.form.description), errors: model.errors),
                Components.select(name: "owner", label: "Who will do it", options: [("", "Choose a person")] + model.owners.map { ($0.id.uuidString.lowercased(), $0.name) },
                                  selected: model.form.owner ?? "", errors: model.errors),
                Components.input(.init(name: "owner_ref", label: "Or the employee number of someone who was not there (optional)", value: model.form.owner_ref, width: "10"),
                                 errors: model.errors),
                Components.input(.init(name: "due_on", label: "Due date (optional)", hint: "For example, 31/03/2027", value: model.form.due_on, width: "10"), errors: model.errors),
                Components.button("Record the action", style: "secondary")))
    }
}
