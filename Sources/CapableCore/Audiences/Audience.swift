import Foundation

/// A named group of people made of one or more rules, e.g. "Managers in Adult Social Care" is
/// `.allManagers` and `.unit(adultSocialCare, includeSubunits: true)` with `.all`.
public struct Audience: Codable, Hashable, Sendable {
    /// How the rules combine.
    public enum Match: String, Codable, Hashable, Sendable, CaseIterable {
        /// A person matching at least one rule is in.
        case any
        /// A person must match every rule.
        case all
    }

    public var name: String
    /// With no rules the audience is empty, whatever `match` says: an unfinished audience must
    /// never quietly mean "everyone".
    public var rules: [AudienceRule]
    public var match: Match

    public init(name: String, rules: [AudienceRule], match: Match = .any) {
        self.name = name
        self.rules = rules
        self.match = match
    }

    /// The rules in plain English, joined by "or" for `.any` and "and" for `.all`.
    public func description(using names: AudienceNames) -> String {
        let parts = rules.map { $0.description(using: names) }
        switch parts.count {
        case 0: return "Nobody (no rules yet)"
        case 1: return parts[0]
        default:
            let joiner = match == .any ? "; or " : "; and "
            return (match == .any ? "Anyone matching: " : "Everyone matching all of: ")
                + parts.map(\.lowercasingFirstLetter).joined(separator: joiner)
        }
    }
}

extension String {
    /// "Everyone in Highways" reads better mid-sentence as "everyone in Highways"; only the first
    /// letter changes, so unit names keep their capitals.
    public var lowercasingFirstLetter: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
