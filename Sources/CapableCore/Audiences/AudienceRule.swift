import Foundation

/// One way of picking people for an audience. Mandatory training, review cycles and surveys all
/// store rules like these and ask `AudienceEvaluator` who matches, so "who is in Highways" has
/// one answer across the product.
public enum AudienceRule: Codable, Hashable, Sendable {
    /// Every active person.
    case allStaff
    /// People with at least one active direct report. Read from line management, never a role,
    /// so it follows the latest HR import.
    case allManagers
    /// People in a unit, and optionally in every unit below it, to any depth.
    case unit(UUID, includeSubunits: Bool)
    /// People holding a job role.
    case jobRole(UUID)
    /// People whose grade lies between two grades of the scale, both ends included.
    case gradeRange(lowest: String, highest: String)
    /// People whose start date falls in the `withinDays` days ending today, today included:
    /// 1 means "started today". Someone starting in the future is not a starter yet.
    case newStarters(withinDays: Int)

    // Stored audiences outlive code changes, so the JSON names every value instead of
    // relying on the synthesised "_0" for unlabelled ones.
    enum UnitCodingKeys: String, CodingKey {
        case _0 = "unitID"
        case includeSubunits
    }

    enum JobRoleCodingKeys: String, CodingKey {
        case _0 = "jobRoleID"
    }

    /// The rule in plain English for pages and exports, e.g. "Everyone in Highways and its sub-units".
    public func description(using names: AudienceNames) -> String {
        switch self {
        case .allStaff:
            return "All staff"
        case .allManagers:
            return "Everyone who line manages at least one person"
        case let .unit(id, includeSubunits):
            let name = names.units[id] ?? "a unit that no longer exists"
            return includeSubunits ? "Everyone in \(name) and its sub-units" : "Everyone in \(name)"
        case let .jobRole(id):
            return "Everyone whose job role is \(names.jobRoles[id] ?? "a job role that no longer exists")"
        case let .gradeRange(lowest, highest):
            return lowest == highest ? "Everyone on grade \(lowest)" : "Everyone on grades \(lowest) to \(highest)"
        case let .newStarters(days):
            switch days {
            case ...0: return "Nobody (new starters within no days)"
            case 1: return "Everyone who started today"
            default: return "Everyone who started in the last \(days) days"
            }
        }
    }
}

/// Names for the identifiers that rules hold, so a rule can be described without a database.
public struct AudienceNames: Sendable, Equatable {
    public var units: [UUID: String]
    public var jobRoles: [UUID: String]

    public init(units: [UUID: String] = [:], jobRoles: [UUID: String] = [:]) {
        self.units = units
        self.jobRoles = jobRoles
    }
}
