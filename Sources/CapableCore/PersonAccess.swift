import Foundation

/// Who is looking: the person an account belongs to, its roles, and for HR the organisation
/// units they look after.
public struct Viewer: Sendable, Equatable {
    public var personID: UUID?
    public var roles: Set<Role>
    /// Units an HR account is assigned to; their sub-units are included by the rule, not here.
    public var hrUnits: Set<UUID>

    public init(personID: UUID?, roles: Set<Role>, hrUnits: Set<UUID> = []) {
        self.personID = personID
        self.roles = roles
        self.hrUnits = hrUnits
    }
}

/// Who may see and act on records about a person: the person; their line manager and every
/// manager above; HR for people in the units they are assigned (and those units' sub-units);
/// administrators. Nobody else, whatever the record.
public enum PersonAccess {
    /// - Parameters:
    ///   - managersAbove: the target's line manager, their manager, and so on up.
    ///   - unitsAbove: the target's organisation unit, its parent, and so on up.
    public static func allows(_ viewer: Viewer, target: UUID, managersAbove: [UUID], unitsAbove: [UUID]) -> Bool {
        if viewer.roles.contains(.admin) { return true }
        if viewer.roles.contains(.hr), unitsAbove.contains(where: viewer.hrUnits.contains) { return true }
        guard let me = viewer.personID else { return false }
        return me == target || managersAbove.contains(me)
    }
}

/// Walking up a tree stored as parent links (line managers, organisation units).
public enum Hierarchy {
    /// The ancestors of `start`, nearest first, stopping at the top, at a loop (bad HR data must
    /// not hang a request), or after `limit` levels.
    public static func ancestors<ID: Hashable & Sendable>(
        of start: ID, limit: Int = 50, parentOf: (ID) async throws -> ID?
    ) async rethrows -> [ID] {
        var chain: [ID] = []
        var seen: Set<ID> = [start]
        var current = start
        while chain.count < limit, let parent = try await parentOf(current), !seen.contains(parent) {
            chain.append(parent)
            seen.insert(parent)
            current = parent
        }
        return chain
    }
}
