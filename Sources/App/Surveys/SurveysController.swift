import CapableCore
import Fluent
import Plot
import Vapor

/// Pulse surveys: HR and administrators start and close them and read the results; everyone
/// answers the surveys they are asked, once.
enum SurveysController {
    struct Form: Content {
        var title: String?
        var intro: String?
        var rule: String?
        var unit: String?
        var subunits: String?
        var role: String?
        var grade_low: String?
        var grade_high: String?
        var days: String?
        var closes_on: String?
        var sets: [String]?
        var questions: String?
        var comments: String?

        var audienceQuery: AudiencesController.Query {
            .init(rule: rule, unit: unit, subunits: subunits, role: role.flatMap(UUID.init(uuidString:)), grade_low: grade_low, grade_high: grade_high, days: days)
        }
    }

    static func isOrganiser(_ principal: Principal) -> Bool { principal.roles.contains(.hr) || principal.roles.contains(.admin) }

    @Sendable static func home(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        return SurveysHomePage.view(try await SurveysHomePage.query(principal, on: req.database), context: PageContext(req))
    }

    static func roles(on db: any Database) async throws -> [(UUID, String)] {
        try await JobRole.query(on: db).sort(\.$title).all().compactMap { role in role.id.map { ($0, role.title) } }
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        var form = Form()
        form.rule = "allStaff"
        form.sets = BuiltInQuestions.sets.map(\.key)
        form.comments = "yes"
        return SurveyFormPage.view(.init(form: form, roles: try await roles(on: req.database), errors: []), context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let (rule, ruleErrors) = try await AudiencesController.rule(from: form.audienceQuery, on: req.database)
        let result = Surveys.validate(title: form.title, intro: form.intro, rule: rule, ruleErrors: ruleErrors, closesOn: form.closes_on,
                                      sets: form.sets ?? [], custom: (form.questions ?? "").components(separatedBy: .newlines),
                                      comments: form.comments == "yes", fieldName: { ["closesOn": "closes_on"][$0] ?? $0 })
        switch result {
        case .failure(.invalid(let errors)):
            return SurveyFormPage.view(.init(form: form, roles: try await roles(on: req.database), errors: errors), context: PageContext(req))
                .response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let setup):
            do {
                let survey = try await Surveys.create(setup, on: req)
                return req.redirect(to: SiteURL.surveys(.survey(try survey.requireID())).path, redirectType: .normal)
            } catch AppError.invalid(let errors) {
                return SurveyFormPage.view(.init(form: form, roles: try await roles(on: req.database), errors: errors), context: PageContext(req))
                    .response(status: .badRequest)
            }
        }
    }

    static func load(_ req: Request) async throws -> Survey {
        guard let id = req.parameters.get("surveyID", as: UUID.self), let survey = try await Survey.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return survey
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let survey = try await load(req)
        let model = try await SurveyPage.query(survey, principal: principal, on: req.database)
        guard model.asked || model.canSeeResults else { throw AppError.notFound }
        return SurveyPage.view(model, context: PageContext(req))
    }

    /// One person's answers: `q-<question id>` holds a score 1 to 5, `t-<question id>` free text.
    @Sendable static func answer(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let survey = try await load(req)
        guard let me = principal.personID else { throw AppError.badRequest("Your account is not linked to a staff record, so it cannot answer surveys.") }
        let fields = try req.content.decode([String: String].self)
        var scores: [UUID: String] = [:], texts: [UUID: String] = [:]
        for (name, value) in fields {
            if name.hasPrefix("q-"), let id = UUID(uuidString: String(name.dropFirst(2))) { scores[id] = value }
            if name.hasPrefix("t-"), let id = UUID(uuidString: String(name.dropFirst(2))) { texts[id] = value }
        }
        do {
            try await Surveys.answer(survey, person: me, scores: scores, texts: texts, on: req,
                                     fieldName: { "\($0.kindValue == .scale ? "q" : "t")-\($0.id?.uuidString.lowercased() ?? "")" })
        } catch AppError.invalid(let errors) {
            var model = try await SurveyPage.query(survey, principal: principal, on: req.database)
            model.errors = errors
            model.given = fields
            return SurveyPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.surveys(.survey(try survey.requireID())).path, redirectType: .normal)
    }

    @Sendable static func results(req: Request) async throws -> HTML {
        SurveyResultsPage.view(try await readableResults(req), context: PageContext(req))
    }

    /// The survey's results as the caller may see them (`SurveyResults.reach`).
    static func readableResults(_ req: Request) async throws -> SurveyResults.Model {
        let survey = try await load(req)
        guard let reach = try await SurveyResults.reach(of: try req.requirePrincipal(), on: req.database) else { throw AppError.forbidden }
        let model = try await SurveyResults.query(survey, on: req.database)
        switch reach {
        case .all: return model
        case .units(let units): return SurveyResults.narrowed(model, to: units)
        }
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let survey = try await load(req)
        if survey.closedOn == nil { try await req.update(survey) { $0.closedOn = CalendarDate.today.description } }
        return req.redirect(to: SiteURL.surveys(.results(try survey.requireID())).path, redirectType: .normal)
    }
}
