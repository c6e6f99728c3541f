import CapableCore
import Fluent
import Plot
import Vapor

/// A session's actions page: readable by everyone taking part; facilitators record actions.
enum WorkshopActionsController {
    struct Form: Content {
        var description: String?
        var owner: String?
        var owner_ref: String?
        var due_on: String?

        static func fieldName(_ api: String) -> String {
            ["ownerId": "owner", "ownerRef": "owner_ref", "dueOn": "due_on"][api] ?? api
        }
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let (workshop, access) = try await WorkshopAccess.load(req)
        return WorkshopActionsPage.view(try await WorkshopActionsPage.query(workshop, access: access, today: .today, on: req.database), context: PageContext(req))
    }

    @Sendable static func add(req: Request) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        let form = try req.content.decode(Form.self)
        let input = WorkshopActions.Input(description: form.description, ownerId: form.owner.flatMap(UUID.init(uuidString:)),
                                          ownerRef: form.owner_ref, dueOn: form.due_on)
        do {
            _ = try await WorkshopActions.add(input, to: workshop, on: req, fieldName: Form.fieldName)
        } catch AppError.invalid(let errors) {
            var model = try await WorkshopActionsPage.query(workshop, access: access, today: .today, on: req.database)
            model.form = form
            model.errors = errors
            return WorkshopActionsPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.workshops(.actions(try workshop.requireID())).path, redirectType: .normal)
    }
}
