import CapableCore
import Fluent
import Vapor

/// The rules for actions, shared by "My actions", the API and every area that records actions.
enum Actions {
    /// What a form or API call sets on a new action.
    struct Input: Content, Sendable {
        var description: String?
        /// `yyyy-mm-dd` or `dd/mm/yyyy`; empty for none.
        var dueOn: String?
    }

    static let maxLength = 500

    /// The input's problems by field (`fieldName` maps the API's names to a form's), or its clean values.
    static func validate(_ input: Input, fieldName: (String) -> String = { $0 }) -> Result<(description: String, dueOn: String?), AppError> {
        var errors: [FieldError] = []
        let text = (input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(.init(field: fieldName("description"), message: "Enter what will be done")) }
        if text.count > maxLength { errors.append(.init(field: fieldName("description"), message: "The action must be \(maxLength) characters or fewer")) }
        let due = DateField.optional(input.dueOn, field: fieldName("dueOn"), what: "the due date", errors: &errors)?.description
        return errors.isEmpty ? .success((text, due)) : .failure(.invalid(errors))
    }

    /// Records an action, audited, in the request's transaction.
    @discardableResult
    static func create(owner: UUID, description: String, dueOn: String?, source: ActionItem.Source, sourceID: UUID?,
                       sourceLabel: String, on req: Request) async throws -> ActionItem {
        let action = ActionItem(ownerID: owner, summary: description, dueOn: dueOn, source: source, sourceID: sourceID,
                                sourceLabel: sourceLabel, createdBy: req.principal?.accountID)
        try await req.create(action)
        return action
    }

    /// Who may mark an action done or dropped: its owner, whoever recorded it, the owner's
    /// managers, and administrators.
    static func canChange(_ action: ActionItem, principal: Principal, on db: any Database) async throws -> Bool {
        if principal.roles.contains(.admin) || action.createdBy == principal.accountID { return true }
        guard let me = principal.personID else { return false }
        if action.$owner.id == me { return true }
        return try await LineManagement.chain(above: action.$owner.id, on: db).contains(me)
    }

    static func setStatus(_ action: ActionItem, to status: ActionItem.Status, on req: Request) async throws {
        try await req.update(action) { action in
            action.status = status.rawValue
            action.completedOn = status == .done ? CalendarDate.today.description : nil
        }
    }

    /// A person's open actions, overdue first (oldest due date first), then by due date, then
    /// those without one; and their most recently closed ones.
    static func list(owner: UUID, closedLimit: Int = 20, on db: any Database) async throws -> (open: [ActionItem], closed: [ActionItem]) {
        let open = try await ActionItem.query(on: db).filter(\.$owner.$id == owner)
            .filter(\.$status == ActionItem.Status.open.rawValue).all()
        let closed = try await ActionItem.query(on: db).filter(\.$owner.$id == owner)
            .filter(\.$status != ActionItem.Status.open.rawValue).sort(\.$updatedAt, .descending).limit(closedLimit).all()
        return (open.sorted(by: dueFirst), closed)
    }

    /// Dated actions before undated ones, earliest first; ties in the order they were recorded.
    static func dueFirst(_ a: ActionItem, _ b: ActionItem) -> Bool {
        switch (a.dueOn, b.dueOn) {
        case let (x?, y?) where x != y: x < y
        case (.some, nil): true
        case (nil, .some): false
        default: (a.createdAt ?? .distantPast) < (b.createdAt ?? .distantPast)
        }
    }
}
