import Foundation

/// Who may see and act on records about a person: the person, their line manager and every
/// manager above, HR, and administrators. Nobody else, whatever the record.
public enum PersonAccess {
    /// - Parameters:
    ///   - viewer: the person the signed-in account belongs to, if any.
    ///   - managersAbove: the target's line manager, their manager, and so on up.
    public static func allows(viewer: UUID?, roles: Set<Role>, target: UUID, managersAbove: [UUID]) -> Bool {
        if roles.contains(.hr) || roles.contains(.admin) { return true }
        guard let viewer else { return false }
        return viewer == target || managersAbove.contains(viewer)
    }

    /// Follows line-manager links upwards from `person`, stopping at the top or at a loop
    /// (bad HR data must not hang a request), and at most `limit` levels.
    public static func chain(above person: UUID, limit: Int = 50, managerOf: (UUID) async throws -> UUID?) async rethrows -> [UUID] {
        var chain: [UUID] = []
        var seen: Set<UUID> = [person]
        var current = person
        while chain.count < limit, let manager = try await managerOf(current), !seen.contains(manager) {
            chain.append(manager)
            seen.insert(manager)
            current = manager
        }
        return chain
    }
}
