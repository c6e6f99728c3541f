import CapableCore
import Fluent
import Foundation

/// A short pulse survey sent to an audience. Answers are anonymous: a response records only the
/// unit its respondent was in and the day, and who has answered is kept apart
/// (`SurveyParticipation`), with nothing linking the two.
final class Survey: Model, @unchecked Sendable {
    static let schema = "surveys"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "intro") var intro: String
    /// JSON of `Audience`.
    @Field(key: "audience") var audienceJSON: String
    @Field(key: "opens_on") var opensOn: String
    @OptionalField(key: "closes_on") var closesOn: String?
    /// Set when closed early by hand.
    @OptionalField(key: "closed_on") var closedOn: String?
    @OptionalField(key: "created_by") var createdBy: UUID?

    // relationships
    @Children(for: \.$survey) var questions: [SurveyQuestion]

    init() {}

    var audience: Audience? { try? JSONDecoder().decode(Audience.self, from: Data(audienceJSON.utf8)) }

    func isOpen(today: CalendarDate) -> Bool {
        closedOn == nil && opensOn <= today.description && (closesOn.map { today.description <= $0 } ?? true)
    }
}

extension Survey: Auditable {
    static let auditEntity = "survey"
    var auditSnapshot: [String: String?] {
        ["title": title, "intro": intro, "audience": audienceJSON, "opens_on": opensOn, "closes_on": closesOn, "closed_on": closedOn]
    }
}

/// A question: a statement to agree with on a 1 to 5 scale, or a free-text question.
final class SurveyQuestion: Model, @unchecked Sendable {
    static let schema = "survey_questions"

    enum Kind: String, Codable, Sendable { case scale, text }

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    /// Built-in questions keep their key across surveys, so results can be followed over time.
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "survey_id") var survey: Survey

    init() {}

    init(surveyID: UUID, key: String, kind: Kind, text: String, position: Int) {
        self.$survey.id = surveyID
        self.key = key
        self.kind = kind.rawValue
        self.text = text
        self.position = position
    }

    var kindValue: Kind { Kind(rawValue: kind) ?? .scale }
}

/// That a person is asked (everyone in the audience on the day the survey started), and
/// whether they have answered: nothing about what they said. Fixing the population at the start
/// keeps the response rate's denominator steady and makes "am I asked?" one indexed look-up.
final class SurveyInvitation: Model, @unchecked Sendable {
    static let schema = "survey_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "answered") var answered: Bool

    init() {}
}

/// One anonymous set of answers: the respondent's unit at the time, the day, and the answers.
final class SurveyResponse: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Field(key: "survey_id") var surveyID: UUID
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "submitted_on") var submittedOn: String

    init() {}

    init(surveyID: UUID, unitID: UUID?, submittedOn: String) {
        self.surveyID = surveyID
        self.unitID = unitID
        self.submittedOn = submittedOn
    }
}

final class SurveyAnswer: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Field(key: "response_id") var responseID: UUID
    @Field(key: "question_id") var questionID: UUID
    @OptionalField(key: "score") var score: Int?
    @OptionalField(key: "text") var text: String?

    init() {}

    init(responseID: UUID, questionID: UUID, score: Int?, text: String?) {
        self.responseID = responseID
        self.questionID = questionID
        self.score = score
        self.text = text
    }
}
