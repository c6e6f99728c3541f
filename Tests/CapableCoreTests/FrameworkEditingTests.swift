import CapableCore
import Foundation
import Testing

@Suite("Editing a framework")
struct FrameworkEditingTests {
    typealias Element = FrameworkDocument.Element
    typealias Fixture = FrameworkFixture

    func behaviour(_ number: UInt8, _ code: String) -> Element {
        Element(id: Fixture.id(number), code: code, kind: .behaviour, title: "New", statement: "A new behaviour.", audience: .allStaff)
    }

    func refusal(_ edit: (inout FrameworkDocument) throws(FrameworkEditError) -> Void,
                 on document: inout FrameworkDocument) -> [String] {
        do throws(FrameworkEditError) {
            try edit(&document)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("Adding an element puts it at the index among its new siblings")
    func add() throws {
        // setup
        var document = Fixture.sample()
        // act
        try document.addElement(behaviour(50, "V1.C1.B0"), under: Fixture.capability, at: 0)
        // check
        #expect(document.element(Fixture.capability)?.children.map(\.code) == ["V1.C1.B0", "V1.C1.B1", "V1.C1.B2"])
        #expect(document.parent(of: Fixture.id(50))?.code == "V1.C1")
    }

    @Test("Adding under the wrong kind of parent is refused and leaves the document as it was")
    func addUnderWrongKind() {
        // setup
        var document = Fixture.sample()
        let before = document
        // act
        let problems = refusal({ (document) throws(FrameworkEditError) in
            try document.addElement(behaviour(50, "X1"), under: Fixture.skill)
        }, on: &document)
        // check
        #expect(problems == ["The behaviour X1 cannot sit under the skill C2.K1."])
        #expect(document == before)
    }

    @Test("Adding a duplicate code, or under a parent that is not there, is refused")
    func addRefused() {
        // setup
        var document = Fixture.sample()
        let before = document
        // act
        let duplicate = refusal({ (document) throws(FrameworkEditError) in
            try document.addElement(behaviour(50, "v1.c1.b1"), under: Fixture.capability)
        }, on: &document)
        let missing = refusal({ (document) throws(FrameworkEditError) in
            try document.addElement(behaviour(50, "X1"), under: Fixture.id(77))
        }, on: &document)
        // check
        #expect(duplicate == ["The code v1.c1.b1 is used more than once."])
        #expect(missing == ["There is no parent element with the id \(Fixture.id(77))."])
        #expect(document == before)
    }

    @Test("Moving an element into itself or its own descendant is refused")
    func moveIntoDescendant() {
        // setup
        var document = Fixture.sample()
        let before = document
        // act
        let intoChild = refusal({ (document) throws(FrameworkEditError) in
            try document.moveElement(Fixture.value, under: Fixture.behaviour1)
        }, on: &document)
        let intoItself = refusal({ (document) throws(FrameworkEditError) in
            try document.moveElement(Fixture.capability, under: Fixture.capability)
        }, on: &document)
        // check
        #expect(intoChild == ["V1 cannot move under V1.C1.B1: an element cannot sit inside itself."])
        #expect(intoItself == ["V1.C1 cannot move under V1.C1: an element cannot sit inside itself."])
        #expect(document == before)
    }

    @Test("Moving an element takes everything under it to the new parent")
    func move() throws {
        // setup
        var document = Fixture.sample()
        // act
        try document.moveElement(Fixture.capability, under: nil, at: 1)
        // check
        #expect(document.elements.map(\.code) == ["V1", "V1.C1", "C2"])
        #expect(document.element(Fixture.value)?.children.map(\.code) == ["V1.S1"])
        #expect(document.element(Fixture.capability)?.children.map(\.code) == ["V1.C1.B1", "V1.C1.B2"])
    }

    @Test("Reordering by an offset moves among siblings and stops at either end")
    func reorder() throws {
        // setup
        var document = Fixture.sample()
        // act
        try document.moveElement(Fixture.knowledge, by: -1)
        let up = document.element(Fixture.capability2)?.children.map(\.code)
        try document.moveElement(Fixture.knowledge, by: 5)
        let down = document.element(Fixture.capability2)?.children.map(\.code)
        try document.moveElement(Fixture.knowledge, by: 1)
        let unchanged = document.element(Fixture.capability2)?.children.map(\.code)
        try document.moveElement(Fixture.value, by: 1)
        // check
        #expect(up == ["C2.N1", "C2.K1"])
        #expect(down == ["C2.K1", "C2.N1"])
        #expect(unchanged == ["C2.K1", "C2.N1"])
        #expect(document.elements.map(\.code) == ["C2", "V1"])
    }

    @Test("Removing an element removes everything under it and returns it")
    func remove() throws {
        // setup
        var document = Fixture.sample()
        // act
        let removed = try document.removeElement(Fixture.capability)
        // check
        #expect(removed.code == "V1.C1")
        #expect(removed.children.count == 2)
        #expect(document.element(Fixture.capability) == nil)
        #expect(document.element(Fixture.behaviour1) == nil)
        #expect(document.allElements().count == 5)
    }

    @Test("Removing an element that is not there is refused")
    func removeMissing() {
        // setup
        var document = Fixture.sample()
        // act
        let problems = refusal({ (document) throws(FrameworkEditError) in
            try document.removeElement(Fixture.id(77))
        }, on: &document)
        // check
        #expect(problems == ["There is no element with the id \(Fixture.id(77))."])
    }

    @Test("Updating changes an element's fields but keeps its id and children")
    func update() throws {
        // setup
        var document = Fixture.sample()
        // act
        try document.updateElement(Fixture.capability) { element in
            element.title = "Collaboration"
            element.id = Fixture.id(60)
            element.children = []
        }
        // check
        let element = try #require(document.element(Fixture.capability))
        #expect(element.title == "Collaboration")
        #expect(element.children.count == 2)
    }
}
