import CapableCore
import Fluent
import Foundation

/// Interview rounds: setting them up, who may see what, and the score sheets.
enum Interviews {
    /// Problems with a new round's title and date, by form field.
    static func roundProblems(title: String, heldOn: String) -> [FieldError] {
        var errors: [FieldError] = []
        if title.isEmpty { errors.append(.init(field: "title", message: "Enter a title for the interview round")) }
        if title.count > 200 { errors.append(.init(field: "title", message: "Title must be 200 characters or fewer")) }
        if CalendarDate(heldOn) == nil {
            errors.append(.init(field: "held_on", message: "Enter the interview date as a real date, for example 2026-03-14 or 14/03/2026"))
        }
        return errors
    }

    /// Creates a round for a role, copying the published specification's interview criteria so
    /// the score sheet stays as it was when the panel started, whatever happens to the specification.
    static func createRound(role: JobRole, title: String, heldOn: CalendarDate, on db: any Database,
                            context: AuditContext) async throws -> InterviewRound {
        let roleID = try role.requireID()
        guard let spec = try await PersonSpecifications.find(roleID: roleID, on: db), spec.isPublished else {
            throw AppError.conflict("Publish the role's person specification before setting up interviews: the score sheet is made from it.")
        }
        let criteria = try await PersonSpecifications.criteria(of: spec, on: db).filter { $0.methods.contains(.interview) }
        guard !criteria.isEmpty else {
            throw AppError.conflict("No criterion in the person specification is assessed at interview, so there is nothing to score.")
        }
        let round = InterviewRound(jobRoleID: roleID, title: title, heldOn: heldOn.description)
        try await round.create(on: db)
        let roundID = try round.requireID()
        for (position, criterion) in criteria.enumerated() {
            try await InterviewCriterion(roundID: roundID, copying: criterion, position: position).create(on: db)
        }
        try await Audit.append("create", entity: InterviewRound.auditEntity, id: roundID.uuidString,
                               changes: FieldChange.diff(before: [:], after: round.auditSnapshot)
                                   + [FieldChange(field: "criteria", old: nil, new: String(criteria.count))],
                               context: context, on: db)
        return round
    }

    static func panel(of roundID: UUID, on db: any Database) async throws -> [InterviewPanelMember] {
        try await InterviewPanelMember.query(on: db).filter(\.$round.$id == roundID).with(\.$account).all()
            .sorted { ($0.chair ? 0 : 1, $0.account.displayName) < ($1.chair ? 0 : 1, $1.account.displayName) }
    }

    static func candidates(of roundID: UUID, on db: any Database) async throws -> [InterviewCandidate] {
        try await InterviewCandidate.query(on: db).filter(\.$round.$id == roundID).sort(\.$reference).all()
    }

    static func criteria(of roundID: UUID, on db: any Database) async throws -> [InterviewCriterion] {
        try await InterviewCriterion.query(on: db).filter(\.$round.$id == roundID).sort(\.$position).all()
    }

    static func membership(_ accountID: UUID, round roundID: UUID, on db: any Database) async throws -> InterviewPanelMember? {
        try await InterviewPanelMember.query(on: db).filter(\.$round.$id == roundID).filter(\.$account.$id == accountID).first()
    }

    /// Who may open any panel member's sheet, notes included: HR, administrators and the chair.
    static func canSeeAllSheets(_ principal: Principal, round roundID: UUID, on db: any Database) async throws -> Bool {
        if !principal.roles.isDisjoint(with: [.hr, .admin]) { return true }
        return try await membership(principal.accountID, round: roundID, on: db)?.chair == true
    }

    /// Who sees every panel member's scores for a round: HR, administrators and the round's chair
    /// at any time; another panel member once they have submitted a sheet for every candidate (so
    /// that everyone scores on their own evidence first, as fair selection asks).
    static func canSeeResults(_ principal: Principal, round roundID: UUID, on db: any Database) async throws -> Bool {
        if !principal.roles.isDisjoint(with: [.hr, .admin]) { return true }
        guard let member = try await membership(principal.accountID, round: roundID, on: db) else { return false }
        if member.chair { return true }
        let candidates = try await InterviewCandidate.query(on: db).filter(\.$round.$id == roundID).count()
        let submitted = try await InterviewSheet.query(on: db).filter(\.$panelMember.$id == member.requireID())
            .filter(\.$submittedAt != nil).count()
        return candidates > 0 && submitted >= candidates
    }
}
