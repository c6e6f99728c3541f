import CapableCore
import Fluent
import Plot
import Vapor

/// "My actions": everything the signed-in person has agreed to do, from any area, overdue first.
enum ActionsController {
    struct Form: Content {
        var description: String?
        var due_on: String?
    }

    struct StatusForm: Content {
        /// "done", "dropped" or "open".
        var status: String?
    }

    /// The page model for a person's list.
    static func query(owner: UUID, today: CalendarDate, on db: any Database) async throws -> ActionsPage.Model {
        let (open, closed) = try await Actions.list(owner: owner, on: db)
        return ActionsPage.Model(linked: true, today: today.description,
                                 open: try open.map { try ActionsPage.Row($0, today: today) },
                                 closed: try closed.map { try ActionsPage.Row($0, today: today) },
                                 form: Form(), errors: [])
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        guard let me = principal.personID else { return ActionsPage.view(.unlinked, context: PageContext(req)) }
        return ActionsPage.view(try await query(owner: me, today: .today, on: req.database), context: PageContext(req))
    }

    /// Adds a personal action to the signed-in person's own list.
    @Sendable static func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let me = principal.personID else { throw AppError.badRequest("Your account is not linked to a staff record, so it has no action list.") }
        let form = try req.content.decode(Form.self)
        switch Actions.validate(.init(description: form.description, dueOn: form.due_on), fieldName: { $0 == "dueOn" ? "due_on" : $0 }) {
        case .failure(.invalid(let errors)):
            var model = try await query(owner: me, today: .today, on: req.database)
            model.form = form
            model.errors = errors
            return ActionsPage.view(model, context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let clean):
            try await Actions.create(owner: me, description: clean.description, dueOn: clean.dueOn, source: .personal, sourceID: nil,
                                     sourceLabel: "Added by you", on: req)
            return req.redirect(to: SiteURL.myActions.path, redirectType: .normal)
        }
    }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("actionID", as: UUID.self), let action = try await ActionItem.find(id, on: req.database) else {
            throw AppError.notFound
        }
        guard try await Actions.canChange(action, principal: principal, on: req.database) else { throw AppError.forbidden }
        guard let status = ActionItem.Status(rawValue: try req.content.decode(StatusForm.self).status ?? "") else {
            throw AppError.invalid([.init(field: "status", message: "Choose done, dropped or open")])
        }
        try await Actions.setStatus(action, to: status, on: req)
        return req.redirect(to: SiteURL.safeRedirect(req.headers.first(name: .referer).flatMap { URLComponents(string: $0)?.path }) ?? SiteURL.myActions.path,
                            redirectType: .normal)
    }
}
