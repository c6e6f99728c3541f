import CapableCore
import Fluent
import Plot
import Vapor

/// The forms about a risk: shown with the risk's values, saved through the same rules the API
/// uses, shown again with every problem by field when something is wrong (nothing is written).
enum RiskFormsController {
    static func form(_ req: Request) throws -> RiskURL.Form {
        guard let raw = req.parameters.get("form"), let form = RiskURL.Form(rawValue: raw) else { throw AppError.notFound }
        return form
    }

    /// The values a form starts with: the risk's own.
    static func values(of risk: Risk, form: RiskURL.Form, on db: any Database) async throws -> [String: String] {
        switch form {
        case .edit:
            let category = try await RiskCategory.find(risk.$category.id, on: db)
            let owner = try await Person.find(risk.$owner.id, on: db)
            let elements = try await Frameworks.latestElements(try await Risks.elements(of: try risk.requireID(), on: db), on: db)
            return ["title": risk.title, "cause": risk.cause, "event": risk.event, "consequence": risk.consequence,
                    "category": category?.code ?? "", "owner": owner?.employeeRef ?? "", "review_months": String(risk.reviewMonths),
                    "elements": elements.values.map(\.row.code).sorted().joined(separator: ", ")]
        case .assess:
            var values: [String: String] = ["target_reason": risk.targetReason ?? ""]
            for kind in RiskAssessment.Kind.allCases {
                values["\(kind.rawValue)_likelihood"] = risk.rating(kind).map { String($0.likelihood) } ?? ""
                values["\(kind.rawValue)_impact"] = risk.rating(kind).map { String($0.impact) } ?? ""
            }
            return values
        case .response:
            let approver = try await risk.$acceptedBy.id.asyncMap { try await Person.find($0, on: db) } ?? nil
            return ["response": risk.response ?? "", "approver": approver?.employeeRef ?? "", "acceptance_reason": risk.acceptanceReason ?? "",
                    "acceptance_expires_on": risk.acceptanceExpiresOn.map(DisplayFormat.ukDate) ?? ""]
        case .review:
            return ["likelihood": risk.currentLikelihood.map(String.init) ?? "", "impact": risk.currentImpact.map(String.init) ?? ""]
        case .indicator:
            return ["kri_kind": risk.kriKind ?? "", "kri_requirement": risk.kriRequirementID?.uuidString.lowercased() ?? "",
                    "kri_threshold": risk.kriThreshold.map(String.init) ?? ""]
        case .control, .action, .escalate:
            return [:]
        }
    }

