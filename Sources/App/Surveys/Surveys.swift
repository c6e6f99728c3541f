import CapableCore
import Fluent
import SQLKit
import Vapor

/// The rules of pulse surveys, shared by the pages and the API: who is asked, what an answer
/// must be, and results that never show a group under the minimum.
enum Surveys {
    struct Setup: Sendable {
        var title: String
        var intro: String
        var audience: Audience
        var opensOn: CalendarDate
        var closesOn: CalendarDate?
        var sets: [BuiltInQuestions.Set]
        var custom: [String]
        var comments: Bool
    }

    /// Checks the parts every way of starting a survey shares; `fieldName` maps names.
    static func validate(title raw: String?, intro: String?, rule: AudienceRule?, ruleErrors: [FieldError], closesOn: String?,
                         sets: [String], custom: [String], comments: Bool, fieldName: (String) -> String = { $0 }) -> Result<Setup, AppError> {
        var errors: [FieldError] = []
        let title = Text.clean(raw)
        if title.isEmpty || title.count > 200 { errors.append(.init(field: fieldName("title"), message: "Enter a title of up to 200 characters, like “Pulse: spring 2027”")) }
        errors += ruleErrors
        if rule == nil && ruleErrors.isEmpty { errors.append(.init(field: fieldName("rule"), message: "Choose who the survey is for")) }
        let closes = DateField.optional(closesOn, field: fieldName("closesOn"), what: "the closing date", errors: &errors)
        if let closes, closes < .today { errors.append(.init(field: fieldName("closesOn"), message: "The closing date must be today or later")) }
        let chosen = BuiltInQuestions.sets.filter { sets.contains($0.key) }
        let unknown = sets.filter { key in !BuiltInQuestions.sets.contains { $0.key == key } }
        if !unknown.isEmpty { errors.append(.init(field: fieldName("sets"), message: "Unknown question set: use \(BuiltInQuestions.sets.map(\.key).joined(separator: " or "))")) }
        let own = custom.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if own.contains(where: { $0.count > 300 }) { errors.append(.init(field: fieldName("questions"), message: "Each question must be 300 characters or fewer")) }
        if chosen.isEmpty && own.isEmpty { errors.append(.init(field: fieldName("sets"), message: "Choose at least one set of questions, or write your own")) }
        guard errors.isEmpty, let rule else { return .failure(.invalid(errors)) }
        return .success(Setup(title: title, intro: Text.clean(intro), audience: Audience(name: title, rules: [rule]), opensOn: .today,
                              closesOn: closes, sets: chosen, custom: own, comments: comments))
    }

