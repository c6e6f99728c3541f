import CapableCore
import Foundation
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    func chain(_ count: Int) -> [(record: AuditRecord, hash: String)] {
        var previous = AuditChain.genesis
        return (1...count).map { sequence in
            let record = AuditRecord(sequence: sequence, occurredAt: "2026-11-26T10:00:0\(sequence).000Z", actorID: nil,
                                     actorLabel: "a@example.org", action: "update", entity: "account", entityID: "x",
                                     requestID: "r\(sequence)", address: "127.0.0.1", changes: "[]", previousHash: previous)
            let hash = AuditChain.hash(record)
            previous = hash
            return (record, hash)
        }
    }

    @Test("A chain as written verifies")
    func intact() {
        #expect(AuditChain.verify(chain(5)) == .intact(count: 5))
        #expect(AuditChain.verify([]) == .intact(count: 0))
    }

    @Test("An edited field is found at its event")
    func edited() {
        var events = chain(5)
        events[2].record.actorLabel = "b@example.org"
        #expect(AuditChain.verify(events) == .broken(sequence: 3, reason: "its contents were changed after it was written"))
    }

    @Test("An edit that also recomputes that event's hash is found at the next event")
    func rehashed() {
        var events = chain(5)
        events[2].record.action = "delete"
        events[2].hash = AuditChain.hash(events[2].record)
        #expect(AuditChain.verify(events) == .broken(sequence: 4, reason: "does not follow the event before it"))
    }

    @Test("A removed event is found")
    func removed() {
        var events = chain(5)
        events.remove(at: 1)
        #expect(AuditChain.verify(events) == .broken(sequence: 3, reason: "event 2 is missing"))
    }

    @Test("Moving text between fields changes the hash")
    func unambiguous() {
        let a = chain(1)[0].record
        var b = a
        b.entity = "accoun"
        b.entityID = "tx"
        #expect(AuditChain.hash(a) != AuditChain.hash(b))
        var c = a
        c.changes = nil
        var d = a
        d.changes = "-"
        #expect(AuditChain.hash(c) != AuditChain.hash(d))
    }
}

@Suite("Field changes")
struct FieldChangeTests {
    @Test("Only differing fields, in name order; missing counts as none")
    func diff() {
        let changes = FieldChange.diff(before: ["name": "A", "email": "a@x", "grade": nil], after: ["name": "B", "email": "a@x", "team": "T"])
        #expect(changes == [FieldChange(field: "name", old: "A", new: "B"), FieldChange(field: "team", old: nil, new: "T")])
    }

    @Test("Hashes are written as lower-case hex, two digits a byte (as stored before, so old chains still verify)")
    func hex() {
        #expect([UInt8]([0x00, 0x0f, 0xa0, 0xff]).hexString == "000fa0ff")
        #expect([UInt8]().hexString == "")
        let bytes = (0...255).map(UInt8.init)
        #expect(bytes.hexString == bytes.map { String(format: "%02x", $0) }.joined())
    }
}
