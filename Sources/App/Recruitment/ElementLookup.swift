import CapableCore
import Fluent
import Foundation

/// What recruitment shows about a framework element: its code and title in the newest
/// non-draft version that has it, and the value or principle it sits under there.
struct ElementInfo: Sendable, Equatable {
    var id: UUID
    var code: String
    var title: String
    var statement: String
    var frameworkTitle: String
    /// The top-level element (a value, principle or capability) the element sits under; itself
    /// when it is at the top level.
    var group: Group
    /// Orders elements as the frameworks do: framework title, then depth-first position.
    var order: Order

    struct Group: Sendable, Equatable, Hashable {
        var id: UUID
        var code: String
        var title: String
        var kind: FrameworkDocument.Element.Kind
    }

    struct Order: Sendable, Comparable {
        var framework: String
        var outline: Int

        static func < (lhs: Order, rhs: Order) -> Bool { (lhs.framework, lhs.outline) < (rhs.framework, rhs.outline) }
    }
}

enum ElementLookup {
    /// Each element's info, keyed by element id; ids no non-draft framework version has are left out.
    static func info(_ ids: [UUID], on db: any Database) async throws -> [UUID: ElementInfo] {
        let latest = try await Frameworks.latestElements(ids, on: db)
        var documents: [UUID: FrameworkDocument] = [:]
        var result: [UUID: ElementInfo] = [:]
        for (id, found) in latest {
            let versionID = try found.version.requireID()
            if documents[versionID] == nil { documents[versionID] = try await FrameworkStore.document(found.version, on: db) }
            guard let document = documents[versionID], let top = document.path(to: id).first else { continue }
            let outline = document.outline().firstIndex { $0.element.id == id } ?? 0
            result[id] = ElementInfo(
                id: id, code: found.row.code, title: found.row.title, statement: found.row.statement, frameworkTitle: document.title,
                group: .init(id: top.id, code: top.code, title: top.title, kind: top.kind),
                order: .init(framework: document.title, outline: outline))
        }
        return result
    }
}
