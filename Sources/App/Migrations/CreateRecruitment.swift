import Fluent
import SQLKit

/// Person specifications and their criteria, interview rounds with their criteria, candidates,
/// panel, score sheets and scores.
struct CreateRecruitment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonSpecification.schema)
            .id()
            .field("job_role_id", .uuid, .required, .references(JobRole.schema, "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("published_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "job_role_id")
            .create()
        try await database.schema(SpecificationCriterion.schema)
            .id()
            .field("specification_id", .uuid, .required, .references(PersonSpecification.schema, "id", onDelete: .cascade))
            .field("section", .string, .required)
            .field("element_id", .uuid)
            .field("text", .string, .required)
            .field("essential", .bool, .required)
            .field("assessed_at", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(InterviewRound.schema)
            .id()
            .field("job_role_id", .uuid, .required, .references(JobRole.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(InterviewCriterion.schema)
            .id()
            .field("round_id", .uuid, .required, .references(InterviewRound.schema, "id", onDelete: .cascade))
            .field("element_id", .uuid)
            .field("section", .string, .required)
            .field("text", .string, .required)
            .field("essential", .bool, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(InterviewCandidate.schema)
            .id()
            .field("round_id", .uuid, .required, .references(InterviewRound.schema, "id", onDelete: .cascade))
            .field("reference", .string, .required)
            .unique(on: "round_id", "reference")
            .create()
        try await database.schema(InterviewPanelMember.schema)
            .id()
            .field("round_id", .uuid, .required, .references(InterviewRound.schema, "id", onDelete: .cascade))
            .field("account_id", .uuid, .required, .references(Account.schema, "id", onDelete: .cascade))
            .field("chair", .bool, .required)
            .unique(on: "round_id", "account_id")
            .create()
        try await database.schema(InterviewSheet.schema)
            .id()
            .field("candidate_id", .uuid, .required, .references(InterviewCandidate.schema, "id", onDelete: .cascade))
            .field("panel_member_id", .uuid, .required, .references(InterviewPanelMember.schema, "id", onDelete: .cascade))
            .field("submitted_at", .datetime)
            .unique(on: "candidate_id", "panel_member_id")
            .create()
        try await database.schema(InterviewScore.schema)
            .id()
            .field("sheet_id", .uuid, .required, .references(InterviewSheet.schema, "id", onDelete: .cascade))
            .field("criterion_id", .uuid, .required, .references(InterviewCriterion.schema, "id", onDelete: .cascade))
            .field("score", .int)
            .field("note", .string, .required)
            .unique(on: "sheet_id", "criterion_id")
            .create()
        // Lookups by parent that no unique constraint already covers.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "person_specification_criteria_specification_id")
                .on(SpecificationCriterion.schema).column("specification_id").run()
            try await sql.create(index: "interview_rounds_job_role_id").on(InterviewRound.schema).column("job_role_id").run()
            try await sql.create(index: "interview_criteria_round_id").on(InterviewCriterion.schema).column("round_id").run()
        }
    }

    func revert(on database: any Database) async throws {
        for schema in [InterviewScore.schema, InterviewSheet.schema, InterviewPanelMember.schema, InterviewCandidate.schema,
                       InterviewCriterion.schema, InterviewRound.schema, SpecificationCriterion.schema, PersonSpecification.schema] {
            try await database.schema(schema).delete()
        }
    }
}
