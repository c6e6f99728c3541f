import CapableCore
import Foundation
import Testing

@Suite("Who may see a person's records")
struct PersonAccessTests {
    let worker = UUID(), manager = UUID(), director = UUID(), peer = UUID()
    let team = UUID(), service = UUID(), council = UUID(), otherService = UUID()

    @Test("Self, the chain above and admin may; a peer and other roles may not")
    func allows() {
        let above = [manager, director]
        let units = [team, service, council]
        func may(_ viewer: Viewer) -> Bool { PersonAccess.allows(viewer, target: worker, managersAbove: above, unitsAbove: units) }
        #expect(may(Viewer(personID: worker, roles: [])))
        #expect(may(Viewer(personID: manager, roles: [])))
        #expect(may(Viewer(personID: director, roles: [])))
        #expect(!may(Viewer(personID: peer, roles: [])))
        #expect(!may(Viewer(personID: nil, roles: [.risk, .topTeam])))
        #expect(may(Viewer(personID: peer, roles: [.admin])))
    }

    @Test("HR may for people in their units and sub-units only")
    func hrScope() {
        let units = [team, service, council]
        func may(_ hrUnits: Set<UUID>) -> Bool {
            PersonAccess.allows(Viewer(personID: nil, roles: [.hr], hrUnits: hrUnits), target: worker, managersAbove: [], unitsAbove: units)
        }
        #expect(may([service]))
        #expect(may([council]))
        #expect(!may([otherService]))
        #expect(!may([]))
        #expect(!PersonAccess.allows(Viewer(personID: nil, roles: [], hrUnits: [service]), target: worker, managersAbove: [], unitsAbove: units))
    }

    @Test("Walking up stops at a loop in bad HR data")
    func loop() async {
        let managers = [worker: manager, manager: director, director: worker]
        let chain = await Hierarchy.ancestors(of: worker) { managers[$0] }
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
