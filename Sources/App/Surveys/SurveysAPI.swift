import CapableCore
import Fluent
import Vapor

/// `/api/v1/surveys`, `/surveys/{id}`, `/surveys/{id}/responses` and `/surveys/{id}/results`:
/// the pages' rules as JSON. Results never include a group under the minimum, and asking for one
/// says where its answers are counted.
enum SurveysAPI {
    struct SurveyDTO: Content {
        var id: UUID
        var title: String
        var opensOn: String
        var closesOn: String?
        var open: Bool
        /// For the caller: whether they have answered (false for surveys they are not asked).
        var answered: Bool
        var respondents: Int
    }

    @Sendable static func list(req: Request) async throws -> [SurveyDTO] {
        let model = try await SurveysHomePage.query(try req.requirePrincipal(), on: req.database)
        let closes = Dictionary(try await Survey.query(on: req.database).all().compactMap { s in s.id.map { ($0, s.closesOn) } }, uniquingKeysWith: { a, _ in a })
        var rows = model.forMe
        for row in model.all where !rows.contains(where: { $0.id == row.id }) { rows.append(row) }
        return rows.map { SurveyDTO(id: $0.id, title: $0.title, opensOn: $0.opensOn, closesOn: closes[$0.id] ?? nil, open: $0.open,
                                    answered: $0.answered, respondents: $0.respondents) }
    }

    struct CreateInput: Content {
        var title: String?
        var intro: String?
        /// The audience rule, with the audience page's field names.
        var audience: AudiencesController.Query?
        var closesOn: String?
        /// Built-in sets: `trust`, `safety`.
        var questionSets: [String]?
        var questions: [String]?
        var comments: Bool?
    }

    struct DetailDTO: Content {
        var id: UUID
        var title: String
        var intro: String
        var open: Bool
        var asked: Bool
        var answered: Bool
        var questions: [SurveyPage.Question]
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        let (rule, ruleErrors) = try await AudiencesController.rule(from: input.audience ?? .init(), on: req.database)
        let result = Surveys.validate(title: input.title, intro: input.intro, rule: rule,
                                      ruleErrors: ruleErrors.map { FieldError(field: "audience.\($0.field)", message: $0.message) },
                                      closesOn: input.closesOn, sets: input.questionSets ?? [], custom: input.questions ?? [], comments: input.comments ?? false,
                                      fieldName: { ["sets": "questionSets", "rule": "audience.rule"][$0] ?? $0 })
        switch result {
        case .failure(let error): throw error
        case .success(let setup):
            let survey = try await Surveys.create(setup, ruleField: "audience.rule", on: req)
            return try await detail(survey, principal: try req.requirePrincipal(), on: req.database).encodeResponse(status: .created, for: req)
        }
    }

    static func detail(_ survey: Survey, principal: Principal, on db: any Database) async throws -> DetailDTO {
        let page = try await SurveyPage.query(survey, principal: principal, on: db)
        return DetailDTO(id: page.id, title: page.title, intro: page.intro, open: page.open, asked: page.asked, answered: page.answered, questions: page.questions)
    }

    @Sendable static func show(req: Request) async throws -> DetailDTO {
        let principal = try req.requirePrincipal()
        let survey = try await SurveysController.load(req)
        let dto = try await detail(survey, principal: principal, on: req.database)
        guard dto.asked || SurveysController.isOrganiser(principal) else { throw AppError.notFound }
        return dto
    }

    struct AnswerInput: Content {
        struct Answer: Content {
            var questionId: UUID
            var score: Int?
            var text: String?
        }
        var answers: [Answer]?
    }

    /// The caller's answers, once; errors are named `answers[questionId]`.
    @Sendable static func respond(req: Request) async throws -> HTTPStatus {
        let principal = try req.requirePrincipal()
        let survey = try await SurveysController.load(req)
        guard let me = principal.personID else {
            throw AppError.invalid([.init(field: "answers", message: "This account is not linked to a staff record, so it cannot answer surveys")])
        }
        var scores: [UUID: String] = [:], texts: [UUID: String] = [:]
        for answer in try req.content.decode(AnswerInput.self).answers ?? [] {
            if let score = answer.score { scores[answer.questionId] = String(score) }
            if let text = answer.text { texts[answer.questionId] = text }
        }
        try await Surveys.answer(survey, person: me, scores: scores, texts: texts, on: req,
                                 fieldName: { "answers[\($0.id?.uuidString.lowercased() ?? "")]" })
        return .created
    }

    /// The results (HR and administrators; a unit's head, their units' groups); with `unitId`,
    /// that unit's group only, refused when it is under the minimum.
    @Sendable static func results(req: Request) async throws -> Response {
        let model = try await SurveysController.readableResults(req)
        guard let raw = req.query[String.self, at: "unitId"] else { return try await model.encodeResponse(for: req) }
        guard let unit = UUID(uuidString: raw) else { throw AppError.invalid([.init(field: "unitId", message: "Give a unit's id")]) }
        if let group = model.groups.first(where: { $0.unitId == unit }) { return try await group.encodeResponse(for: req) }
        let folded = model.folded.first { $0.unitId == unit }
        var name = folded?.unit
        if name == nil { name = try await OrgUnit.find(unit, on: req.database)?.name }
        guard let name, model.unitsOnly == false || folded != nil else { throw AppError.notFound }
        let message: String
        if let folded {
            message = "Fewer than \(model.minimumGroup) people in \(name) answered, so its results are not shown on their own: "
                + (folded.countedIn.map { "its answers are counted in \($0)" } ?? "its answers are in no group large enough to show")
        } else {
            message = "Nobody in \(name) has answered on their own account: it has no results to show"
        }
        throw AppError.invalid([.init(field: "unitId", message: message)])
    }
}

extension SurveyPage.Question: Content {}
extension SurveyResults.Model: Content {}
extension SurveyResults.Group: Content {}