    /// Starts a survey: its questions, and everyone in the audience today asked. An audience
    /// with nobody in it is refused (on `ruleField`).
    static func create(_ setup: Setup, ruleField: String = "rule", on req: Request) async throws -> Survey {
        let members = AudienceEvaluator.members(of: setup.audience, in: try await Audiences.snapshot(on: req.database), today: .today)
        guard !members.isEmpty else { throw AppError.invalid([.init(field: ruleField, message: "Nobody is in this audience today: choose another")]) }
        let survey = Survey()
        survey.title = setup.title
        survey.intro = setup.intro
        survey.audienceJSON = String(decoding: try JSONEncoder().encode(setup.audience), as: UTF8.self)
        survey.opensOn = setup.opensOn.description
        survey.closesOn = setup.closesOn?.description
        survey.createdBy = req.principal?.accountID
        try await req.create(survey)
        let id = try survey.requireID()
        var questions: [SurveyQuestion] = []
        for question in setup.sets.flatMap(\.questions) {
            questions.append(SurveyQuestion(surveyID: id, key: question.key, kind: .scale, text: question.text, position: questions.count + 1))
        }
        for text in setup.custom {
            questions.append(SurveyQuestion(surveyID: id, key: "own.\(questions.count + 1)", kind: .scale, text: text, position: questions.count + 1))
        }
        if setup.comments {
            questions.append(SurveyQuestion(surveyID: id, key: BuiltInQuestions.comments.key, kind: .text, text: BuiltInQuestions.comments.text,
                                            position: questions.count + 1))
        }
        try await questions.create(on: req.database)
        for chunk in members.sorted(by: { $0.uuidString < $1.uuidString }).chunks(of: 500) {
            var insert = req.database.sql.insert(into: SurveyInvitation.schema).columns("id", "survey_id", "person_id", "answered")
            for person in chunk { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(person), SQLBind(false)) }
            try await insert.run()
        }
        try await req.audit("add questions", entity: Survey.auditEntity, id: id.uuidString,
                            changes: [FieldChange(field: "questions", old: nil, new: questions.map(\.text).joined(separator: "\n")),
                                      FieldChange(field: "asked", old: nil, new: String(members.count))])
        return survey
    }

    /// Whether a person is asked: in the audience when the survey started.
    static func isAsked(_ person: UUID, survey: Survey, on db: any Database) async throws -> Bool {
        try await SurveyInvitation.query(on: db).filter(\.$surveyID == survey.requireID()).filter(\.$personID == person).count() > 0
    }

    /// How many open surveys a person is asked and has not answered yet (for the start page).
    static func waiting(for person: UUID, on db: any Database) async throws -> Int {
        let today = CalendarDate.today.description
        struct Count: Decodable { var n: Int }
        return try await db.sql.raw("""
            SELECT CAST(COUNT(*) AS BIGINT) AS n FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id
            WHERE i.person_id = \(bind: person) AND i.answered = \(bind: false) AND s.closed_on IS NULL
              AND s.opens_on <= \(bind: today) AND (s.closes_on IS NULL OR s.closes_on >= \(bind: today))
            """).first(decoding: Count.self)?.n ?? 0
    }

    static func hasAnswered(_ person: UUID, survey: UUID, on db: any Database) async throws -> Bool {
        try await SurveyInvitation.query(on: db).filter(\.$surveyID == survey).filter(\.$personID == person).filter(\.$answered == true).count() > 0
    }

    /// Records one person's answers: scores 1 to 5 by question id, free text by question id.
    /// Refused (nothing written) when the survey is closed, the person is not asked, has already
    /// answered, or an answer is missing or off the scale; errors are named `fieldName(question)`.
    static func answer(_ survey: Survey, person: UUID, scores: [UUID: String], texts: [UUID: String], on req: Request,
                       fieldName: (SurveyQuestion) -> String) async throws {
        let surveyID = try survey.requireID()
        guard survey.isOpen(today: .today) else { throw AppError.conflict("This survey has closed.") }
        guard try await isAsked(person, survey: survey, on: req.database) else { throw AppError.forbidden }
        guard try await !hasAnswered(person, survey: surveyID, on: req.database) else {
            throw AppError.conflict("You have already answered this survey. Each person answers once, so every answer counts the same.")
        }
        let questions = try await SurveyQuestion.query(on: req.database).filter(\.$survey.$id == surveyID).sort(\.$position).all()
        var errors: [FieldError] = []
        var answers: [(UUID, Int?, String?)] = []
        for question in questions {
            let id = try question.requireID()
            switch question.kindValue {
            case .scale:
                let raw = Text.clean(scores[id])
                guard let score = Int(raw), (1...5).contains(score) else {
                    errors.append(.init(field: fieldName(question), message: raw.isEmpty
                        ? "Choose how far you agree with “\(question.text)”"
                        : "Answer “\(question.text)” on the scale from 1 (strongly disagree) to 5 (strongly agree)"))
                    continue
                }
                answers.append((id, score, nil))
            case .text:
                let text = Text.clean(texts[id])
                if text.count > 2000 { errors.append(.init(field: fieldName(question), message: "Your comments must be 2,000 characters or fewer")) }
                if !text.isEmpty { answers.append((id, nil, text)) }
            }
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let unit = try await Person.find(person, on: req.database)?.$orgUnit.id
        // Who answered (the invitation) and what they said (the response) are in separate tables
        // with nothing linking them, and the response carries only the day. The audit trail records that the person answered,
        // not what.
        // Marked answered only if not already: of two answers sent at once, one changes the row.
        struct Marked: Decodable { var id: UUID }
        let marked = try await req.database.sql.raw("""
            UPDATE survey_invitations SET answered = \(bind: true)
            WHERE survey_id = \(bind: surveyID) AND person_id = \(bind: person) AND answered = \(bind: false) RETURNING id
            """).all(decoding: Marked.self)
        guard !marked.isEmpty else { throw AppError.conflict("You have already answered this survey. Each person answers once, so every answer counts the same.") }
        let response = SurveyResponse(surveyID: surveyID, unitID: unit, submittedOn: CalendarDate.today.description)
        try await response.create(on: req.database)
        let responseID = try response.requireID()
        try await answers.map { SurveyAnswer(responseID: responseID, questionID: $0.0, score: $0.1, text: $0.2) }.create(on: req.database)
        try await req.audit("answer", entity: Survey.auditEntity, id: surveyID.uuidString)
    }
}
