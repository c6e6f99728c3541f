import Fluent
import Foundation

/// An organisation unit an HR account looks after. HR sees the people in these units and their
/// sub-units, and nobody else (unless they manage them).
final class HRScope: Model, @unchecked Sendable {
    static let schema = "hr_scopes"

    // managed fields
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "account_id") var account: Account
    @Parent(key: "org_unit_id") var orgUnit: OrgUnit

    init() {}

    init(accountID: UUID, orgUnitID: UUID) {
        self.$account.id = accountID
        self.$orgUnit.id = orgUnitID
    }
}
