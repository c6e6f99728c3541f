import CapableCore
import Fluent
import Foundation

/// A risk register: one per org unit at any level (team, service, directorate), plus the
/// corporate register (no unit) where the Corporate Management Team monitors the most
/// significant risks. References are the register's prefix and a running number, e.g. CR-012.
final class RiskRegister: Model, @unchecked Sendable {
    static let schema = "risk_registers"
    /// The corporate register's fixed id, so it exists once on every install.
    static let corporateID = UUID(uuidString: "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c0001")!

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "name") var name: String
    /// Letters before the number in each reference, e.g. "CR".
    @Field(key: "prefix") var prefix: String
    /// The number the next risk raised here will take.
    @Field(key: "next_number") var nextNumber: Int

    // relationships
    /// nil for the corporate register.
    @OptionalParent(key: "org_unit_id") var orgUnit: OrgUnit?

    init() {}

    init(id: UUID? = nil, name: String, prefix: String, unitID: UUID?) {
        self.id = id
        self.name = name
        self.prefix = prefix
        self.nextNumber = 1
        self.$orgUnit.id = unitID
    }

    var isCorporate: Bool { $orgUnit.id == nil }

    /// "CR-012": three digits at least, so references sort and read alike.
    static func reference(prefix: String, number: Int) -> String {
        prefix + "-" + (number < 100 ? String(format: "%03d", number) : String(number))
    }
}

extension RiskRegister: Auditable {
    static let auditEntity = "risk_register"
    var auditSnapshot: [String: String?] {
        ["name": name, "prefix": prefix, "org_unit_id": $orgUnit.id?.uuidString]
    }
}

/// A category of risk with the council's appetite for it: the level in words and the highest
/// current score accepted. The list is the council's own; source 000 gives the four built in.
final class RiskCategory: Model, @unchecked Sendable {
    static let schema = "risk_categories"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// A short stable name for the API and CSV, e.g. "compliance".
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "description") var summary: String
    /// A `RiskAppetite` raw value.
    @Field(key: "appetite") var appetite: String
    /// The highest current score accepted; above it a risk is outside appetite.
    @Field(key: "ceiling") var ceiling: Int
    @Field(key: "position") var position: Int
    /// Retired categories stay on the risks that have them but are not offered for new ones.
    @Field(key: "active") var active: Bool

    init() {}

    var appetiteLevel: RiskAppetite { RiskAppetite(rawValue: appetite) ?? .cautious }
}

extension RiskCategory: Auditable {
    static let auditEntity = "risk_category"
    var auditSnapshot: [String: String?] {
        ["code": code, "name": name, "description": summary, "appetite": appetite, "ceiling": String(ceiling), "active": String(active)]
    }
}
