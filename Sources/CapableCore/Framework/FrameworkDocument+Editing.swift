import Foundation

/// Why an edit to a framework was refused: each message names the element.
public struct FrameworkEditError: Error, Equatable, Sendable {
    public var problems: [String]

    /// Creates an error from its messages.
    public init(_ problems: [String]) { self.problems = problems }
}

/// Edits to a draft framework. Each edit works on a copy, validates the whole result and only then
/// replaces the document, so a refused edit leaves it exactly as it was.
extension FrameworkDocument {
    /// Adds an element (with any children it carries) under a parent, or at the top level when
    /// `parent` is nil, at `index` among its new siblings (the end when nil).
    public mutating func addElement(_ element: Element, under parent: UUID?, at index: Int? = nil) throws(FrameworkEditError) {
        var copy = self
        try copy.insert(element, under: parent, at: index)
        try commit(copy)
    }

    /// Changes an element's own fields; its place in the tree and its children stay as they are.
    public mutating func updateElement(_ id: UUID, _ change: (inout Element) -> Void) throws(FrameworkEditError) {
        var copy = self
        let found = Self.mutate(id, in: &copy.elements) { element in
            let (children, elementID) = (element.children, element.id)
            change(&element)
            element.children = children
            element.id = elementID
        }
        guard found else { throw FrameworkEditError(["There is no element with the id \(id)."]) }
        try commit(copy)
    }

    /// Moves an element, with everything under it, to a new parent (or the top level when nil).
    public mutating func moveElement(_ id: UUID, under parent: UUID?, at index: Int? = nil) throws(FrameworkEditError) {
        guard let moving = element(id) else { throw FrameworkEditError(["There is no element with the id \(id)."]) }
        if let parent, parent == id || moving.allDescendants().contains(where: { $0.id == parent }) {
            let target = element(parent)?.code ?? parent.uuidString
            throw FrameworkEditError(["\(moving.code) cannot move under \(target): an element cannot sit inside itself."])
        }
        var copy = self
        _ = Self.remove(id, from: &copy.elements)
        try copy.insert(moving, under: parent, at: index)
        try commit(copy)
    }

    /// Moves an element up (negative) or down (positive) among its siblings, stopping at either end.
    public mutating func moveElement(_ id: UUID, by offset: Int) throws(FrameworkEditError) {
        guard let (parent, ids, index) = siblings(of: id) else { throw FrameworkEditError(["There is no element with the id \(id)."]) }
        let target = min(max(index + offset, 0), ids.count - 1)
        guard target != index else { return }
        try moveElement(id, under: parent, at: target)
    }

    /// Removes an element and everything under it; returns what was removed.
    @discardableResult
    public mutating func removeElement(_ id: UUID) throws(FrameworkEditError) -> Element {
        var copy = self
        guard let removed = Self.remove(id, from: &copy.elements) else {
            throw FrameworkEditError(["There is no element with the id \(id)."])
        }
        try commit(copy)
        return removed
    }

    private mutating func insert(_ element: Element, under parent: UUID?, at index: Int?) throws(FrameworkEditError) {
        guard let parent else {
            elements.insert(element, at: Self.clamp(index, elements.count))
            return
        }
        let found = Self.mutate(parent, in: &elements) { parent in
            parent.children.insert(element, at: Self.clamp(index, parent.children.count))
        }
        guard found else { throw FrameworkEditError(["There is no parent element with the id \(parent)."]) }
    }

    private mutating func commit(_ candidate: FrameworkDocument) throws(FrameworkEditError) {
        let problems = Self.validate(candidate)
        guard problems.isEmpty else { throw FrameworkEditError(problems) }
        self = candidate
    }

    private static func clamp(_ index: Int?, _ count: Int) -> Int {
        min(max(index ?? count, 0), count)
    }

    private static func mutate(_ id: UUID, in elements: inout [Element], _ body: (inout Element) -> Void) -> Bool {
        for index in elements.indices {
            if elements[index].id == id {
                body(&elements[index])
                return true
            }
            if mutate(id, in: &elements[index].children, body) { return true }
        }
        return false
    }

    private static func remove(_ id: UUID, from elements: inout [Element]) -> Element? {
        if let index = elements.firstIndex(where: { $0.id == id }) { return elements.remove(at: index) }
        for index in elements.indices {
            if let removed = remove(id, from: &elements[index].children) { return removed }
        }
        return nil
    }
}

extension FrameworkDocument.Element {
    /// Everything under this element, depth-first.
    public func allDescendants() -> [FrameworkDocument.Element] {
        children.flatMap { [$0] + $0.allDescendants() }
    }
}
