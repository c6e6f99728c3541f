/// A role granted to an account. "Manager" is deliberately not a role: who manages whom
/// comes from line management in the people data, so it changes on the very next request
/// after an HR import, with nothing to keep in step.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case admin
    case hr
    case risk
    case topTeam

    /// The name shown to people, in the words a council uses.
    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .hr: "HR and organisational development"
        case .risk: "Risk manager"
        case .topTeam: "Top team"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