    static func model(_ kind: RiskFormPage.Kind, risk: Risk?, register: RiskRegister, values: [String: String], errors: [FieldError],
                      on db: any Database) async throws -> RiskFormPage.Model {
        let headings: [RiskURL.Form: String] = [.edit: "Change the risk's details", .assess: "Assess the risk", .response: "Respond to the risk",
                                                 .control: "Add a control", .action: "Add an action", .review: "Record a review",
                                                 .escalate: "Escalate the risk", .indicator: "Key risk indicator"]
        var model = RiskFormPage.Model(kind: kind, heading: "Add a risk", caption: register.name, values: values, errors: errors,
                                       matrix: try await RiskSettings.matrix(on: db), back: .risk(.register(try register.requireID())))
        if case .risk(let id, let form) = kind, let risk {
            model.heading = headings[form] ?? ""
            model.caption = "\(risk.reference) \(risk.title)"
            model.back = .risk(.risk(id))
            if form == .escalate {
                let shownOn = try await RiskRegister.find(risk.shownOnID, on: db) ?? register
                model.registersAbove = try await RiskEscalations.registersAbove(shownOn, on: db).map { (try $0.requireID(), $0.name) }
                model.escalatedTo = risk.$escalatedTo.id == nil ? nil : shownOn.name
            }
            if form == .indicator {
                model.requirements = try await ComplianceQueries.requirements(describingAudiences: false, on: db).map { ($0.id, $0.title) }
            }
        }
        model.categories = try await RiskCategory.query(on: db).filter(\.$active == true).sort(\.$position).all().map { ($0.code, $0.name) }
        return model
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let form = try form(req)
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        guard let register = try await RiskRegister.find(risk.$register.id, on: req.database) else { throw AppError.notFound }
        return RiskFormPage.view(try await model(.risk(try risk.requireID(), form), risk: risk, register: register,
                                                 values: try await values(of: risk, form: form, on: req.database), errors: [], on: req.database),
                                 context: PageContext(req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let form = try form(req)
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let id = try risk.requireID()
        let matrix = try await RiskSettings.matrix(on: req.database)
        let today = CalendarDate.today
        let result: Result<Void, AppError>
        switch form {
        case .edit:
            switch try await Risks.validate(try req.content.decode(Risks.Input.self), on: req.database) {
            case .success(let clean):
                try await Risks.update(risk, with: clean, req: req)
                result = .success(())
            case .failure(let error): result = .failure(error)
            }
        case .assess:
            let input = try req.content.decode(RiskAssessing.Form.self)
            var errors: [FieldError] = [], ratings: [RiskAssessment.Kind: RiskMatrix.Rating] = [:]
            for kind in RiskAssessment.Kind.allCases {
                let (l, i) = input.raw(kind)
                ratings[kind] = RiskAssessing.parse(l, i, field: kind.rawValue, matrix: matrix, errors: &errors)
            }
            if !errors.isEmpty { result = .failure(.invalid(errors)) } else {
                switch RiskAssessing.check(ratings, reason: input.reason, targetReason: input.target_reason, risk: risk,
                                           field: { kind, name in kind.map { "\($0.rawValue)_\(name)" } ?? name }) {
                case .success(let changes):
                    try await RiskAssessing.record(changes, reason: input.reason, targetReason: input.target_reason, risk: risk, req: req)
                    result = .success(())
                case .failure(let error): result = .failure(error)
                }
            }
        case .response:
            result = try await RiskResponses.setResponse(risk, form: try req.content.decode(RiskResponses.ResponseForm.self), today: today, req: req)
        case .control:
            result = try await RiskResponses.addControl(to: risk, form: try req.content.decode(RiskResponses.ControlForm.self), req: req).map { _ in () }
        case .action:
            result = try await RiskResponses.addAction(to: risk, form: try req.content.decode(RiskResponses.ActionForm.self), req: req).map { _ in () }
        case .review:
            result = try await RiskAssessing.review(risk, form: try req.content.decode(RiskAssessing.ReviewForm.self), matrix: matrix, today: today, req: req)
                .map { _ in () }
        case .escalate:
            result = try await RiskEscalations.escalate(risk, form: try req.content.decode(RiskEscalations.Form.self), req: req)
        case .indicator:
            result = try await RiskIndicators.set(risk, form: try req.content.decode(RiskIndicators.Form.self), req: req)
        }
        return try await respond(result, form: form, risk: risk, req: req)
    }

    struct DeEscalateForm: Content { var de_reason: String? }

    @Sendable static func deEscalate(req: Request) async throws -> Response {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let reason = try req.content.decode(DeEscalateForm.self).de_reason
        let result = try await RiskEscalations.deEscalate(risk, form: .init(register: nil, reason: reason), field: { $0 == "reason" ? "de_reason" : $0 }, req: req)
        return try await respond(result, form: .escalate, risk: risk, req: req)
    }

    private static func respond(_ result: Result<Void, AppError>, form: RiskURL.Form, risk: Risk, req: Request) async throws -> Response {
        switch result {
        case .success:
            return req.redirect(to: SiteURL.risk(.risk(try risk.requireID())).path, redirectType: .normal)
        case .failure(.invalid(let errors)):
            guard let register = try await RiskRegister.find(risk.$register.id, on: req.database) else { throw AppError.notFound }
            let sent = (try? req.content.decode([String: String].self)) ?? [:]
            return RiskFormPage.view(try await model(.risk(try risk.requireID(), form), risk: risk, register: register, values: sent,
                                                     errors: errors, on: req.database), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        }
    }

    // MARK: Identify

    @Sendable static func newRisk(req: Request) async throws -> HTML {
        let (register, _) = try await RiskController.register(req)
        var values: [String: String] = ["review_months": "3"]
        if let me = req.principal?.personID, let person = try await Person.find(me, on: req.database) { values["owner"] = person.employeeRef }
        return RiskFormPage.view(try await model(.identify(register: try register.requireID()), risk: nil, register: register, values: values,
                                                 errors: [], on: req.database), context: PageContext(req))
    }

    @Sendable static func createRisk(req: Request) async throws -> Response {
        let (register, _) = try await RiskController.register(req)
        switch try await Risks.validate(try req.content.decode(Risks.Input.self), on: req.database) {
        case .success(let clean):
            let risk = try await Risks.create(clean, on: register, today: .today, req: req)
            return req.redirect(to: SiteURL.risk(.form(try risk.requireID(), .assess)).path, redirectType: .normal)
        case .failure(.invalid(let errors)):
            let sent = (try? req.content.decode([String: String].self)) ?? [:]
            return RiskFormPage.view(try await model(.identify(register: try register.requireID()), risk: nil, register: register, values: sent,
                                                     errors: errors, on: req.database), context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        }
    }
}
