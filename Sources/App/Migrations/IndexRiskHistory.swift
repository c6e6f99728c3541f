import Fluent
import SQLKit

/// A register's ratings "as at" a date read each risk's latest current assessment up to that
/// day: by risk, kind and time, that is one index seek per risk.
struct IndexRiskHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.create(index: "risk_assessments_kind").on(RiskAssessment.schema)
            .column("risk_id").column("kind").column("assessed_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "risk_assessments_kind").run()
    }
}
