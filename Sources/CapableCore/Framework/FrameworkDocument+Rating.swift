import Foundation

/// Which elements people are rated on, and checking a set of ratings against the scale.
extension FrameworkDocument {
    /// Elements people are rated on: everything with nothing under it, plus elements that carry
    /// their own examples (the trust principle, whose examples its capabilities share).
    public static func isRateable(_ element: Element) -> Bool {
        element.children.isEmpty || !element.indicators.isEmpty
    }

    /// The rateable elements written for these audiences, in framework order. A framework with
    /// none for them (a leadership framework, for someone who leads nobody) offers all its
    /// rateable elements rather than an empty form.
    public func rateableElements(for audiences: Set<Element.Audience>) -> [Element] {
        let rateable = allElements().filter(Self.isRateable)
        let chosen = rateable.filter { audiences.contains($0.audience) }
        return chosen.isEmpty ? rateable : chosen
    }

    /// Problems with ratings (element id → level), each naming the element: a level off the
    /// scale, an element not on the form, and, when `complete` is asked for, an element left unrated.
    public func ratingProblems(_ ratings: [UUID: Int], on elements: [Element], complete: Bool) -> [(element: UUID, message: String)] {
        let levels = Set(ratingScale.map(\.value))
        let range = "\(levels.min() ?? 1) to \(levels.max() ?? 1)"
        var problems: [(UUID, String)] = []
        let onForm = Set(elements.map(\.id))
        for (id, level) in ratings where !onForm.contains(id) {
            problems.append((id, "The element \(id.uuidString.lowercased()) is not on this form (level \(level))"))
        }
        for element in elements {
            if let level = ratings[element.id], !levels.contains(level) {
                problems.append((element.id, "Rate \(element.code) from \(range)"))
            } else if complete, ratings[element.id] == nil {
                problems.append((element.id, "Rate \(element.code) before submitting"))
            }
        }
        return problems
    }
}
