import CapableCore
import Fluent
import Plot
import Vapor

/// One panel member's score sheet for one candidate. The panel member edits their own sheet until
/// they submit it; HR, administrators and the chair can read anyone's; nobody changes another's.
enum InterviewSheetController {
    /// What the browser sends: `score[<criterion id>]` (empty, or 0 to 4), `note[<criterion id>]`,
    /// and `submit=1` to submit after saving.
    struct Form: Content {
        var score: [String: String]?
        var note: [String: String]?
        var submit: String?

        var entries: [UUID: InterviewSheets.Entry] {
            var entries: [UUID: InterviewSheets.Entry] = [:]
            for key in Set((score ?? [:]).keys).union((note ?? [:]).keys) {
                guard let id = UUID(uuidString: key) else { continue }
                entries[id] = .init(score: score?[key] ?? "", note: note?[key] ?? "")
            }
            return entries
        }
    }

    struct Target {
        var round: InterviewRound
        var candidate: InterviewCandidate
        var member: InterviewPanelMember
        var isOwner: Bool
    }

    /// The round, candidate and panel member named by the path, checked to belong together, and
    /// whether the viewer is that panel member; 403 for anyone else but HR, administrators and the chair.
    static func target(_ req: Request) async throws -> Target {
        let round = try await InterviewsController.find(req)
        let roundID = try round.requireID()
        guard let candidateID = req.parameters.get("candidateID", as: UUID.self),
              let memberID = req.parameters.get("memberID", as: UUID.self),
              let candidate = try await InterviewCandidate.query(on: req.database).filter(\.$id == candidateID).filter(\.$round.$id == roundID).first(),
              let member = try await InterviewPanelMember.query(on: req.database).filter(\.$id == memberID).filter(\.$round.$id == roundID)
                .with(\.$account).first()
        else { throw AppError.notFound }
        let principal = try req.requirePrincipal()
        let isOwner = member.$account.id == principal.accountID
        if !isOwner, !(try await Interviews.canSeeAllSheets(principal, round: roundID, on: req.database)) { throw AppError.forbidden }
        return Target(round: round, candidate: candidate, member: member, isOwner: isOwner)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let target = try await target(req)
        return InterviewSheetPage.view(try await query(target, form: nil, errors: [], on: req.database), context: PageContext(req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let target = try await target(req)
        // Only the panel member writes their own scores; the chair and HR read them.
        guard target.isOwner else { throw AppError.forbidden }
        let candidateID = try target.candidate.requireID(), memberID = try target.member.requireID()
        if try await InterviewSheets.find(candidate: candidateID, member: memberID, on: req.database)?.submittedAt != nil {
            throw AppError.conflict("This score sheet has been submitted and can no longer be changed.")
        }
        let form = try req.content.decode(Form.self)
        let model = try await query(target, form: nil, errors: [], on: req.database)
        let names = model.criteria.map { (id: $0.id, name: $0.name) }
        let errors = InterviewSheets.problems(form.entries, names: names, submitting: form.submit == "1")
        guard errors.isEmpty else {
            return InterviewSheetPage.view(try await query(target, form: form, errors: errors, on: req.database), context: PageContext(req))
                .response(status: .badRequest)
        }
        try await InterviewSheets.save(form.entries, criteria: names.map(\.id), candidate: candidateID, member: memberID,
                                       submit: form.submit == "1", on: req.database, context: req.auditContext)
        let next: SiteURL = form.submit == "1" ? .interviewRound(try target.round.requireID())
            : .interviewSheet(try target.round.requireID(), candidate: candidateID, member: memberID)
        return req.redirect(to: next.path, redirectType: .normal)
    }

    /// The sheet's model: stored scores, or what was sent when a form is shown again with errors.
    static func query(_ target: Target, form: Form?, errors: [FieldError], on db: any Database) async throws -> InterviewSheetPage.Model {
        let roundID = try target.round.requireID()
        let criteria = try await Interviews.criteria(of: roundID, on: db)
        let info = try await ElementLookup.info(criteria.compactMap(\.elementID), on: db)
        let (groups, experience) = CriterionGroups.group(criteria.compactMap(CriterionGroups.input), info: info)
        let sheet = try await InterviewSheets.find(candidate: target.candidate.requireID(), member: target.member.requireID(), on: db)
        var entries: [UUID: InterviewSheetPage.Entry] = [:]
        for score in sheet?.scores ?? [] {
            entries[score.$criterion.id] = .init(score: score.score.map(String.init) ?? "", note: score.note)
        }
        if let form {
            for (id, entry) in form.entries { entries[id] = .init(score: entry.score, note: entry.note) }
        }
        return InterviewSheetPage.Model(
            roundID: roundID, roundTitle: target.round.title, heldOn: DisplayFormat.calendarDate(target.round.heldOn),
            roleTitle: target.round.jobRole.title, candidateID: try target.candidate.requireID(), candidate: target.candidate.reference,
            memberID: try target.member.requireID(), memberName: target.member.account.displayName,
            groups: groups, experience: experience, entries: entries,
            editable: target.isOwner && sheet?.submittedAt == nil, submittedAt: sheet?.submittedAt.map(DisplayFormat.dateTime),
            errors: errors)
    }
}
