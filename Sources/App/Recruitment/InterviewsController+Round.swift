import CapableCore
import Fluent
import Plot
import Vapor

extension InterviewsController {
    /// The round page's model for this viewer: everyone on it sees the candidates and their own
    /// sheets; HR and administrators also get the forms to add candidates and panel members.
    static func roundQuery(round: InterviewRound, principal: Principal, on db: any Database) async throws -> InterviewRoundPage.Model {
        let roundID = try round.requireID()
        let members = try await Interviews.panel(of: roundID, on: db)
        let candidates = try await Interviews.candidates(of: roundID, on: db)
        let criteria = try await Interviews.criteria(of: roundID, on: db)
        let me = members.first { $0.$account.id == principal.accountID }
        let sheets = candidates.isEmpty ? [] : try await InterviewSheet.query(on: db).filter(\.$candidate.$id ~~ candidates.compactMap(\.id)).all()
        func status(_ candidate: UUID, _ member: UUID) -> String {
            guard let sheet = sheets.first(where: { $0.$candidate.id == candidate && $0.$panelMember.id == member }) else { return "Not started" }
            return sheet.submittedAt == nil ? "In progress" : "Submitted"
        }
        return InterviewRoundPage.Model(
            roundID: roundID, title: round.title, heldOn: DisplayFormat.calendarDate(round.heldOn),
            roleID: round.$jobRole.id, roleTitle: round.jobRole.title, criteria: criteria.count,
            candidates: candidates.compactMap { candidate in
                candidate.id.map { id in
                    .init(id: id, reference: candidate.reference, myStatus: me?.id.map { status(id, $0) })
                }
            },
            members: members.compactMap { member in
                member.id.map { id in
                    .init(id: id, name: member.account.displayName, chair: member.chair,
                          submitted: sheets.filter { $0.$panelMember.id == id && $0.submittedAt != nil }.count)
                }
            },
            myMemberID: me?.id,
            canManage: !principal.roles.isDisjoint(with: [.hr, .admin]),
            canSeeResults: try await Interviews.canSeeResults(principal, round: roundID, on: db),
            errors: [], reference: "", email: "")
    }

    /// The results page (HR, administrators, the chair, and panel members who have submitted
    /// every sheet); `?print=1` for paper.
    @Sendable static func results(req: Request) async throws -> HTML {
        let round = try await find(req)
        let roundID = try round.requireID()
        guard try await Interviews.canSeeResults(try req.requirePrincipal(), round: roundID, on: req.database) else {
            throw AppError.forbidden
        }
        let model = try await InterviewResults.query(roundID: roundID, on: req.database)
        if req.query[String.self, at: "print"] == "1" { return InterviewResultsPage.print(model) }
        return InterviewResultsPage.view(model, context: PageContext(req))
    }

    /// A blank score sheet to print and take into the interview room.
    @Sendable static func blankSheet(req: Request) async throws -> HTML {
        let round = try await find(req)
        let roundID = try round.requireID()
        let criteria = try await Interviews.criteria(of: roundID, on: req.database)
        let info = try await ElementLookup.info(criteria.compactMap(\.elementID), on: req.database)
        let (groups, experience) = CriterionGroups.group(criteria.compactMap(CriterionGroups.input), info: info)
        return InterviewSheetPage.blank(.init(roundID: roundID, roundTitle: round.title, heldOn: DisplayFormat.calendarDate(round.heldOn),
                                              roleTitle: round.jobRole.title, groups: groups, experience: experience))
    }
}
