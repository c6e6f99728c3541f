@testable import App
import Foundation
import Testing

@Suite("Read cache")
struct ReadCacheTests {
    private let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A value is kept for its lifetime and then read again")
    func lifetime() {
        let cache = ReadCache<String, Int>(entities: ["thing"], lifetime: 5)
        cache.store(1, for: "a", readAt: cache.generation, now: start)

        #expect(cache.value(for: "a", now: start.addingTimeInterval(4.9)) == 1)
        #expect(cache.value(for: "a", now: start.addingTimeInterval(5)) == nil)
        // A clock that went backwards does not make an entry live for ever.
        #expect(cache.value(for: "a", now: start.addingTimeInterval(-1)) == nil)
        #expect(cache.value(for: "b", now: start) == nil)
    }

    @Test("A value read before the cache was emptied is not stored after it")
    func generation() {
        let cache = ReadCache<String, Int>(entities: ["thing"])
        let noted = cache.generation
        cache.store(1, for: "a", readAt: noted, now: start)

        // act: a change is audited while another reader is part way through
        let reading = cache.generation
        cache.invalidate()
        cache.store(2, for: "a", readAt: reading, now: start)

        // check
        #expect(cache.value(for: "a", now: start) == nil)
        cache.store(3, for: "a", readAt: cache.generation, now: start)
        #expect(cache.value(for: "a", now: start) == 3)
    }

    @Test("Audited changes empty only the caches of their entities; a flood of keys empties rather than grows")
    func entities() {
        let accounts = ReadCache<String, Int>(entities: [Account.auditEntity, ApiToken.auditEntity])
        let courses = ReadCache<String, Int>(entities: ["course"])
        accounts.store(1, for: "a", readAt: accounts.generation, now: start)
        courses.store(2, for: "c", readAt: courses.generation, now: start)

        ReadCaches.invalidate([accounts, courses], after: ["risk", ApiToken.auditEntity])

        #expect(accounts.value(for: "a", now: start) == nil)
        #expect(courses.value(for: "c", now: start) == 2)
        #expect(ReadCaches.principals.entities == [Account.auditEntity, ApiToken.auditEntity])

        let small = ReadCache<Int, Int>(entities: [], capacity: 3)
        for key in 0..<3 { small.store(key, for: key, readAt: small.generation, now: start) }
        small.store(3, for: 3, readAt: small.generation, now: start)
        #expect(small.value(for: 0, now: start) == nil)
        #expect(small.value(for: 3, now: start) == 3)
    }
}
