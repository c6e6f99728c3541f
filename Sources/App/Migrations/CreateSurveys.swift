import Fluent
import SQLKit

/// Pulse surveys: questions, who is asked and whether they have answered, and the anonymous
/// responses, with nothing linking the two.
struct CreateSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("title", .string, .required)
            .field("intro", .string, .required)
            .field("audience", .string, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string)
            .field("closed_on", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SurveyQuestion.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(SurveyInvitation.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("answered", .bool, .required)
            .unique(on: "survey_id", "person_id")
            .create()
        try await database.schema(SurveyResponse.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid)
            .field("submitted_on", .string, .required)
            .create()
        try await database.schema(SurveyAnswer.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, "id", onDelete: .cascade))
            .field("question_id", .uuid, .required, .references(SurveyQuestion.schema, "id", onDelete: .cascade))
            .field("score", .int)
            .field("text", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "survey_invitations_person").on(SurveyInvitation.schema).column("person_id").run()
        try await sql.create(index: "survey_questions_survey").on(SurveyQuestion.schema).column("survey_id").run()
        try await sql.create(index: "survey_responses_survey").on(SurveyResponse.schema).column("survey_id").run()
        try await sql.create(index: "survey_answers_response").on(SurveyAnswer.schema).column("response_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [SurveyAnswer.schema, SurveyResponse.schema, SurveyInvitation.schema, SurveyQuestion.schema, Survey.schema] {
            try await database.schema(schema).delete()
        }
    }
}
