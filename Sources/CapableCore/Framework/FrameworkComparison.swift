import Foundation

/// What changed between two versions of a framework, matching elements by their stable id so a
/// renamed or moved element shows as changed rather than as one removed and one added.
public struct FrameworkComparison: Sendable, Equatable, Encodable {
    /// An element present in both versions whose fields differ.
    public struct Changed: Sendable, Equatable, Encodable {
        public var element: FrameworkDocument.Element
        public var changes: [FieldChange]
    }

    /// Changes to the framework's own fields (title, description, dates, rating scale).
    public var framework: [FieldChange]
    public var added: [FrameworkDocument.Element]
    public var removed: [FrameworkDocument.Element]
    public var changed: [Changed]

    /// Whether the two versions are the same.
    public var isEmpty: Bool { framework.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares an older version with a newer one; elements keep the newer version's order.
    public init(from old: FrameworkDocument, to new: FrameworkDocument) {
        let oldElements = Dictionary(old.allElements().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.allElements().map(\.id))
        framework = FieldChange.diff(before: old.snapshot, after: new.snapshot)
        added = new.allElements().filter { oldElements[$0.id] == nil }
        removed = old.allElements().filter { !newIDs.contains($0.id) }
        changed = new.allElements().compactMap { element in
            guard oldElements[element.id] != nil else { return nil }
            let changes = FieldChange.diff(before: old.snapshot(of: element.id), after: new.snapshot(of: element.id))
            return changes.isEmpty ? nil : Changed(element: element, changes: changes)
        }
    }
}

extension FrameworkDocument {
    /// The framework's own fields as text, for comparisons and the audit log.
    public var snapshot: [String: String?] {
        ["title": title, "description": description, "owner": owner, "kind": kind.rawValue,
         "implemented_on": implementedOn, "amended_on": amendedOn,
         "rating_scale": ratingScale.map { "\($0.value). \($0.label): \($0.description)" }.joined(separator: "\n")]
    }

    /// An element's fields as text, including its parent's code and its indicators, for
    /// comparisons and the audit log; empty when the element is not in this version.
    public func snapshot(of id: UUID) -> [String: String?] {
        let path = path(to: id)
        guard let element = path.last else { return [:] }
        let indicators = { (kind: Indicator.Kind) in
            element.indicators.filter { $0.kind == kind }.map(\.text).joined(separator: "\n")
        }
        return [
            "code": element.code, "kind": element.kind.rawValue, "title": element.title,
            "statement": element.statement, "audience": element.audience.rawValue,
            "why_it_matters": element.whyItMatters, "what_it_means_for_me": element.whatItMeansForMe,
            "looks_like": indicators(.looksLike), "does_not_look_like": indicators(.doesNotLookLike),
            "links": element.links.map { "\($0.type.rawValue) \($0.target)" }.joined(separator: "\n"),
            "parent": path.count > 1 ? path[path.count - 2].code : nil,
        ]
    }
}
