import Foundation
import NIOConcurrencyHelpers

/// Values read on nearly every request and changed rarely (who a token belongs to), kept in memory for a few seconds so each request does not read them again.
///
/// A change made by this process is seen by the very next request. Every change is audited, and
/// the audit log empties each cache whose entities it records (`Audit.appendAll`). The cache is
/// emptied again when that transaction commits (`writeTransaction`), and a value read before a
/// change is never stored after it (the generation check), so nothing read while the change was
/// in flight is kept. A change made by another process (the `capable` command line, or another
/// server sharing the PostgreSQL database) is seen within `lifetime`.
///
/// The caches serve the whole process, because the audit log that empties them knows the
/// database but not the application. So their keys must be unique across databases (token
/// hashes and random account ids are): the test suite runs many applications at once, and a
/// setting's name, say, would be shared between them.
final class ReadCache<Key: Hashable & Sendable, Value: Sendable>: ReadCaching, Sendable {
    /// Audit entities whose change can alter what this cache holds.
    let entities: Set<String>
    /// How long another process's change may take to be seen.
    let lifetime: TimeInterval
    /// More entries than this (a flood of distinct tokens) empties the cache rather than grow it.
    let capacity: Int

    private struct State {
        var entries: [Key: (value: Value, storedAt: Date)] = [:]
        var generation: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    init(entities: Set<String>, lifetime: TimeInterval = 5, capacity: Int = 10_000) {
        self.entities = entities
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// Changes whenever the cache is emptied; a reader notes it before reading the database.
    var generation: UInt64 { state.withLockedValue { $0.generation } }

    func value(for key: Key, now: Date = Date()) -> Value? {
        state.withLockedValue { state in
            guard let entry = state.entries[key], now >= entry.storedAt, now.timeIntervalSince(entry.storedAt) < lifetime else { return nil }
            return entry.value
        }
    }

    /// Keeps a value read from the database, unless the cache was emptied since the reader noted
    /// `generation`: what it read may be from before a change.
    func store(_ value: Value, for key: Key, readAt generation: UInt64, now: Date = Date()) {
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = (value, now)
        }
    }

    /// The cached value, or `read`'s (kept for next time).
    func value(for key: Key, read: () async throws -> Value) async rethrows -> Value {
        if let known = value(for: key) { return known }
        let generation = self.generation
        let value = try await read()
        store(value, for: key, readAt: generation)
        return value
    }

    func invalidate() {
        state.withLockedValue { state in
            state.entries.removeAll(keepingCapacity: true)
            state.generation &+= 1
        }
    }
}

/// What `ReadCaches` needs of each cache, whatever it holds.
protocol ReadCaching: AnyObject, Sendable {
    var entities: Set<String> { get }
    var generation: UInt64 { get }
    func invalidate()
}

/// Every read cache, and emptying them when their data changes.
enum ReadCaches {
    /// Who an API token (by its SHA-256, never the token) or a signed-in account is.
    static let principals = ReadCache<PrincipalKey, Principal>(entities: [Account.auditEntity, ApiToken.auditEntity])

    enum PrincipalKey: Hashable, Sendable {
        case token(hash: String)
        case account(UUID)
    }

    static let all: [any ReadCaching] = [principals]

    /// Empties the caches that hold any of these audited entities.
    static func invalidate(after entities: some Sequence<String>) { invalidate(all, after: entities) }

    static func invalidate(_ caches: [any ReadCaching], after entities: some Sequence<String>) {
        let changed = Set(entities)
        for cache in caches where !cache.entities.isDisjoint(with: changed) { cache.invalidate() }
    }

    static var generations: [UInt64] { all.map(\.generation) }

    /// Empties again, once a transaction has committed, each cache emptied while it ran.
    static func invalidate(changedSince generations: [UInt64]) {
        for (cache, before) in zip(all, generations) where cache.generation != before { cache.invalidate() }
    }
}
