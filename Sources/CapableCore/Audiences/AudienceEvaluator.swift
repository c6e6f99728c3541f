import Foundation

/// Decides who is in an audience. The only place audience rules are interpreted: mandatory
/// training, review cycles and surveys all call this, so they can never disagree.
public enum AudienceEvaluator {
    /// The ids of the active people in `audience` on `today`. Linear in the number of people.
    public static func members(of audience: Audience, in snapshot: OrganisationSnapshot, today: CalendarDate) -> Set<UUID> {
        let matcher = Matcher(audience: audience, snapshot: snapshot, today: today)
        var members: Set<UUID> = []
        for index in snapshot.people.indices where matcher.matches(at: index) {
            members.insert(snapshot.people[index].id)
        }
        return members
    }

    /// Whether one person is in `audience` on `today`; the same answer `members` gives for them.
    /// Each call prepares the rules afresh (a unit rule walks the unit tree), so to test many
    /// people call `members` once instead.
    public static func contains(_ person: UUID, in audience: Audience, snapshot: OrganisationSnapshot, today: CalendarDate) -> Bool {
        guard let index = snapshot.indexByID[person] else { return false }
        return Matcher(audience: audience, snapshot: snapshot, today: today).matches(at: index)
    }
}

/// An audience with each rule's lookups done once (unit subtrees, grade ranks, the start-date
/// window), so that testing each person is constant time.
private struct Matcher {
    private enum Prepared {
        case everyone
        case nobody
        case managers
        case units(Set<UUID>)
        case jobRole(UUID)
        case ranks(ClosedRange<Int>)
        case startedBetween(first: CalendarDate, last: CalendarDate)
    }

    private let rules: [Prepared]
    private let match: Audience.Match
    private let snapshot: OrganisationSnapshot

    init(audience: Audience, snapshot: OrganisationSnapshot, today: CalendarDate) {
        self.match = audience.match
        self.snapshot = snapshot
        self.rules = audience.rules.map { rule in
            switch rule {
            case .allStaff:
                return .everyone
            case .allManagers:
                return .managers
            case let .unit(id, includeSubunits):
                return .units(snapshot.units(within: id, includeSubunits: includeSubunits))
            case let .jobRole(id):
                return .jobRole(id)
            case let .gradeRange(lowest, highest):
                return snapshot.gradeScale.ranks(lowest: lowest, highest: highest).map { .ranks($0) } ?? .nobody
            case let .newStarters(days):
                return days > 0 ? .startedBetween(first: today.adding(days: -(days - 1)), last: today) : .nobody
            }
        }
    }

    /// Whether `snapshot.people[index]` is in the audience.
    func matches(at index: Int) -> Bool {
        let person = snapshot.people[index]
        guard person.active, !rules.isEmpty else { return false }
        switch match {
        case .any: return rules.contains { test($0, person, index) }
        case .all: return rules.allSatisfy { test($0, person, index) }
        }
    }

    private func test(_ rule: Prepared, _ person: AudienceMember, _ index: Int) -> Bool {
        switch rule {
        case .everyone:
            return true
        case .nobody:
            return false
        case .managers:
            return snapshot.activeReportCount(of: person.id) > 0
        case let .units(ids):
            return person.orgUnitID.map(ids.contains) ?? false
        case let .jobRole(id):
            return person.jobRoleID == id
        case let .ranks(range):
            guard let rank = snapshot.gradeRanks[index] else { return false }
            return range.contains(rank)
        case let .startedBetween(first, last):
            guard let start = person.startDate else { return false }
            return first <= start && start <= last
        }
    }
}
