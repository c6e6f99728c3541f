import CapableCore
import Fluent
import Foundation

/// What every install starts with: the corporate register, where the Corporate Management Team
/// monitors the most significant risks, and the four categories of the council's Policy
/// Framework with the appetite of a "risk aware" council (source 000). Loaded on start with
/// fixed ids, so loading again adds nothing and never undoes a risk manager's changes.
enum BuiltInRisk {
    struct Category {
        var id: UUID
        var code: String
        var name: String
        var summary: String
    }

    static let categories: [Category] = [
        .init(id: UUID(uuidString: "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c0101")!, code: "compliance", name: "Compliance",
              summary: "Not meeting our legal or regulatory requirements."),
        .init(id: UUID(uuidString: "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c0102")!, code: "operational", name: "Operational",
              summary: "People, equipment or buildings preventing us carrying out day to day operations safely and effectively."),
        .init(id: UUID(uuidString: "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c0103")!, code: "financial", name: "Financial",
              summary: "Risks to our finances, either income or expenditure."),
        .init(id: UUID(uuidString: "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c0104")!, code: "reputational", name: "Reputational",
              summary: "Actions that might have a negative effect on the reputation of the council or of the city."),
    ]

    static func category(_ code: String) -> UUID { categories.first { $0.code == code }!.id }

    static func load(on db: any Database) async throws {
        try await db.writeTransaction { tx in
            if try await RiskRegister.find(RiskRegister.corporateID, on: tx) == nil {
                let register = RiskRegister(id: RiskRegister.corporateID, name: "Corporate risk register", prefix: "CR", unitID: nil)
                try await register.create(on: tx)
                try await Audit.append("create", entity: RiskRegister.auditEntity, id: RiskRegister.corporateID.uuidString,
                                       changes: FieldChange.diff(before: [:], after: register.auditSnapshot), context: .system, on: tx)
            }
            for (position, entry) in categories.enumerated() where try await RiskCategory.find(entry.id, on: tx) == nil {
                let appetite = RiskAppetite.defaults.first { $0.category == entry.code }?.appetite ?? .cautious
                let category = RiskCategory()
                category.id = entry.id
                category.code = entry.code
                category.name = entry.name
                category.summary = entry.summary
                category.appetite = appetite.rawValue
                category.ceiling = appetite.defaultCeiling
                category.position = position
                category.active = true
                try await category.create(on: tx)
                try await Audit.append("create", entity: RiskCategory.auditEntity, id: entry.id.uuidString,
                                       changes: FieldChange.diff(before: [:], after: category.auditSnapshot), context: .system, on: tx)
            }
        }
    }
}
