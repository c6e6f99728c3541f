import CapableCore
import Fluent
import Vapor

/// Responding to a risk: the response (treat, tolerate, transfer, terminate) with the
/// acceptance a tolerated risk needs, the controls in place, and the actions planned, which go
/// to the shared actions list so they appear in their owner's "My actions".
enum RiskResponses {
    struct ResponseForm: Content, Sendable {
        var response: String?
        /// The approver's employee number, when tolerated.
        var approver: String?
        var acceptance_reason: String?
        var acceptance_expires_on: String?
    }

    static func setResponse(_ risk: Risk, form: ResponseForm, today: CalendarDate, field: (String) -> String = { $0 },
                            req: Request) async throws -> Result<Void, AppError> {
        var errors: [FieldError] = []
        let response = Risk.Response(rawValue: (form.response ?? "").lowercased())
        if response == nil { errors.append(.init(field: field("response"), message: "Choose treat, tolerate, transfer or terminate")) }
        var approver: UUID?, reason = "", expires: CalendarDate?
        if response == .tolerate {
            approver = try await StaffNumber.resolve(form.approver, field: field("approver"), who: "the person who approves accepting the risk",
                                                     required: true, errors: &errors, on: req.database)
            reason = (form.acceptance_reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if reason.isEmpty { errors.append(.init(field: field("acceptance_reason"), message: "Enter why the risk is accepted as it is")) }
            if reason.count > Risks.textLimit { errors.append(.init(field: field("acceptance_reason"), message: "The reason must be \(Risks.textLimit) characters or fewer")) }
            expires = DateField.required(form.acceptance_expires_on, field: field("acceptance_expires_on"), what: "the date the acceptance runs out",
                                         errors: &errors)
            if let date = expires, date <= today {
                errors.append(.init(field: field("acceptance_expires_on"), message: "The acceptance must run out after today"))
            }
        }
        guard errors.isEmpty, let response else { return .failure(.invalid(errors)) }
        try await req.update(risk) { risk in
            risk.response = response.rawValue
            risk.$acceptedBy.id = approver
            risk.acceptanceReason = response == .tolerate ? reason : nil
            risk.acceptanceExpiresOn = expires?.description
            risk.acceptedOn = response == .tolerate ? today.description : nil
        }
        return .success(())
    }

    // MARK: Controls

    struct ControlForm: Content, Sendable {
        var description: String?
        /// The control owner's employee number.
        var owner: String?
        var effectiveness: String?
    }

    static func addControl(to risk: Risk, form: ControlForm, field: (String) -> String = { $0 }, req: Request) async throws -> Result<RiskControl, AppError> {
        var errors: [FieldError] = []
        let text = (form.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(.init(field: field("description"), message: "Describe the control")) }
        if text.count > Risks.textLimit { errors.append(.init(field: field("description"), message: "The control must be \(Risks.textLimit) characters or fewer")) }
        let owner = try await StaffNumber.resolve(form.owner, field: field("owner"), who: "the control's owner", required: true, errors: &errors, on: req.database)
        let effectiveness = RiskControl.Effectiveness(rawValue: form.effectiveness ?? "")
        if effectiveness == nil { errors.append(.init(field: field("effectiveness"), message: "Choose how effective the control is")) }
        guard errors.isEmpty, let ownerID = owner, let effectiveness else { return .failure(.invalid(errors)) }
        let control = RiskControl()
        control.$risk.id = try risk.requireID()
        control.$owner.id = ownerID
        control.summary = text
        control.effectiveness = effectiveness.rawValue
        try await req.create(control)
        return .success(control)
    }

    static func setEffectiveness(_ control: RiskControl, to value: String?, req: Request) async throws {
        guard let effectiveness = RiskControl.Effectiveness(rawValue: value ?? "") else {
            throw AppError.invalid([.init(field: "effectiveness", message: "Choose how effective the control is")])
        }
        try await req.update(control) { $0.effectiveness = effectiveness.rawValue }
    }

    static func controls(of risk: UUID, on db: any Database) async throws -> [RiskControl] {
        try await RiskControl.query(on: db).filter(\.$risk.$id == risk).with(\.$owner).sort(\.$createdAt).all()
    }

    // MARK: Actions

    struct ActionForm: Content, Sendable {
        var description: String?
        /// The action owner's employee number.
        var owner: String?
        var due_on: String?
    }

    /// Adds an action to the shared list, owned by the named person and pointing at the risk.
    static func addAction(to risk: Risk, form: ActionForm, field: (String) -> String = { $0 }, req: Request) async throws -> Result<ActionItem, AppError> {
        var errors: [FieldError] = []
        let owner = try await StaffNumber.resolve(form.owner, field: field("owner"), who: "the person who will do it", required: true,
                                                  errors: &errors, on: req.database)
        let checked = Actions.validate(.init(description: form.description, dueOn: form.due_on), fieldName: { field($0 == "dueOn" ? "due_on" : $0) })
        if case .failure(.invalid(let more)) = checked { errors += more }
        guard errors.isEmpty, let ownerID = owner, case .success(let clean) = checked else { return .failure(.invalid(errors)) }
        let action = try await Actions.create(owner: ownerID, description: clean.description, dueOn: clean.dueOn, source: .risk,
                                              sourceID: try risk.requireID(), sourceLabel: "Risk \(risk.reference): \(risk.title)", on: req)
        return .success(action)
    }

    static func actions(of risk: UUID, on db: any Database) async throws -> [ActionItem] {
        let all = try await ActionItem.query(on: db).filter(\.$sourceType == ActionItem.Source.risk.rawValue)
            .filter(\.$sourceID == risk).with(\.$owner).all()
        return all.sorted { a, b in
            a.statusValue == b.statusValue ? Actions.dueFirst(a, b) : a.statusValue == .open
        }
    }
}
