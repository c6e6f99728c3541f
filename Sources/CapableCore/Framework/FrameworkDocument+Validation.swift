import Foundation

extension FrameworkDocument {
    /// The most characters a code may have; codes appear in tables and CSV files.
    public static let maxCodeLength = 30

    /// Human-readable problems with a document, each naming the element: duplicate codes or ids,
    /// a child under the wrong kind of parent (or a wrong kind at the top level), empty titles,
    /// statements or indicators, malformed links and a malformed rating scale. Empty when all is well.
    public static func validate(_ document: FrameworkDocument) -> [String] {
        var problems: [String] = []
        if document.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("The framework has an empty title.")
        }
        if document.version < 1 { problems.append("The version number must be 1 or more.") }
        var codes: Set<String> = []
        var ids: Set<UUID> = [document.id]
        for element in document.allElements() {
            let name = element.code.isEmpty ? "“\(element.title)”" : element.code
            if element.code.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append("The element “\(element.title)” has no code.")
            } else if element.code.count > maxCodeLength || element.code.contains(where: { $0.isWhitespace || $0 == "," }) {
                problems.append("The code \(element.code) must be \(maxCodeLength) characters or fewer, without spaces or commas.")
            } else if !codes.insert(element.code.lowercased()).inserted {
                problems.append("The code \(element.code) is used more than once.")
            }
            if !ids.insert(element.id).inserted { problems.append("The id \(element.id) (\(name)) is used more than once.") }
            if element.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("The element \(name) has an empty title.")
            }
            if element.statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("The element \(name) has an empty statement.")
            }
            for (index, indicator) in element.indicators.enumerated()
            where indicator.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                problems.append("Indicator \(index + 1) of \(name) is empty.")
            }
            for link in element.links where link.elementID == nil && (link.organisationalCapability ?? "").isEmpty {
                problems.append("The element \(name) links to “\(link.target)”, which is neither an element id nor an organisational capability.")
            }
            for link in element.links where link.elementID == element.id {
                problems.append("The element \(name) links to itself.")
            }
            for child in element.children where !element.kind.allowedChildren.contains(child.kind) {
                problems.append("The \(child.kind.rawValue) \(child.code) cannot sit under the \(element.kind.rawValue) \(name).")
            }
        }
        for element in document.elements where !element.kind.allowedAtTopLevel {
            problems.append("The \(element.kind.rawValue) \(element.code) cannot sit at the top level.")
        }
        problems += ScaleLevel.problems(document.ratingScale)
        return problems
    }
}
