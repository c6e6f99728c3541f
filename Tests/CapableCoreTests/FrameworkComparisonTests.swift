import CapableCore
import Foundation
import Testing

@Suite("Comparing framework versions")
struct FrameworkComparisonTests {
    typealias Fixture = FrameworkFixture

    @Test("Two equal versions compare as empty")
    func same() {
        // act
        let comparison = FrameworkComparison(from: Fixture.sample(), to: Fixture.sample())
        // check
        #expect(comparison.isEmpty)
    }

    @Test("Added and removed elements are listed, in each version's order")
    func addedAndRemoved() throws {
        // setup
        let old = Fixture.sample()
        var new = old
        try new.removeElement(Fixture.standard)
        try new.addElement(FrameworkDocument.Element(id: Fixture.id(50), code: "C2.K2", kind: .skill, title: "Typing",
                                                     statement: "Types.", audience: .allStaff), under: Fixture.capability2)
        // act
        let comparison = FrameworkComparison(from: old, to: new)
        // check
        #expect(comparison.added.map(\.code) == ["C2.K2"])
        #expect(comparison.removed.map(\.code) == ["V1.S1"])
        #expect(comparison.changed.isEmpty)
        #expect(comparison.framework.isEmpty)
    }

    @Test("A renamed element shows as changed, not as removed and added")
    func changed() throws {
        // setup
        let old = Fixture.sample()
        var new = old
        try new.updateElement(Fixture.skill) { $0.title = "Databases" }
        // act
        let comparison = FrameworkComparison(from: old, to: new)
        // check
        #expect(comparison.added.isEmpty && comparison.removed.isEmpty)
        #expect(comparison.changed.map(\.element.code) == ["C2.K1"])
        #expect(comparison.changed.first?.changes == [FieldChange(field: "title", old: "Spreadsheets", new: "Databases")])
    }

    @Test("Moving an element to another parent shows as a change of parent")
    func moved() throws {
        // setup
        let old = Fixture.sample()
        var new = old
        try new.moveElement(Fixture.behaviour1, under: Fixture.value)
        // act
        let comparison = FrameworkComparison(from: old, to: new)
        // check
        #expect(comparison.changed.map(\.element.code) == ["V1.C1.B1"])
        #expect(comparison.changed.first?.changes == [FieldChange(field: "parent", old: "V1.C1", new: "V1")])
    }

    @Test("Changed indicators show as a change of looks_like or does_not_look_like")
    func indicators() throws {
        // setup
        let old = Fixture.sample()
        var new = old
        try new.updateElement(Fixture.capability) { element in
            element.indicators.append(.init(kind: .looksLike, text: "Asks for help"))
            element.indicators.removeAll { $0.kind == .doesNotLookLike }
        }
        // act
        let comparison = FrameworkComparison(from: old, to: new)
        // check
        #expect(comparison.changed.first?.changes == [
            FieldChange(field: "does_not_look_like", old: "Hoards information", new: ""),
            FieldChange(field: "looks_like", old: "Shares credit", new: "Shares credit\nAsks for help"),
        ])
    }

    @Test("Changes to the framework's own fields are listed separately")
    func frameworkFields() {
        // setup
        let old = Fixture.sample()
        var new = old
        new.title = "Renamed"
        new.scale = nil
        // act
        let comparison = FrameworkComparison(from: old, to: new)
        // check
        #expect(comparison.framework.map(\.field) == ["rating_scale", "title"])
        #expect(comparison.added.isEmpty && comparison.removed.isEmpty && comparison.changed.isEmpty)
    }
}
