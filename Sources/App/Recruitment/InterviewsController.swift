import CapableCore
import Fluent
import Plot
import Vapor

/// Interview rounds: HR and administrators set them up (title, date, candidates, panel); panel
/// members open the round to score. Access to a round is the `interviewPanel` policy.
enum InterviewsController {
    struct RoundForm: Content {
        var title: String?
        var held_on: String?
    }

    struct CandidateForm: Content {
        var reference: String?
    }

    struct PanelForm: Content {
        var email: String?
        var chair: String?
    }

    /// `/recruitment`: the rounds the viewer sits on; HR and administrators see every round.
    @Sendable static func index(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let everything = PersonSpecificationController.canEdit(req)
        let rounds = try await listQuery(accountID: principal.accountID, everything: everything, on: req.database)
        return InterviewRoundsPage.index(rounds, everything: everything, context: PageContext(req))
    }

    static func listQuery(accountID: UUID, everything: Bool, on db: any Database) async throws -> [InterviewRoundsPage.Summary] {
        var query = InterviewRound.query(on: db).with(\.$jobRole)
        if !everything {
            let mine = try await InterviewPanelMember.query(on: db).filter(\.$account.$id == accountID).all().map(\.$round.id)
            query = query.filter(\.$id ~~ mine)
        }
        return try await query.sort(\.$heldOn, .descending).all().compactMap(InterviewRoundsPage.Summary.init)
    }

    /// `/people/roles/<id>/interviews`: a role's rounds and the form to set one up.
    @Sendable static func roleRounds(req: Request) async throws -> HTML {
        let role = try await JobRolesController.find(req)
        let model = try await roleQuery(role: role, form: RoundForm(), errors: [], on: req.database)
        return InterviewRoundsPage.role(model, context: PageContext(req))
    }

    static func roleQuery(role: JobRole, form: RoundForm, errors: [FieldError], on db: any Database) async throws -> InterviewRoundsPage.RoleModel {
        let roleID = try role.requireID()
        let rounds = try await InterviewRound.query(on: db).filter(\.$jobRole.$id == roleID).with(\.$jobRole)
            .sort(\.$heldOn, .descending).all().compactMap(InterviewRoundsPage.Summary.init)
        let spec = try await PersonSpecifications.find(roleID: roleID, on: db)
        return .init(roleID: roleID, roleTitle: role.title, rounds: rounds, hasPublishedSpecification: spec?.isPublished == true,
                     title: form.title ?? "", heldOn: form.held_on ?? "", errors: errors)
    }

    @Sendable static func createRound(req: Request) async throws -> Response {
        let role = try await JobRolesController.find(req)
        let form = try req.content.decode(RoundForm.self)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let heldOn = (form.held_on ?? "").trimmingCharacters(in: .whitespaces)
        let errors = Interviews.roundProblems(title: title, heldOn: heldOn)
        guard errors.isEmpty, let date = CalendarDate(heldOn) else {
            let model = try await roleQuery(role: role, form: form, errors: errors, on: req.database)
            return InterviewRoundsPage.role(model, context: PageContext(req)).response(status: .badRequest)
        }
        let round = try await Interviews.createRound(role: role, title: title, heldOn: date, on: req.database, context: req.auditContext)
        return req.redirect(to: SiteURL.interviewRound(try round.requireID()).path, redirectType: .normal)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let round = try await find(req)
        let model = try await roundQuery(round: round, principal: try req.requirePrincipal(), on: req.database)
        return InterviewRoundPage.view(model, context: PageContext(req))
    }

    @Sendable static func addCandidate(req: Request) async throws -> Response {
        let round = try await find(req)
        let roundID = try round.requireID()
        let reference = (try req.content.decode(CandidateForm.self).reference ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if reference.isEmpty { errors.append(.init(field: "reference", message: "Enter the candidate's name or candidate reference")) }
        if reference.count > 100 { errors.append(.init(field: "reference", message: "Name or reference must be 100 characters or fewer")) }
        if errors.isEmpty, try await InterviewCandidate.query(on: req.database).filter(\.$round.$id == roundID)
            .filter(\.$reference == reference).count() > 0 {
            errors.append(.init(field: "reference", message: "\(reference) is already a candidate in this round"))
        }
        guard errors.isEmpty else {
            var model = try await roundQuery(round: round, principal: try req.requirePrincipal(), on: req.database)
            model.errors = errors
            model.reference = reference
            return InterviewRoundPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        try await req.create(InterviewCandidate(roundID: roundID, reference: reference))
        return req.redirect(to: SiteURL.interviewRound(roundID).path, redirectType: .normal)
    }

    @Sendable static func addPanelMember(req: Request) async throws -> Response {
        let round = try await find(req)
        let roundID = try round.requireID()
        let form = try req.content.decode(PanelForm.self)
        let email = Account.normalise(email: form.email ?? "")
        var errors: [FieldError] = []
        let account = email.isEmpty ? nil : try await Account.query(on: req.database).filter(\.$email == email).filter(\.$active == true).first()
        if email.isEmpty {
            errors.append(.init(field: "email", message: "Enter the email address of the panel member's Capable account"))
        } else if account == nil {
            errors.append(.init(field: "email", message: "No active Capable account has the email address \(email)"))
        } else if let id = account?.id, try await Interviews.membership(id, round: roundID, on: req.database) != nil {
            errors.append(.init(field: "email", message: "\(email) is already on this panel"))
        }
        guard errors.isEmpty, let account else {
            var model = try await roundQuery(round: round, principal: try req.requirePrincipal(), on: req.database)
            model.errors = errors
            model.email = email
            return InterviewRoundPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        let chair = form.chair == "yes"
        if chair {
            // One chair per round: a new chair takes over.
            for member in try await InterviewPanelMember.query(on: req.database).filter(\.$round.$id == roundID).filter(\.$chair == true).all() {
                try await req.update(member) { $0.chair = false }
            }
        }
        try await req.create(InterviewPanelMember(roundID: roundID, accountID: try account.requireID(), chair: chair))
        return req.redirect(to: SiteURL.interviewRound(roundID).path, redirectType: .normal)
    }

    static func find(_ req: Request) async throws -> InterviewRound {
        guard let id = req.parameters.get("roundID", as: UUID.self),
              let round = try await InterviewRound.query(on: req.database).filter(\.$id == id).with(\.$jobRole).first()
        else { throw AppError.notFound }
        return round
    }
}
