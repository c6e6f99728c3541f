import CapableCore
import Fluent
import Plot
import Vapor

/// A risk's page.
enum RiskShowController {
    static func query(_ risk: Risk, access: RiskAccess, today: CalendarDate, on db: any Database) async throws -> RiskPage.Model {
        let id = try risk.requireID()
        let matrix = try await RiskSettings.matrix(on: db)
        guard let category = try await RiskCategory.find(risk.$category.id, on: db),
              let owner = try await Person.find(risk.$owner.id, on: db),
              let home = try await RiskRegister.find(risk.$register.id, on: db)
        else { throw AppError.notFound }
        let escalatedTo = try await risk.$escalatedTo.id.asyncMap { try await RiskRegister.find($0, on: db) } ?? nil
        let outside = risk.statusValue == .open && (risk.current.map { RiskRules.outsideAppetite(current: $0, ceiling: category.ceiling) } ?? false)
        var proposal: String?
        if outside, escalatedTo == nil || escalatedTo?.isCorporate == false {
            let shownOn = escalatedTo ?? home
            if let next = try await RiskEscalations.registersAbove(shownOn, on: db).first {
                proposal = "Outside appetite: the current score is above \(category.ceiling), so the risk is proposed for escalation to \(next.name)."
            }
        } else if !outside, escalatedTo != nil, risk.statusValue == .open {
            proposal = "Within appetite again: the risk is proposed for de-escalation to \(home.name)."
        }
        let elementIDs = try await Risks.elements(of: id, on: db)
        let latest = try await Frameworks.latestElements(elementIDs, on: db)
        let history = try await RiskAssessing.history(of: id, on: db)
        let acceptedBy = try await risk.$acceptedBy.id.asyncMap { try await Person.find($0, on: db) } ?? nil
        let controls = try await RiskResponses.controls(of: id, on: db)
        let actions = try await RiskResponses.actions(of: id, on: db)
        let reviews = try await RiskReview.query(on: db).filter(\.$risk.$id == id).sort(\.$reviewedOn, .descending).sort(\.$createdAt, .descending).all()
        let moves = try await RiskEscalations.history(of: id, on: db)
        let indicator = try await RiskIndicators.read(risk, register: escalatedTo ?? home, today: today, on: db)
        return RiskPage.Model(
            id: id, reference: risk.reference, title: risk.title, cause: risk.cause, event: risk.event, consequence: risk.consequence,
            category: category.name, appetite: category.appetiteLevel.label, ceiling: category.ceiling,
            owner: "\(owner.displayName) (\(owner.employeeRef))", home: (try home.requireID(), home.name),
            escalatedTo: try escalatedTo.map { (try $0.requireID(), $0.name) }, closed: risk.statusValue == .closed,
            identifiedOn: risk.identifiedOn, closedOn: risk.closedOn, response: risk.responseValue,
            acceptance: risk.responseValue == .tolerate ? (acceptedBy?.displayName ?? "Not recorded", risk.acceptanceReason ?? "",
                                                          risk.acceptanceExpiresOn ?? "", risk.acceptanceExpired(today: today)) : nil,
            inherent: risk.inherent, current: risk.current, target: risk.target, targetReason: risk.targetReason, outside: outside,
            proposal: proposal, reviewMonths: risk.reviewMonths, nextReview: risk.nextReviewOn, lastReviewed: risk.lastReviewedOn,
            reviewOverdue: risk.reviewOverdue(today: today),
            elements: elementIDs.compactMap { element in latest[element].map { .init(id: element, code: $0.row.code, title: $0.row.title) } },
            indicator: indicator,
            chart: history.map { .init(day: DisplayFormat.day(of: $0.assessedAt), kind: $0.kindValue, score: $0.score) },
            history: history.map { .init(when: DisplayFormat.dateTime($0.assessedAt), who: $0.assessedByName, kind: $0.kindValue.shortLabel,
                                         rating: $0.rating, reason: $0.reason) },
            controls: try controls.map { .init(id: try $0.requireID(), description: $0.summary, owner: $0.owner.displayName, effectiveness: $0.effectivenessValue) },
            actions: actions.map { .init(description: $0.summary, owner: $0.owner.displayName, due: $0.dueOn, status: $0.statusValue, overdue: $0.isOverdue(today: today)) },
            reviews: reviews.map { .init(on: $0.reviewedOn, who: $0.reviewerName, rating: $0.rating, note: $0.note, next: $0.nextReviewOn) },
            moves: moves.map { move in
                .init(when: DisplayFormat.dateTime(move.at), who: move.byName,
                      text: move.directionValue == .escalated ? "Escalated from \(move.from.name) to \(move.to.name)" : "De-escalated from \(move.from.name) to \(move.to.name)",
                      reason: move.reason)
            },
            matrix: matrix, canEdit: access.canEdit(risk), today: today)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let (risk, access) = try await RiskAccess.risk(req.parameters.get("riskID", as: UUID.self), for: req)
        return RiskPage.view(try await query(risk, access: access, today: .today, on: req.database), context: PageContext(req))
    }

    struct StatusForm: Content { var status: String? }

    @Sendable static func setStatus(req: Request) async throws -> Response {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        guard let status = Risk.Status(rawValue: try req.content.decode(StatusForm.self).status ?? "") else {
            throw AppError.invalid([.init(field: "status", message: "Choose open or closed")])
        }
        try await Risks.setStatus(risk, to: status, today: .today, req: req)
        return req.redirect(to: SiteURL.risk(.risk(try risk.requireID())).path, redirectType: .normal)
    }

    @Sendable static func setEffectiveness(req: Request) async throws -> Response {
        guard let id = req.parameters.get("controlID", as: UUID.self), let control = try await RiskControl.find(id, on: req.database) else { throw AppError.notFound }
        let (risk, _) = try await RiskAccess.editableRisk(control.$risk.id, for: req)
        try await RiskResponses.setEffectiveness(control, to: try req.content.decode(RiskResponses.ControlForm.self).effectiveness, req: req)
        return req.redirect(to: SiteURL.risk(.risk(try risk.requireID())).path, redirectType: .normal)
    }
}
