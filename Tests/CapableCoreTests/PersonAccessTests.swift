import CapableCore
import Foundation
import Testing

@Suite("Who may see a person's records")
struct PersonAccessTests {
    let worker = UUID(), manager = UUID(), director = UUID(), peer = UUID()

    @Test("Self, the chain above, HR and admin may; others may not")
    func allows() {
        let above = [manager, director]
        #expect(PersonAccess.allows(viewer: worker, roles: [], target: worker, managersAbove: above))
        #expect(PersonAccess.allows(viewer: manager, roles: [], target: worker, managersAbove: above))
        #expect(PersonAccess.allows(viewer: director, roles: [], target: worker, managersAbove: above))
        #expect(!PersonAccess.allows(viewer: peer, roles: [], target: worker, managersAbove: above))
        #expect(!PersonAccess.allows(viewer: nil, roles: [.risk, .topTeam], target: worker, managersAbove: above))
        #expect(PersonAccess.allows(viewer: nil, roles: [.hr], target: worker, managersAbove: above))
        #expect(PersonAccess.allows(viewer: peer, roles: [.admin], target: worker, managersAbove: above))
    }

    @Test("Following managers stops at a loop in bad HR data")
    func loop() async {
        let managers = [worker: manager, manager: director, director: worker]
        let chain = await PersonAccess.chain(above: worker) { managers[$0] }
        #expect(chain == [manager, director])
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("ISO and UK formats; impossible days refused", arguments: [
        ("2026-11-26", "2026-11-26"), ("26/11/2026", "2026-11-26"), ("2024-02-29", "2024-02-29"),
        ("2026-02-29", nil), ("2026-13-01", nil), ("31/04/2026", nil), ("26/11/26", nil), ("2026-1-5", "2026-01-05"), ("", nil), ("abc", nil),
    ])
    func parse(text: String, expected: String?) {
        #expect(CalendarDate(text)?.description == expected)
    }

    @Test("Next day rolls over months and years")
    func nextDay() {
        #expect(CalendarDate("2026-02-28")?.nextDay.description == "2026-03-01")
        #expect(CalendarDate("2026-12-31")?.nextDay.description == "2027-01-01")
    }
}
