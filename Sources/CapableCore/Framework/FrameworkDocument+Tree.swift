import Foundation

/// Finding elements in a framework's tree by their stable id.
extension FrameworkDocument {
    /// The element with this id, if the framework has it.
    public func element(_ id: UUID) -> Element? {
        allElements().first { $0.id == id }
    }

    /// The element with this code (codes are unique in a version, ignoring case).
    public func element(code: String) -> Element? {
        allElements().first { $0.code.caseInsensitiveCompare(code) == .orderedSame }
    }

    /// The elements from the top level down to (and including) the element; empty if it is not there.
    public func path(to id: UUID) -> [Element] {
        func search(_ elements: [Element], _ trail: [Element]) -> [Element]? {
            for element in elements {
                if element.id == id { return trail + [element] }
                if let found = search(element.children, trail + [element]) { return found }
            }
            return nil
        }
        return search(elements, []) ?? []
    }

    /// The element's parent; nil at the top level or when the element is not there.
    public func parent(of id: UUID) -> Element? {
        let path = path(to: id)
        return path.count > 1 ? path[path.count - 2] : nil
    }

    /// The element's siblings' ids in order (itself included) and its position among them.
    func siblings(of id: UUID) -> (parent: UUID?, ids: [UUID], index: Int)? {
        let parent = parent(of: id)
        let ids = (parent?.children ?? elements).map(\.id)
        guard let index = ids.firstIndex(of: id) else { return nil }
        return (parent?.id, ids, index)
    }

    /// Every element with the depth it sits at (0 for the top level), depth-first in order.
    public func outline() -> [(element: Element, depth: Int)] {
        func walk(_ element: Element, _ depth: Int) -> [(element: Element, depth: Int)] {
            [(element, depth)] + element.children.flatMap { walk($0, depth + 1) }
        }
        return elements.flatMap { walk($0, 0) }
    }
}
